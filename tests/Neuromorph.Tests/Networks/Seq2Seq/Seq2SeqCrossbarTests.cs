using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Experiments.Shared;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Sequence;

namespace Neuromorph.Tests.Networks.Seq2Seq;

/// <summary>Every weight matrix of the encoder–decoder on crossbars: ideal arrays compute what the software model computes; noisy ones do not.</summary>
public class Seq2SeqCrossbarTests
{
    [Theory]
    [InlineData("gru", "additive")]
    [InlineData("lstm", "multiplicative")]
    public void Ideal_crossbars_compute_the_software_logits_and_noisy_ones_differ(string cell, string attention)
    {
        Assert.True(CellTypes.TryParse(cell, out var c));
        Assert.True(AttentionKinds.TryParse(attention, out var a));
        var model = Seq2SeqModel.Create(new Seq2SeqModelSpec(c, 6, 5, 5, a, 4), 11);
        int[] sources = [0, 1, 2, 3, 2, 3, 1, 0];
        int[] targets = [3, 2, 1, 0, 5, 0, 1, 3, 2, 5];
        var software = (double[])model.Forward(sources, 4, targets, 5, 2).Logits.Clone();
        var bound = new List<Parameter>();
        model.BindWeights(Crossbars(new NonIdealities(), bound));
        var ideal = (double[])model.Forward(sources, 4, targets, 5, 2).Logits.Clone();
        Assert.Equal(a == AttentionKind.Additive ? 8 : 6, bound.Count); // encoder 2, decoder 2, attention 3 or 1, output 1
        Assert.Contains(model.Output.Weight, bound);
        for (var i = 0; i < software.Length; i++)
        {
            Assert.Equal(software[i], ideal[i], 1e-9);
        }

        model.BindWeights(Crossbars(new NonIdealities { ReadNoise = 0.05 }, []));
        var noisy = model.Forward(sources, 4, targets, 5, 2).Logits;
        Assert.True(software.Zip(noisy).Max(p => Math.Abs(p.First - p.Second)) > 1e-4);
        model.BindWeights(null);
        Assert.Equal(software, model.Forward(sources, 4, targets, 5, 2).Logits);
    }

    private static Func<Parameter, IWeightSubstrate> Crossbars(NonIdealities n, List<Parameter> bound)
    {
        var k = 0;
        return p =>
        {
            bound.Add(p);
            var spec = CrossbarSubstrateSpec.Default with { GMin = 1e-6, GMax = 100e-6, NonIdealities = n };
            return new NoiseManagedSubstrate(new CrossbarSubstrate(CrossbarWeights.ToArray(p.Value, p.Rows, p.Columns), spec, 40 + k++));
        };
    }
}
