using Neuromorph.Circuits.Elements.Semiconductors;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>MOSFET level 1 NSUB (with TOX, NSS, TPG): VTO, GAMMA and PHI derived as SPICE's mos1temp does.</summary>
public sealed class MosfetSubstrateDopingTests
{
    private static readonly ModelCard Card = new("nch", "nmos", new Dictionary<string, double>(), new SourceLocation("m.cir", 1, 1));

    [Fact]
    public void Phi_gamma_and_vto_follow_from_the_doping_as_ngspice_prints_them()
    {
        // ngspice-39's showmod of .model nch nmos level=1 tox=20n nsub=1e16 (and of the pmos below): vto, gamma, phi
        var (vto, gamma, phi) = SubstrateDoping.Derive(Card, 1, 1e16, 3.9 * 8.854214871e-12 / 20e-9, 0, 1, 27, null, null, null);
        Assert.Equal(0.695453, phi, 6);
        Assert.Equal(0.333698, gamma, 6);
        Assert.Equal(0.0684662, vto, 6);
        var p = SubstrateDoping.Derive(Card, -1, 5e15, 3.9 * 8.854214871e-12 / 20e-9, 1e10, -1, 27, null, null, null);
        Assert.Equal((-1.08826, 0.23596, 0.659597), (Math.Round(p.Vto, 5), Math.Round(p.Gamma, 5), Math.Round(p.Phi, 6)));

        // given values stay; PHI = 2 Vt ln(NSUB / ni) in closed form
        var given = SubstrateDoping.Derive(Card, 1, 1e16, 1e-3, 0, 1, 27, 0.5, 0.4, null);
        Assert.Equal((0.5, 0.4), (given.Vto, given.Gamma));
        Assert.Equal(2 * Junction.ThermalVoltage(27) * Math.Log(1e22 / 1.45e16), given.Phi, 14);
    }

    [Fact]
    public void A_doping_below_ni_is_a_located_error_and_nsub_without_tox_a_warning()
    {
        var ex = Assert.Throws<UserInputException>(() => Sim.Run("m\nvd d 0 2\nvg g 0 2\nm1 d g 0 0 nch\n.model nch nmos level=1 tox=20n nsub=1e9\n.op\n.end\n"));
        Assert.Contains("Nsub < Ni", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Diagnostic.Location!.Line);
        var netlist = NetlistParser.Parse("m\nvd d 0 2\nvg g 0 2\nm1 d g 0 0 nch\n.model nch nmos level=1 nsub=1e16\n.op\n.end\n", "m.cir");
        Neuromorph.Circuits.Analyses.CircuitSimulator.Run(netlist);
        Assert.Contains(netlist.Warnings, w => w.Message.Contains("NSUB without TOX is ignored", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [Trait("Category", "peer")]
    [InlineData("vd d 0 3\nvg g 0 2\nvb b 0 -1\n.dc vg 0 4 0.05 vb -2 0 1\nm1 d g 0 b nch l=2u w=10u\n.model nch nmos level=1 tox=20n nsub=1e16 uo=500 lambda=0.02\n")]
    [InlineData("vd d 0 -3\nvg g 0 -2\nvb b 0 1\n.dc vg 0 -4 -0.05 vb 0 2 1\nm1 d g 0 b pch l=2u w=10u\n.model pch pmos level=1 tox=20n nsub=5e15 nss=1e10 tpg=-1\n")]
    [InlineData("vd d 0 3\nvg g 0 2\nvb b 0 -1\n.dc vd 0 4 0.1 vb -3 0 1.5\nm1 d g 0 b nch l=1u w=5u\n.model nch nmos level=1 tox=10n nsub=3e17 tpg=0 vto=0.8\n")]
    [InlineData("vd d 0 3\nvg g 0 2\nvb b 0 -1\n.dc vg 0 4 0.1 vb -3 0 1.5\nm1 d g 0 b nch l=1u w=5u\n.model nch nmos level=1 tox=10n nsub=2e16 phi=0.7 nss=5e10\n")]
    public void Drain_currents_match_ngspice_dc_sweeps(string body)
    {
        Requires.Ngspice();
        var deck = $"nsub\n{body}";
        var (_, theirs) = Ngspice.RunTransient(deck, "i(vd)");
        var ours = Sim.Run($"{deck}.print dc i(vd)\n.end\n").Single().Col("i(vd)");
        Assert.Equal(theirs[0].Length, ours.Length);
        var range = theirs[0].Max() - theirs[0].Min();
        Assert.True(range > 1e-5, $"range {range}");
        for (var k = 0; k < ours.Length; k++)
        {
            Assert.True(Math.Abs(ours[k] - theirs[0][k]) <= 1e-6 * range, $"point {k}: ours {ours[k]:R}, ngspice {theirs[0][k]:R}");
        }
    }
}
