namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// <c>DISTOF1</c>/<c>DISTOF2</c> on independent sources (SPICE's .disto inputs, with optional magnitude and phase)
/// are accepted and ignored: .disto is not supported, and no other analysis reads them.
/// </summary>
public class DistortionInputTests
{
    private static string Deck(string extra, string extraI) =>
        $"distof\nv1 in 0 dc 0.5 ac 1 {extra} sin(0.5 1 1k)\nr1 in out 1k\nc1 out 0 100n\ni1 out 0 {extraI} dc 1m\n.tran 10u 2m\n.print tran v(out) i(v1)\n.end\n";

    [Theory]
    [InlineData("distof1 0.1 30 distof2 0.05", "distof2")]
    [InlineData("distof2 distof1 1", "distof1 0.2 -90")]
    public void Sources_with_distortion_inputs_give_the_same_transient_as_without(string extra, string extraI)
    {
        var with = Sim.Tran(Deck(extra, extraI));
        var without = Sim.Tran(Deck("", ""));
        Assert.Equal(without.Independent, with.Independent);
        Assert.Equal(without.Col("v(out)"), with.Col("v(out)"));
        Assert.Equal(without.Col("i(v1)"), with.Col("i(v1)"));
    }

    [Fact]
    public void Ac_magnitude_and_phase_before_distof_are_kept()
    {
        static double[] Ac(string source) => Sim.Run($"ac\nv1 in 0 {source}\nr1 in out 1k\nc1 out 0 1u\n.ac dec 5 10 10k\n.print ac vm(out) vp(out)\n.end\n")[0].Col("vm(out)");
        Assert.Equal(Ac("dc 0 ac 2 45"), Ac("dc 0 ac 2 45 distof1 0.5 10"));
        Assert.Equal(Ac("ac 1"), Ac("ac distof2 0.5"));
    }
}
