using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// Xyce's TEAM regression circuit, run unchanged, against Xyce's own output (.prn beside it). The TEAM state
/// switches from about 1.34 to 0 within nanoseconds twice per period; a timing offset of a few nanoseconds there
/// is a pointwise difference of order one that no tolerance can absorb, so the test checks (1) every switching
/// event happens within 1 µs of Xyce's, and (2) away from those events (±2 µs) the waveforms agree within Xyce's
/// own tolerances: abstol 0.002 A on i(rptg), abstol 0.01 on the state, reltol 0.02 on the resistance (plus the
/// resistance of Xyce's excursion below XON, which our bounded state does not make).
/// </summary>
public class XyceTeamTests
{
    [Trait("Category", "peer")]
    [SkippableFact]
    public void Team_memristor_matches_xyce_within_its_tolerances()
    {
        var result = CircuitSimulator.Run(NetlistParser.ParseFile(XyceTeamReference.Netlist)).Single();
        var rows = XyceTeamReference.Rows();
        var tx = rows.Select(r => r[1]).ToArray();
        var xx = rows.Select(r => r[5]).ToArray();
        var ours = result.Col("n(ymemristor!mr1_x)");
        var eventsXyce = XyceTeamReference.Crossings(tx, xx, 0.67);
        var eventsOurs = XyceTeamReference.Crossings(result.Independent, ours, 0.67);
        Assert.Equal(eventsXyce.Count, eventsOurs.Count);
        Assert.Equal(20, eventsXyce.Count);
        for (var k = 0; k < eventsXyce.Count; k++)
        {
            Assert.True(Math.Abs(eventsXyce[k] - eventsOurs[k]) < 1e-6, $"switching event {k}: Xyce {eventsXyce[k]:G8} s, ours {eventsOurs[k]:G8} s");
        }

        var xyceDip = Math.Max(0, -xx.Min());
        Assert.InRange(xyceDip, 0, 0.004);
        Assert.All(ours, x => Assert.InRange(x, 0, 3));
        var checkedPoints = 0;
        foreach (var r in rows.Where(r => eventsXyce.All(e => Math.Abs(r[1] - e) > 2e-6)))
        {
            double At(string h) => Peers.WaveformComparison.Interpolate(result.Independent, result.Col(h), r[1]);
            Assert.True(Math.Abs(At("i(rptg)") - r[4]) <= 0.002, $"i(rptg) at t={r[1]}: {At("i(rptg)")} vs {r[4]}");
            Assert.True(Math.Abs(At("n(ymemristor!mr1_x)") - r[5]) <= 0.01, $"x at t={r[1]}: {At("n(ymemristor!mr1_x)")} vs {r[5]}");
            // Xyce leaves the state unbounded and its soft window lets it dip up to 0.0038 below XON (R 48.8 ohm < RON);
            // ours holds it in [XON, XOFF] like Kvatinsky's reference model, so near RON our state differs by up to
            // that dip, and R by up to the dip's resistance (950/3 ohm per unit of x: 1.2 ohm) besides Xyce's reltol
            Assert.True(Math.Abs(At("n(ymemristor!mr1:r)") - r[6]) <= (0.02 * Math.Abs(r[6])) + (xyceDip * 950 / 3), $"R at t={r[1]}: {At("n(ymemristor!mr1:r)")} vs {r[6]} (Xyce)");
            checkedPoints++;
        }

        Assert.True(checkedPoints > 3000, $"only {checkedPoints} points compared");
    }
}
