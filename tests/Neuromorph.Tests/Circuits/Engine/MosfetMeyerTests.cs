using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Meyer's gate capacitances of MOSFET level 1 from TOX: a common-source amplifier's gain rolls off as ngspice's does.</summary>
public sealed class MosfetMeyerTests
{
    private const string Model = ".model nm nmos level=1 vto=0.7 kp=1e-4 tox=20n lambda=0.02 gamma=0.4 phi=0.65 cgso=0.2n cgdo=0.2n\n";

    private static string Amplifier(string bias) =>
        $"cs amp\nvdd vdd 0 5\nvin in 0 dc {bias} ac 1\nrs in g 10k\nm1 d g 0 0 nm l=1u w=50u\nrd vdd d 5k\ncl d 0 10f\n{Model}";

    [Fact]
    public void Tox_gives_gate_capacitance_that_rolls_the_gain_off_above_10_MHz()
    {
        var with = Sim.Run(Amplifier("1.2") + ".ac dec 5 1k 1g\n.print ac vm(d)\n.end\n").Single().Col("vm(d)");
        var without = Sim.Run(Amplifier("1.2").Replace(" tox=20n", "", StringComparison.Ordinal) + ".ac dec 5 1k 1g\n.print ac vm(d)\n.end\n").Single().Col("vm(d)");
        Assert.Equal(with[0], without[0], 1e-9 * with[0]);
        Assert.True(with[^1] < 0.8 * without[^1], $"gain at 1 GHz: {with[^1]} with TOX, {without[^1]} without");
        Assert.True(with[25] < 0.7 * with[0], "gain at 100 MHz is below 0.7 of the midband gain");
    }

    [SkippableTheory]
    [Trait("Category", "peer")]
    [InlineData("1.2")]
    [InlineData("3")]
    [InlineData("0.5")]
    public void Ac_gain_matches_ngspice_in_saturation_triode_and_cutoff(string bias)
    {
        Requires.Ngspice();
        var deck = Amplifier(bias) + ".ac dec 5 1k 1g\n";
        var (f, theirs) = Ngspice.RunTransient(deck, "vm(d)");
        var ours = Sim.Run(deck + ".print ac vm(d)\n.end\n").Single().Col("vm(d)");
        Assert.Equal(f.Length, ours.Length);
        for (var k = 0; k < ours.Length; k++)
        {
            Assert.True(Math.Abs(ours[k] - theirs[0][k]) <= 1e-2 * Math.Abs(theirs[0][k]), $"{f[k]:G4} Hz: ours {ours[k]:G8}, ngspice {theirs[0][k]:G8}");
        }
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Transient_with_meyer_charges_matches_ngspice() =>
        PeerComparison.AgainstNgspice(
            Amplifier("1.2").Replace("dc 1.2 ac 1", "sin(1.2 0.3 20meg)", StringComparison.Ordinal) + ".tran 0.5n 150n\n.options reltol=1e-5",
            ["v(d)", "v(g)"], bound: 2e-3);
}
