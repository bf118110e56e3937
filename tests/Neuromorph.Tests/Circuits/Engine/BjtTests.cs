using Neuromorph.Circuits.Elements.Semiconductors;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// The Gummel–Poon bipolar transistor (Q): the Ebers–Moll limit and the Early effect against their closed forms, the full
/// model card against ngspice live (output characteristics, a common-emitter amplifier's ac response to 1 GHz, a PNP
/// stage, an inverter chain's transient with charge storage), and located errors for bad cards.
/// </summary>
public class BjtTests
{
    private const double Gmin = 1e-12;

    private const string Full = ".model qn npn (is=1e-15 bf=150 nf=1.01 vaf=60 ikf=20m ise=5e-14 ne=1.6 br=3 nr=1.02 var=20 ikr=5m isc=1e-13 nc=1.8\n" +
                                "+ rb=50 irb=1m rbm=10 re=1 rc=5 cje=1p vje=0.75 mje=0.35 tf=300p xtf=2 vtf=4 itf=50m cjc=0.8p vjc=0.65 mjc=0.4 xcjc=0.6\n" +
                                "+ tr=10n cjs=0.5p vjs=0.6 mjs=0.3 xtb=1.5 eg=1.11 xti=3 fc=0.6 kf=1e-16 af=1)\n";

    private const string FullPnp = ".model qp pnp (is=2e-15 bf=80 vaf=40 ikf=10m ise=1e-14 ne=1.5 br=2 var=15 rb=80 re=2 rc=10 cje=1.5p cjc=1p xcjc=0.7\n" +
                                   "+ tf=500p tr=20n cjs=0.8p xtf=1 vtf=3 itf=20m)\n";

    private static readonly double Vt = Junction.ThermalVoltage(27);

    [Fact]
    public void Ebers_Moll_limit_collector_and_base_currents_follow_the_exponentials()
    {
        const double isat = 1e-15, bf = 100, br = 2, vce = 2;
        var r = Sim.Run($"em\nvb b 0 0.6\nvc c 0 {vce}\nq1 c b 0 qem\n.model qem npn (is={isat} bf={bf} br={br})\n.dc vb 0.4 0.8 0.01\n.print dc i(vc) i(vb)\n.end\n").Single(x => x.Kind == "dc");
        var ic = r.Col("i(vc)");
        var ib = r.Col("i(vb)");
        for (var k = 0; k < r.Independent.Length; k++)
        {
            var vbe = r.Independent[k];
            var vbc = vbe - vce;
            double ebe = Math.Exp(vbe / Vt), ebc = Math.Exp(vbc / Vt);
            // gmin across the B-C junction, and across the substrate junction (substrate at ground, facing the collector)
            var collector = (isat * (ebe - ebc)) - (isat / br * (ebc - 1)) - (Gmin * vbc) + (Gmin * vce);
            var bas = (isat / bf * (ebe - 1)) + (Gmin * vbe) + (isat / br * (ebc - 1)) + (Gmin * vbc);
            Assert.True(Math.Abs(-ic[k] - collector) <= 1e-9 * Math.Abs(collector), $"Ic at vbe={vbe}: {-ic[k]} vs {collector}");
            Assert.True(Math.Abs(-ib[k] - bas) <= 1e-9 * Math.Abs(bas), $"Ib at vbe={vbe}: {-ib[k]} vs {bas}");
        }
    }

    [Fact]
    public void Early_effect_collector_current_rises_with_vce_over_vaf()
    {
        const double isat = 1e-15, vaf = 40, vbe = 0.7;
        var r = Sim.Run($"early\nvb b 0 {vbe}\nvc c 0 1\nq1 c b 0 qe\n.model qe npn (is={isat} bf=100 vaf={vaf})\n.dc vc 0.5 10 0.5\n.print dc i(vc)\n.end\n").Single(x => x.Kind == "dc");
        var ic = r.Col("i(vc)");
        for (var k = 0; k < r.Independent.Length; k++)
        {
            var vbc = vbe - r.Independent[k];
            double cbe = isat * (Math.Exp(vbe / Vt) - 1), cbc = isat * (Math.Exp(vbc / Vt) - 1);
            var expected = ((cbe - cbc) * (1 - (vbc / vaf))) - cbc - (Gmin * vbc) + (Gmin * r.Independent[k]);
            Assert.True(Math.Abs(-ic[k] - expected) <= 1e-9 * Math.Abs(expected), $"Ic at vce={r.Independent[k]}: {-ic[k]} vs {expected}");
        }

        // the slope in the active region is IS exp(vbe/vt) / VAF
        var slope = (ic[^2] - ic[^1]) / (r.Independent[^1] - r.Independent[^2]);
        Assert.Equal((isat * Math.Exp(vbe / Vt) / vaf) + (2 * Gmin), slope, 1e-6 * slope);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Output_characteristics_with_a_full_card_match_ngspice()
    {
        // three base currents on one collector sweep: saturation, knee, Early slope, high injection
        var body = $"outchar\nvc c 0 0\nvc1 c c1 0\nvc2 c c2 0\nvc3 c c3 0\nib1 0 b1 10u\nib2 0 b2 40u\nib3 0 b3 160u\n" +
                   $"q1 c1 b1 0 qn\nq2 c2 b2 0 qn\nq3 c3 b3 0 qn\n{Full}.options reltol=1e-6\n.dc vc 0 5 0.02";
        PeerComparison.AgainstNgspice(body, ["i(vc1)", "i(vc2)", "i(vc3)", "v(b3)"], kind: "dc");
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Output_characteristics_at_75_celsius_match_ngspice() =>
        PeerComparison.AgainstNgspice($"hot\nvc c 0 0\nvc1 c c1 0\nib1 0 b1 20u\nq1 c1 b1 0 qn\n{Full}.temp 75\n.options reltol=1e-6\n.dc vc 0 5 0.05", ["i(vc1)", "v(b1)"], kind: "dc");

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Common_emitter_amplifier_gain_and_phase_to_1_GHz_match_ngspice()
    {
        var body = $"ce amp\nvcc vcc 0 12\nvin in 0 dc 0 ac 1\nrs in s 50\ncin s b 10u\nr1 vcc b 47k\nr2 b 0 10k\nrc vcc c 2.2k\nre e 0 470\nce e 0 100u\n" +
                   $"cout c out 10u\nrl out 0 10k\nq1 c b e qn\n{Full}.ac dec 10 10 1g";
        PeerComparison.AgainstNgspice(body, ["vm(out)", "vp(out)", "vm(b)"], kind: "ac");
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Excess_phase_in_ac_matches_ngspice()
    {
        // PTF turns gm by omega TF PTF (pi/180): a phase lag near 1/(2 pi TF); the stop frequency is off the decade grid
        var body = $"ptf\nvcc vcc 0 5\nvin in 0 dc 0.75 ac 1\nrs in b 100\nrc vcc c 500\nq1 c b 0 qn\n{Full.Replace("tf=300p", "tf=300p ptf=40", StringComparison.Ordinal)}.ac dec 10 1meg 3g";
        PeerComparison.AgainstNgspice(body, ["vm(c)", "vp(c)"], kind: "ac");
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Pnp_stage_with_a_substrate_node_matches_ngspice()
    {
        // common-emitter PNP from the positive rail, substrate tied to ground explicitly (four nodes)
        var body = $"pnp\nvcc vcc 0 10\nvin in 0 9.3\nrb in b 1k\nre vcc e 100\nrc c 0 2k\nq1 c b e 0 qp\n{FullPnp}.dc vin 8.5 10 0.01";
        PeerComparison.AgainstNgspice(body, ["v(c)", "v(e)", "i(vin)"], kind: "dc");
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Pnp_follower_ac_and_transient_match_ngspice()
    {
        var ac = $"pnpac\nvcc vcc 0 -10\nvin in 0 dc -5 ac 1 sin(-5 1 5meg)\nrb in b 1k\nq1 vcc b e qp\nre e 0 1k\ncl e 0 20p\n{FullPnp}";
        PeerComparison.AgainstNgspice($"{ac}.ac dec 10 1k 1g", ["vm(e)", "vp(e)"], kind: "ac");
        PeerComparison.AgainstNgspice($"{ac}.tran 1n 600n", ["v(e)"], 1e-2);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Inverter_chain_transient_with_transit_time_charge_matches_ngspice()
    {
        // saturating RTL inverters: TR charge delays turn-off, TF and the depletion charges slow turn-on
        var body = "rtl\nvcc vcc 0 5\nvin in 0 pulse(0 5 5n 2n 2n 60n 150n)\nrb1 in b1 10k\nrc1 vcc c1 1k\nq1 c1 b1 0 qs\nrb2 c1 b2 10k\nrc2 vcc c2 1k\nq2 c2 b2 0 qs\n" +
                   "rb3 c2 b3 10k\nrc3 vcc c3 1k\nq3 c3 b3 0 qs\n.model qs npn (bf=50 rb=70 rc=40 ccs=2p tf=0.1n tr=10n cje=0.9p cjc=1.5p pc=0.85 va=50)\n.tran 0.5n 300n";
        PeerComparison.AgainstNgspice(body, ["v(c1)", "v(c2)", "v(c3)"], 1e-2);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Area_multiplier_off_and_initial_conditions_match_ngspice()
    {
        // area and M scale the device; a transient with uic starts from IC=vbe,vce (the node voltages agree with them). Without
        // CJS: ngspice starts the substrate junction's charge at 0 V whatever the nodes, a step its first time step resolves
        var body = $"area\nvcc vcc 0 5\nrc vcc c 1k\nrb vcc b 200k\nq1 c b 0 qn 2 m=2 off ic=0.7,0.2\nce c 0 10p\n.ic v(c)=0.2 v(b)=0.7\n{Full.Replace("cjs=0.5p ", "", StringComparison.Ordinal)}.tran 0.1n 100n uic";
        PeerComparison.AgainstNgspice(body, ["v(c)", "v(b)"], 1e-2);
    }

    [Theory]
    [InlineData("t\nv1 c 0 1\nq1 c b 0 nomodel\nrb b 0 1k\n.op\n.end\n", 3, "unknown model 'nomodel'")]
    [InlineData("t\nv1 c 0 1\nq1 c b\n.op\n.end\n", 3, "missing")]
    [InlineData("t\nv1 a 0 1\nd1 a 0 qn\n.model qn npn (bf=100)\n.op\n.end\n", 4, "has type 'npn', but d1 needs d")]
    [InlineData("t\nv1 c 0 1\nq1 c c 0 dm\n.model dm d (is=1e-14)\n.op\n.end\n", 4, "has type 'd', but q1 needs npn or pnp")]
    [InlineData("t\nv1 c 0 1\nq1 c c 0 qn\n.model qn npn (bf=-5)\n.op\n.end\n", 4, "BF must be positive")]
    [InlineData("t\nv1 c 0 1\nq1 c c 0 qn\n.model qn npn (bff=5)\n.op\n.end\n", 4, "has no parameter 'bff'")]
    [InlineData("t\nv1 c 0 1\nq1 c c 0 qn\n.model qn npn (rco=50 vo=2)\n.op\n.end\n", 4, "quasi-saturation")]
    [InlineData("t\nv1 c 0 1\nq1 c c 0 qn 0\n.model qn npn\n.op\n.end\n", 3, "must be positive")]
    [InlineData("t\nv1 c 0 1\nq1 c c 0 qn foo=2\n.model qn npn\n.op\n.end\n", 3, "unknown parameter 'foo'")]
    public void Bad_bjt_input_gives_a_located_error(string deck, int line, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => Sim.Run(deck));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(line, ex.Diagnostic.Location.Line);
        Assert.False(string.IsNullOrEmpty(ex.Diagnostic.Hint), "every error carries a hint");
    }

    [Fact]
    public void Decade_sweeps_off_the_decade_grid_take_ngspice_points()
    {
        // ngspice's acan.c: floor(log10(5g/10k) * 10) = 56 equal steps from 10k to exactly 5g; on the grid, 10 per decade
        var f = new Neuromorph.Circuits.NetlistModel.AcCard(Neuromorph.Circuits.NetlistModel.AcSpacing.Decade, 10, 1e4, 5e9, default).Frequencies();
        Assert.Equal(57, f.Count);
        Assert.Equal(5e9, f[^1], 1e-3);
        Assert.Equal(1e4 * Math.Pow(5e5, 1.0 / 56), f[1], 1e-9);
        var g = new Neuromorph.Circuits.NetlistModel.AcCard(Neuromorph.Circuits.NetlistModel.AcSpacing.Decade, 10, 1, 1e3, default).Frequencies();
        Assert.Equal(31, g.Count);
        Assert.Equal(Math.Pow(10, 0.1), g[1], 1e-12);
    }

    [Fact]
    public void Fourth_node_is_the_substrate_unless_it_names_a_model()
    {
        // q1: "sub" is not a model, so it is the substrate node and qn the model; q2: qn names the model, three nodes
        var deck = "t\nv1 c 0 5\nvb b 0 0.7\nvs sub 0 0\nq1 c b 0 sub qn\nq2 c b 0 qn\n.model qn npn (is=1e-15)\n.op\n.print op i(vs) i(v1)\n.end\n";
        var op = Sim.Run(deck).Single(r => r.Kind == "op");
        // the substrate junction (reverse biased, gmin only) carries gmin * 5 V
        Assert.Equal(Gmin * 5, op.Col("i(vs)")[0], 1e-15);
        var ic = 1e-15 * (Math.Exp(0.7 / Vt) - Math.Exp(-4.3 / Vt));
        Assert.Equal(-2 * ic, op.Col("i(v1)")[0], 1e-6 * ic);
    }
}
