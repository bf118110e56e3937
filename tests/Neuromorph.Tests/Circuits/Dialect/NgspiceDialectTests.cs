using Neuromorph.Circuits.Parsing;
using Neuromorph.Tests.Circuits.Engine;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Dialect;

/// <summary>ngspice netlist-dialect forms from its example and regression decks, each run in ngspice and in Neuromorph.</summary>
public class NgspiceDialectTests
{
    [SkippableFact]
    [Trait("Category", "peer")]
    public void Source_values_given_as_key_equals_value_match_ngspice()
    {
        const string deck = "kv\nv1 1 0 dc=100 ac=1\nVIN 2 1 DC=3\nIin 3 0 dc = -1mA\nr1 2 0 1k\nr3 3 0 1k\n.op\n";
        SameOp(deck, 1e-12, "v(2)", "v(3)", "i(v1)", "i(vin)");
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Distortion_inputs_after_a_bare_sin_waveform_match_ngspice()
    {
        // tests/filters/lowpass.cir: SIN without parentheses, then DISTOF1 0 DISTOF2 0
        const string deck = "lowpass\nV1 1 0 DC 0 AC 1 SIN 0 1 1K 0 0 DISTOF1 0 DISTOF2 0\nR1 1 2 10k\nR2 2 0 10k\nC1 2 0 1n\n.ac dec 10 1k 1meg\n";
        PeerComparison.AgainstNgspice(deck, ["vm(2)", "vp(2)"], 1e-6, "ac");
        var source = NetlistParser.Parse(deck + ".end\n", "t.cir").Elements.OfType<Neuromorph.Circuits.Elements.Sources.SourceCard>().Single();
        Assert.IsType<Neuromorph.Circuits.NetlistModel.SinSpec>(source.Waveform);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Digits_after_a_scale_suffix_are_ignored_as_ngspice_39_does()
    {
        // examples/various/RKM-R-1.cir and res-value-options.cir: ngspice-39 reads 4k7 as 4k, 2R5 as 2, 4M7 as 4m, 4Meg7 as 4meg
        const string deck = "rkm\nV1 1 0 1\nR1 1 0 4K7\nR2 1 0 4R7\nR4 1 0 470R\nR6 1 0 47K3\nR8 1 0 4Meg7\nR9 1 0 4L7\nR11 1 0 4M7\nR12 1 0 2m5\nR13 1 0 1e-3wwww\n.op\n";
        SameOp(deck, 1e-12, "i(v1)");
        var r = Sim.Run(deck + ".print op i(v1)\n.end\n").Single();
        var expected = -(1 / 4e3 + 1 / 4.0 + 1 / 470.0 + 1 / 47e3 + 1 / 4e6 + 1 / 4.0 + 1 / 4e-3 + 1 / 2e-3 + 1 / 1e-3);
        Assert.Equal(expected, r.Col("i(v1)")[0], Math.Abs(expected) * 1e-12);
        var warnings = NetlistParser.Parse(deck + ".end\n", "t.cir").Warnings;
        Assert.Contains(warnings, w => w.Message.Contains("'4K7': what follows the scale suffix is ignored", StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Print_items_separated_by_commas_match_ngspice()
    {
        // tests/resistance/res_array.cir: .PRINT TRAN I(VR1), I(VR2), I(VR3)
        const string deck = "array\nVin 1 0 DC 1 SIN (0 1 100MEG 1NS 0.0) AC 1\nVR1 1 2 DC 0\nR1 2 0 10K\nVR2 1 3 DC 0\nR2 3 0 5K\n.tran 1ns 10ns\n";
        var print = NetlistParser.Parse(deck + ".PRINT TRAN I(VR1), I(VR2),I(VR1)\n.end\n", "t.cir").Prints.Single();
        Assert.Equal(3, print.Items.Count);
        PeerComparison.AgainstNgspice(deck, ["i(vr1)", "i(vr2)"], 1e-3);
    }

    /// <summary>Runs the operating point of <paramref name="deck"/> (title first, .op included, no .end) in both and compares each vector.</summary>
    internal static void SameOp(string deck, double relative, params string[] vectors)
    {
        Requires.Ngspice();
        var peer = Ngspice.RunOp(deck, vectors);
        var ours = Sim.Run($"{deck}.print op {string.Join(" ", vectors)}\n.end\n").Single(x => x.Kind == "op");
        for (var k = 0; k < vectors.Length; k++)
        {
            var o = ours.Col(vectors[k])[0];
            Assert.True(Math.Abs(o - peer[k]) <= (relative * Math.Abs(peer[k])) + 1e-15, $"{vectors[k]}: ngspice {peer[k]:R}, ours {o:R}");
        }
    }
}
