using Neuromorph.Networks.Sequence;

namespace Neuromorph.Tests.Networks.Sequence;

public class CellForwardTests
{
    [Theory]
    [InlineData("rnn_tanh", 1)]
    [InlineData("rnn_tanh", 2)]
    [InlineData("rnn_relu", 2)]
    [InlineData("jordan", 1)]
    [InlineData("lstm", 1)]
    [InlineData("lstm", 3)]
    [InlineData("gru", 1)]
    [InlineData("gru", 2)]
    public void Batched_forward_pass_equals_the_published_equations_written_out(string cell, int layers)
    {
        const int input = 3, hidden = 5, outputs = 2, steps = 7, batch = 4;
        var model = SequenceFixtures.Model(cell, input, hidden, outputs, layers, seed: 11, scale: 1.5);
        var x = SequenceFixtures.Uniform(steps * batch * input, 12);
        var y = model.Forward(x, steps, batch).Outputs;
        for (var b = 0; b < batch; b++)
        {
            var expected = ReferenceRecurrence.Run(cell, layers, hidden, outputs, n => model.Find(n)!.Value, SequenceFixtures.Sequence(x, steps, batch, input, b));
            for (var t = 0; t < steps; t++)
            {
                for (var o = 0; o < outputs; o++)
                {
                    Assert.Equal(expected[t][o], y[(((t * batch) + b) * outputs) + o], 1e-12);
                }
            }
        }
    }

    [Fact]
    public void Parameters_have_pytorch_names_and_shapes()
    {
        var m = SequenceFixtures.Model("lstm", 3, 8, 2, 2, 1);
        Assert.Equal(["weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1", "weight", "bias"], m.Parameters.Select(p => p.Name));
        Assert.Equal([32, 3], m.Find("weight_ih_l0")!.Shape);
        Assert.Equal([32, 8], m.Find("weight_ih_l1")!.Shape);
        Assert.Equal([24, 5], SequenceFixtures.Model("gru", 5, 8, 1, 1, 1).Find("weight_ih_l0")!.Shape);
        Assert.Equal([6, 2], SequenceFixtures.Model("jordan", 5, 6, 2, 1, 1).Find("weight_hh_l0")!.Shape);
        Assert.Equal([2, 8], m.Find("weight")!.Shape);
    }

    [Fact]
    public void Running_in_chunks_from_the_carried_state_equals_one_pass()
    {
        foreach (var cell in SequenceFixtures.Cells)
        {
            var model = SequenceFixtures.Model(cell, 2, 4, 3, cell == "jordan" ? 1 : 2, 5);
            var x = SequenceFixtures.Uniform(10 * 3 * 2, 6);
            var whole = (double[])model.Forward(x, 10, 3).Outputs.Clone();
            var first = model.Forward(x[..(4 * 3 * 2)], 4, 3);
            var head = first.Outputs.AsSpan(0, 4 * 3 * 3).ToArray();
            var state = first.Final.Copy();
            var tail = model.Forward(x[(4 * 3 * 2)..], 6, 3, state).Outputs.AsSpan(0, 6 * 3 * 3).ToArray();
            var joined = head.Concat(tail).ToArray();
            for (var i = 0; i < joined.Length; i++)
            {
                Assert.Equal(whole[i], joined[i], 1e-13);
            }
        }
    }
}
