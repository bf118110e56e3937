using Neuromorph.Circuits.NetlistModel;

namespace Neuromorph.Circuits.Simulation;

/// <summary>The expected size of one analysis table, known before anything runs.</summary>
/// <param name="Name">The table's file stem (tran, tran2, dc ...), as <see cref="NetlistSimulation"/> names it.</param>
/// <param name="Rows">Rows over all .step runs; for .tran a lower bound (one row per maximum step; the step control may add more).</param>
/// <param name="Columns">Columns: stepped parameters, the independent variable (not for .op), the printed items.</param>
public sealed record TableSize(string Name, long Rows, int Columns);

/// <summary>
/// Estimates the analysis tables of a parsed netlist from its analysis lines, .step values and columns, so a
/// command can warn about a huge output before it simulates rather than after.
/// </summary>
public static class OutputSize
{
    /// <summary>
    /// One estimate per analysis <paramref name="engine"/> (default: <see cref="MnaEngine"/>) runs of
    /// <paramref name="netlist"/>, in the order and with the names of <see cref="NetlistSimulation.Run"/>; the columns
    /// are those the engine lists (<see cref="INetlistEngine.Columns"/>).
    /// </summary>
    public static IReadOnlyList<TableSize> Estimate(Netlist netlist, INetlistEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        engine ??= MnaEngine.Instance;
        var runs = netlist.Steps.Aggregate(1L, (n, s) => n * Math.Max(1, s.Values.Count));
        var analyses = netlist.Analyses.Count > 0 ? netlist.Analyses : [new OpCard(new(netlist.SourceFile, 1, 1))];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var sizes = new List<TableSize>();
        foreach (var a in analyses)
        {
            if (engine.Columns(netlist, a) is not { } columns)
            {
                continue;
            }

            counts[a.Kind] = counts.GetValueOrDefault(a.Kind) + 1;
            var name = counts[a.Kind] == 1 ? a.Kind : $"{a.Kind}{counts[a.Kind]}";
            sizes.Add(new TableSize(name, Saturate((double)runs * (engine.Rows(netlist, a) ?? Rows(a, netlist))), netlist.Steps.Count + columns.Headers.Count));
        }

        return sizes;
    }

    private static long Rows(AnalysisCard a, Netlist netlist) => a switch
    {
        DcCard dc => dc.Sweeps.Aggregate(1L, (n, s) => Saturate((double)n * Count(Math.Abs(s.Stop - s.Start) / Math.Abs(s.Step)))),
        AcCard ac when ac.Spacing == AcSpacing.Linear => ac.Points,
        AcCard ac => Count(Math.Log(ac.Stop / ac.Start) / Math.Log(Math.Pow(ac.Spacing == AcSpacing.Decade ? 10 : 2, 1.0 / ac.Points))),
        TranCard t => Count((t.Stop - t.Start) / MaxStep(t, netlist)),
        _ => 1,
    };

    /// <summary>The transient's largest step, as <c>TransientAnalysis</c> bounds it.</summary>
    private static double MaxStep(TranCard t, Netlist netlist) =>
        t.MaxStep ?? (netlist.Options.TryGetValue("maxstep", out var m) && m > 0 ? m : t.Step > 0 ? Math.Min(t.Step, t.Stop / 50) : t.Stop / 50);

    private static long Count(double intervals) => double.IsFinite(intervals) && intervals >= 0 ? Saturate(Math.Floor(intervals * (1 + 1e-9)) + 1) : 1;

    private static long Saturate(double n) => n >= long.MaxValue / 64 ? long.MaxValue / 64 : (long)n;
}
