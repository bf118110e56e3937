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
        SequenceFixtures.AssertGradientsMatchCentralDifferences(model, x, w, steps, batch, initial, cell);
    }
}
