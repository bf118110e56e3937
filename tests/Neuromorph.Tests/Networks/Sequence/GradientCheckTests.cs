using Neuromorph.Networks.Sequence;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>BPTT gradients of every parameter against central finite differences of the forward pass.</summary>
public class GradientCheckTests
{
    [Theory]
    [InlineData("rnn_tanh", 2, false)]
    [InlineData("rnn_relu", 1, true)]
    [InlineData("jordan", 1, true)]
    [InlineData("lstm", 2, true)]
    [InlineData("gru", 2, true)]
    [InlineData("lstm", 1, false)]
    [InlineData("gru", 1, false)]
    public void Backpropagation_through_time_matches_central_differences(string cell, int layers, bool carriedState)
    {
        const int input = 3, hidden = 4, outputs = 2, steps = 6, batch = 3;
        var model = SequenceFixtures.Model(cell, input, hidden, outputs, layers, seed: 21, scale: 1.3);
        var x = SequenceFixtures.Uniform(steps * batch * input, 22);
        var w = SequenceFixtures.Uniform(steps * batch * outputs, 23); // L = Σ w ⊙ y, so dL/dy = w
        var initial = carriedState ? model.Forward(SequenceFixtures.Uniform(4 * batch * input, 24), 4, batch).Final.Copy() : null;
        double Loss()
        {
            var y = model.Forward(x, steps, batch, initial).Outputs;
            return w.Select((wi, i) => wi * y[i]).Sum();
        }

        model.ZeroGradients();
        model.Backward(model.Forward(x, steps, batch, initial), w);
        foreach (var p in model.Parameters)
        {
            var analytic = (double[])p.Gradient.Clone();
            var numeric = new double[p.Value.Length];
            for (var i = 0; i < p.Value.Length; i++)
            {
                var v = p.Value[i];
                const double h = 1e-5;
                p.Value[i] = v + h;
                var up = Loss();
                p.Value[i] = v - h;
                var down = Loss();
                p.Value[i] = v;
                numeric[i] = (up - down) / (2 * h);
            }

            var scale = numeric.Max(Math.Abs);
            Assert.True(scale > 1e-6, $"{p.Name}: gradient vanishes, the check would be empty");
            var worst = analytic.Zip(numeric, (a, n) => Math.Abs(a - n)).Max();
            Assert.True(worst <= 1e-6 * scale, $"{cell} {p.Name}: max |BPTT - FD| = {worst:E2}, max |FD| = {scale:E2}");
        }
    }
}
