using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// Pershin–Di Ventra threshold memristors (the behavioural subcircuit of their paper: a conditional B source charging
/// the state capacitor) driven by vertical PWL edges, one of them starting at Ron and pushed further. The conditional
/// current has no exact solution at the bound, so Newton's iterates flip between "current" and "no current" at any step
/// size: the run used to stop with "timestep too small" at the first edge. Steps whose voltages have settled while only
/// that branch current flips are now taken after repeated failures, with a warning.
/// </summary>
public class DiscontinuousThresholdTests
{
    private const string Deck = "threshold memristors on one column, vertical PWL edges\n" +
        ".param stime=40n\n" +
        "XmA0 col0 A thr Rinit=10k\n" +
        "XmB0 col0 B thr Rinit=1k\n" +
        "XmC0 col0 C thr Rinit=10k\n" +
        "XmD0 col0 D thr Rinit=10k\n" +
        "Rload0 col0 0 1k\n" +
        "XmA1 col1 A thr Rinit=10k\n" +
        "XmB1 col1 B thr Rinit=1k\n" +
        "XmC1 col1 C thr Rinit=10k\n" +
        "XmD1 col1 D thr Rinit=10k\n" +
        "Rload1 col1 0 1k\n" +
        "VA A 0 PWL(0 0 1n 0 1n 10 7n 10 7n 0 10n 0 10n 8.5 16n 8.5 16n 0)\n" +
        "VB B 0 PWL(0 0 1n 0 1n 6 7n 6 7n 0 10n 0 10n 10 16n 10 16n 0)\n" +
        "VC C 0 PWL(0 0 1n 0 1n 10.5 7n 10.5 7n 0 10n 0 10n 6 16n 6 16n 0)\n" +
        "VD D 0 PWL(0 0 1n 0 1n 8.5 7n 8.5 7n 0 10n 0 10n 10.5 16n 10.5 16n 0)\n" +
        ".subckt thr plus minus PARAMS: Ron=1K Roff=10K Rinit=7K alpha=0 beta=20e3/stime Vt=1.6\n" +
        "Bx 0 x I='((f1(V(plus)-V(minus))> 0) && (V(x) < Roff)) ? {f1(V(plus)-V(minus))}: ((((f1(V(plus)-V(minus)) < 0) && (V(x)>Ron)) ? {f1(V(plus)-V(minus))}: 0)) '\n" +
        "Vx x x1 dc 0\n" +
        "Cx x1 0 1 IC={Rinit}\n" +
        "Rmem plus minus r={V(x)}\n" +
        ".func f1(y)={beta*y+0.5*(alpha-beta)*(abs(y+Vt)-abs(y-Vt))}\n" +
        ".ends\n" +
        "";

    [Fact]
    public void A_memristor_held_at_its_bound_through_vertical_edges_runs_and_says_so()
    {
        var netlist = NetlistParser.Parse($"{Deck}.tran 4n 20n uic\n.print tran v(xmb0:x) v(xma0:x)\n.end\n", "test.cir");
        var tran = CircuitSimulator.Run(netlist).Single(r => r.Kind == "tran");
        var warning = Assert.Single(tran.Warnings);
        Assert.Contains(":vx) still flipped", warning, StringComparison.Ordinal);
        // the memristor that starts at Ron and is driven towards lower resistance stays at Ron
        Assert.All(tran.Col("v(xmb0:x)"), x => Assert.Equal(1000, x, 1e-6));
        Assert.All(tran.Col("v(xma0:x)"), x => Assert.InRange(x, 1000 * (1 - 0.05), 10_000 * (1 + 0.01)));
    }

    // ngspice itself stops with "timestep too small" at a max step of 0.4 ns on the 24-memristor deck this reduces, and
    // steps over the edges at its default; here it goes through at 0.1 ns (the held memristor, constant in both, is
    // checked above)
    [Trait("Category", "peer")]
    [SkippableFact]
    public void The_states_match_ngspice_at_a_fine_step() =>
        PeerComparison.AgainstNgspice($"{Deck}.tran 4n 20n 0 0.1n uic", ["v(xma0.x)", "v(xmc0.x)", "v(xmd0.x)"], bound: 1e-2);
}
