using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Rtrl;
using Neuromorph.Networks.Sequence.Training;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>Real-time recurrent learning: its gradients against BPTT's, online training, and the models and files it refuses.</summary>
public class RtrlTests
{
    /// <summary>
    /// RTRL's gradient of an MSE loss over a whole sequence (dL/dy_t fed in at each step, as it becomes known) equals BPTT's
    /// on the same sequence to 1e-10 of the largest BPTT gradient of every parameter tensor.
    /// </summary>
    [Theory]
    [InlineData("rnn_tanh", 1, 1)]
    [InlineData("rnn_relu", 1, 1)]
    [InlineData("lstm", 1, 1)]
    [InlineData("gru", 1, 1)]
    [InlineData("rnn_tanh", 2, 3)]
    [InlineData("lstm", 2, 3)]
    [InlineData("gru", 2, 3)]
    public void Rtrl_gradients_equal_bptt_gradients(string cell, int layers, int batch)
    {
        const int input = 3, hidden = 5, outputs = 2, steps = 10;
        var model = SequenceFixtures.Model(cell, input, hidden, outputs, layers, seed: 31, scale: 1.3);
        var x = SequenceFixtures.Uniform(steps * batch * input, 32);
        var targets = SequenceFixtures.Uniform(steps * batch * outputs, 33);
        var layout = new SequenceSet(batch, steps, input, outputs, new double[batch * steps * input], new double[batch * steps * outputs], TargetTiming.EveryStep);

        var trace = model.Forward(x, steps, batch);
        var dy = new double[steps * batch * outputs];
        Loss.Evaluate(LossKind.MeanSquaredError, trace.Outputs, 0, steps, batch, outputs, layout, targets, dy);
        model.ZeroGradients();
        model.Backward(trace, dy);
        var bptt = model.Parameters.Select(p => (double[])p.Gradient.Clone()).ToArray();

        model.ZeroGradients();
        var rtrl = new RtrlGradient(model);
        rtrl.Reset(batch);
        int bi = batch * input, bo = batch * outputs;
        for (var t = 0; t < steps; t++)
        {
            var y = rtrl.Step(x.AsSpan(t * bi, bi));
            for (var k = 0; k < bo; k++)
            {
                Assert.Equal(trace.Outputs[(t * bo) + k], y[k], 1e-14);
            }

            rtrl.Accumulate(dy.AsSpan(t * bo, bo));
        }

        var worst = 0.0;
        for (var i = 0; i < bptt.Length; i++)
        {
            var p = model.Parameters[i];
            var scale = bptt[i].Max(Math.Abs);
            Assert.True(scale > 1e-8, $"{cell} {p.Name}: gradient vanishes, the check would be empty");
            var error = bptt[i].Zip(p.Gradient, (a, r) => Math.Abs(a - r)).Max() / scale;
            worst = Math.Max(worst, error);
        }

        Assert.True(worst <= 1e-10, $"{cell} × {layers}: max relative |RTRL − BPTT| = {worst:E2}");
    }
}
