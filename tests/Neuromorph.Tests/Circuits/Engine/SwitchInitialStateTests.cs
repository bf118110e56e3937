namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// A switch's ON/OFF flag is its state at the operating point when the control sits inside the hysteresis band
/// (ngspice's switches-manual-p92 case), and the hysteresis then carries it through the transient: against ngspice live.
/// </summary>
public class SwitchInitialStateTests
{
    // control starts at 0.5 V, inside the band 0.3..0.7 V; s1 is flagged ON, s2 OFF, s3 has no flag (OFF)
    private const string Deck = "switch on flag\nv1 1 0 dc 1\nr1 1 30 1k\nvc c 0 pwl(0 0.5 1m 0.5 2m 0.1 3m 0.5 4m 0.9 5m 0.5)\n" +
        "s1 30 0 c 0 swm on\ns2 1 31 c 0 swm off\nr2 31 0 1k\ns3 1 32 c 0 swm\nr3 32 0 1k\n.model swm sw vt=0.5 vh=0.2 ron=1 roff=1meg\n";

    [Fact]
    public void On_flag_starts_the_switch_on_inside_the_band()
    {
        var op = Sim.Run($"{Deck}.op\n.print op v(30) v(31) v(32)\n.end\n")[0];
        Assert.Equal(1.0 / 1001, op.Col("v(30)")[0], 9);
        Assert.Equal(1e3 / (1e6 + 1e3), op.Col("v(31)")[0], 9);
        Assert.Equal(1e3 / (1e6 + 1e3), op.Col("v(32)")[0], 9);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Switch_initial_flags_match_ngspice() =>
        PeerComparison.AgainstNgspice($"{Deck}.tran 10u 5m", ["v(30)", "v(31)", "v(32)"], bound: 5e-3);
}
