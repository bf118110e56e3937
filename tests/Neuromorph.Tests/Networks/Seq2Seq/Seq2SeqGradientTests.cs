using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Seq2Seq.Training;
using Neuromorph.Networks.Sequence;

namespace Neuromorph.Tests.Networks.Seq2Seq;

/// <summary>Backpropagation through decoder, attention and encoder against central finite differences of the loss (no PyTorch needed).</summary>
public class Seq2SeqGradientTests
{
    [Theory]
    [InlineData("gru", "additive", false)]
    [InlineData("gru", "multiplicative", false)]
    [InlineData("lstm", "additive", false)]
    [InlineData("rnn_tanh", "multiplicative", false)]
    [InlineData("gru", "additive", true)]
    [InlineData("lstm", "multiplicative", true)]
    public void Gradients_of_every_parameter_match_central_differences(string cell, string attention, bool bidirectional)
    {
        Assert.True(CellTypes.TryParse(cell, out var c));
        Assert.True(AttentionKinds.TryParse(attention, out var a));
        const int vocab = 6, hidden = 4, steps = 4, sourceSteps = 5, batch = 3;
        var model = Seq2SeqModel.Create(new Seq2SeqModelSpec(c, vocab, hidden, hidden, a, 3) { Bidirectional = bidirectional }, 7);
        foreach (var p in model.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] *= 2.5; // larger weights: sharper attention, saturating gates
            }
        }

        int[] sources = [0, 1, 2, 3, 1, 3, 2, 2, 0, 1, 1, 0, 3, 2, 2];
        int[] targets = [3, 2, 1, 5, 1, 2, 2, 5, 2, 3, 0, 5];
        double Loss() => TokenLoss.CrossEntropy(model.Forward(sources, sourceSteps, targets, steps, batch), targets, vocab, default);
        var trace = model.Forward(sources, sourceSteps, targets, steps, batch);
        var dLogits = new double[trace.Logits.Length];
        TokenLoss.CrossEntropy(trace, targets, vocab, dLogits);
        model.ZeroGradients();
        model.Backward(trace, dLogits);
        const double eps = 1e-6;
        for (var k = 0; k < model.Parameters.Count; k++)
        {
            var p = model.Parameters[k];
            for (var i = 0; i < p.Value.Length; i++)
            {
                var keep = p.Value[i];
                p.Value[i] = keep + eps;
                var up = Loss();
                p.Value[i] = keep - eps;
                var down = Loss();
                p.Value[i] = keep;
                var numeric = (up - down) / (2 * eps);
                Assert.True(Math.Abs(numeric - p.Gradient[i]) < 1e-7 + (1e-5 * Math.Abs(numeric)),
                    $"{model.ParameterNames[k]}[{i}]: backprop {p.Gradient[i]:G10}, finite difference {numeric:G10}");
            }
        }
    }
}
