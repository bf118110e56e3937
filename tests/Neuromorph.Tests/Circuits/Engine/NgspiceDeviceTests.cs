namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Diodes, MOSFETs, switches and memristor cells run live in ngspice and in Neuromorph at matched tolerances: within 0.1% of range.</summary>
public class NgspiceDeviceTests
{
    private const string Diode = ".model dmod d (is=1e-14 n=1.05 rs=1 cjo=2p vj=0.7 m=0.4 tt=5n bv=50 ibv=1e-6)\n";

    private const string Cmos = ".model nch nmos (vto=0.7 kp=110u gamma=0.4 phi=0.7 lambda=0.04 cgso=0.3n cgdo=0.3n cbd=5f cbs=5f)\n" +
                                ".model pch pmos (vto=-0.7 kp=50u gamma=0.5 phi=0.7 lambda=0.05 cgso=0.3n cgdo=0.3n cbd=5f cbs=5f)\n";

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Half_wave_rectifier() =>
        PeerComparison.AgainstNgspice($"rectifier\nvin in 0 sin(0 5 1k)\nd1 in out dmod\nrl out 0 1k\ncl out 0 1u\n{Diode}.tran 1u 3m\n.options reltol=1e-6", ["v(out)", "v(in,out)"]);

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Diode_clamp_into_reverse_breakdown()
    {
        // the clamp conducts forward above 1.7 V and breaks down below -50 V
        PeerComparison.AgainstNgspice($"clamp\nvin in 0 sin(0 60 1k)\nr1 in out 1k\nd1 out clamp dmod\nvc clamp 0 1\n{Diode}.tran 2u 2m\n.options reltol=1e-6", ["v(out)", "i(vc)"]);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Cmos_inverter_transfer_curve() =>
        PeerComparison.AgainstNgspice($"inverter\nvdd vdd 0 3.3\nvin in 0 0\nm1 out in 0 0 nch l=1u w=10u\nm2 out in vdd vdd pch l=1u w=20u\n{Cmos}.dc vin 0 3.3 0.01", ["v(out)", "i(vdd)"], kind: "dc");

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Three_stage_ring_oscillator()
    {
        var body = "ring\nvdd vdd 0 3.3\n.subckt inv in out vdd\nm1 out in 0 0 nch l=1u w=4u\nm2 out in vdd vdd pch l=1u w=8u\nc1 out 0 20f\n.ends\n" +
                   $"x1 a b vdd inv\nx2 b c vdd inv\nx3 c a vdd inv\n.ic v(a)=0 v(b)=3.3 v(c)=0\n{Cmos}.tran 1p 4n\n.options reltol=1e-5";
        PeerComparison.AgainstNgspice(body, ["v(a)", "v(b)"]);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Switch_sample_and_hold() =>
        PeerComparison.AgainstNgspice("s&h\nvin in 0 sin(0.5 1 1k)\nvclk clk 0 pulse(0 5 0.1m 10n 10n 0.2m 0.5m)\ns1 in hold clk 0 swmod\nch hold 0 10n\nrl hold 0 100meg\n" +
                                      ".model swmod sw (vt=2.5 vh=0.5 ron=1k roff=1e9)\n.tran 1u 2m\n.options reltol=1e-5", ["v(hold)"]);

    /// <summary>VTEAM as a behavioural subcircuit (x in nm, rates in nm/s, no window); both simulators run the same text.</summary>
    internal const string VteamSubckt = """
        .subckt vteam p n params: ron=1k roff=10k von=-0.3 voff=0.3 kon=-5e2 koff=5e2 aon=3 aoff=3 xoff=3 x0=1.5
        Bx 0 x I={V(p,n) >= voff ? koff*pow(V(p,n)/voff-1, aoff) : (V(p,n) <= von ? kon*pow(V(p,n)/von-1, aon) : 0)}
        Cx x 0 1 IC={x0}
        Rx x 0 1e12
        Bm p n I={V(p,n)/(ron + (roff-ron)*V(x)/xoff)}
        .ends
        """;

    [Trait("Category", "peer")]
    [SkippableFact]
    public void One_transistor_one_memristor_cell_set_and_reset()
    {
        // word line opens the access transistor; the bit line sets (+1.6 V) then resets (-1.6 V through the swapped transistor)
        var body = $"1t1r\n{VteamSubckt}\nvwl wl 0 pwl(0 0 10u 0 11u 3.3 200u 3.3 201u 0)\nvbl bl 0 pwl(0 0 20u 0 21u 1.6 80u 1.6 81u 0 110u 0 111u -1.6 170u -1.6 171u 0)\n" +
                   $"xm bl mid vteam\nm1 mid wl 0 0 nch l=1u w=20u\n{Cmos}.tran 0.2u 220u uic\n.options reltol=1e-6";
        PeerComparison.AgainstNgspice(body, ["v(xm.x)", "i(vbl)"]);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void One_selector_one_memristor_cell()
    {
        // a forward diode selector in series: reads below the selector's knee pass no current, writes above it do
        var body = $"1s1r\n{VteamSubckt}\nvbl bl 0 pwl(0 0 10u 0 11u 0.5 30u 0.5 31u 2.2 90u 2.2 91u 0)\nd1 bl mid dmod\nxm mid 0 vteam\n{Diode}.tran 0.2u 120u uic\n.options reltol=1e-6";
        PeerComparison.AgainstNgspice(body, ["v(xm.x)", "i(vbl)"]);
    }
}
