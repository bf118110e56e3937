using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>MOSFET level 1 model cards: L and W as instance defaults, KP from UO and TOX; drain currents against ngspice.</summary>
public sealed class MosfetModelCardTests
{
    private const string Bias = "vd d 0 2\nvg g 0 1.5\nvb b 0 -0.5\n.dc vd 0 3 0.25 vg 0.5 2.5 0.5\n";

    [Fact]
    public void Model_card_length_and_width_are_the_defaults_of_instances_that_omit_them()
    {
        const string model = ".model nm nmos level=1 vto=0.7 kp=1e-4 l=2u w=20u\n";
        var fromModel = Sim.Run($"m\n{Bias}m1 d g 0 b nm\n{model}.print dc i(vd)\n.end\n").Single().Col("i(vd)");
        var onInstance = Sim.Run($"m\n{Bias}m1 d g 0 b nm l=2u w=20u\n{model}.print dc i(vd)\n.end\n").Single().Col("i(vd)");
        var instanceWins = Sim.Run($"m\n{Bias}m1 d g 0 b nm l=4u\n{model}.print dc i(vd)\n.end\n").Single().Col("i(vd)");
        Assert.Equal(onInstance, fromModel);
        Assert.Equal(-0.5 * 1e-4 * 10 * 0.8 * 0.8, Sim.Run($"m\nvd d 0 2\nvg g 0 1.5\nm1 d g 0 0 nm\n{model}.op\n.print op i(vd)\n.end\n").Single().Col("i(vd)")[0], 1e-11);
        Assert.Equal(onInstance[^1] / 2, instanceWins[^1], 1e-11);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Model_card_length_and_width_match_ngspice() =>
        AgainstNgspice($"m\n{Bias}m1 d g 0 b nm\n.model nm nmos level=1 vto=0.7 kp=1e-4 gamma=0.4 phi=0.65 lambda=0.02 l=2u w=20u\n");

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Kp_from_uo_and_tox_matches_ngspice()
    {
        AgainstNgspice($"m\n{Bias}m1 d g 0 b nm l=2u w=20u\n.model nm nmos level=1 vto=0.7 tox=20n uo=450 gamma=0.4 phi=0.65 lambda=0.02\n");
        // UO defaults to 600; a p-channel device with u0 spelled the SPICE2 way
        AgainstNgspice($"m\n{Bias}m1 d g 0 b nm l=2u w=20u\n.model nm nmos level=1 vto=0.7 tox=15n lambda=0.02\n");
        AgainstNgspice("m\nvd d 0 -2\nvg g 0 -1.5\n.dc vd -3 0 0.25 vg -2.5 -0.5 0.5\nm1 d g 0 0 pm l=1u w=10u\n.model pm pmos level=1 vto=-0.8 tox=25n u0=250 lambda=0.05\n");
    }

    /// <summary>Drain current i(vd) at every bias point of the nested .dc sweep, to 1e-6 relative (1 pA absolute).</summary>
    private static void AgainstNgspice(string deck)
    {
        Requires.Ngspice();
        var (_, theirs) = Ngspice.RunTransient(deck, "i(vd)");
        var ours = Sim.Run($"{deck}.print dc i(vd)\n.end\n").Single().Col("i(vd)");
        Assert.Equal(theirs[0].Length, ours.Length);
        Assert.Contains(ours, i => Math.Abs(i) > 1e-5);
        for (var k = 0; k < ours.Length; k++)
        {
            Assert.True(Math.Abs(ours[k] - theirs[0][k]) <= (1e-6 * Math.Abs(theirs[0][k])) + 1e-12, $"point {k}: ours {ours[k]:R}, ngspice {theirs[0][k]:R}");
        }
    }
}
