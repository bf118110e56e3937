using System.Globalization;
using Neuromorph.Figures;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// The pictures of a minimisation run: energy against wall time per restart with the best so far and the known optimum
/// (<c>energy</c>), a histogram of the restarts' final objective (<c>final_histogram</c>), the raster of recorded device
/// states (<c>states</c>: memristor states for ctd, voltages for dmm) and the memory variables of a digital
/// memcomputing machine over time (<c>memory</c>). Built from the same data as energy.csv, final.csv, states.csv and
/// memory.csv.
/// </summary>
public static class MinimizeFigures
{
    /// <summary>Restarts drawn one by one (all restarts count towards the best so far and the histogram).</summary>
    public const int ShownRestarts = 8;

    /// <summary>The figures of <paramref name="result"/>.</summary>
    public static IReadOnlyList<Figure> Of(MinimizeResult result) =>
        Of((result ?? throw new ArgumentNullException(nameof(result))).Problem, result.Result, result.Target, result.HardwareEnergies);

    /// <summary>The figures; <paramref name="target"/> is in objective units (cut for Max-Cut).</summary>
    public static IReadOnlyList<Figure> Of(IProblem problem, SolverResult result, double? target, bool hardwareEnergies = false)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<Figure> { Energy(problem, result, target, hardwareEnergies), FinalHistogram(problem, result, target) };
        if (result.Restarts.FirstOrDefault(r => r.Dynamics is not null)?.Dynamics is { } record)
        {
            figures.Add(States(record));
            if (record.MemoryLabels.Count > 0)
            {
                figures.Add(Memory(record));
            }
        }

        return figures;
    }

    /// <summary>
    /// Two panels over wall time since the run started: each restart's energy, and each restart's best so far with the
    /// best over all restarts (black) and the known optimum (dashed) when a target is given.
    /// </summary>
    public static Figure Energy(IProblem problem, SolverResult result, double? target, bool hardwareEnergies = false)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var time = new FigureAxis("Wall time since the start", "s") { Min = 0 };
        var energyName = hardwareEnergies ? "Hardware energy" : "Energy";
        var shown = result.Restarts.OrderBy(r => r.Restart).Take(ShownRestarts).ToList();
        LineStyle Style(RestartResult r) => r.Trace.Count < 20 ? LineStyle.LineAndMarkers : LineStyle.Solid;
        var energy = shown.Select((r, k) => (Layer)new LineSeries($"restart {r.Restart}", [.. r.Trace.Select(p => p.Seconds)], [.. r.Trace.Select(p => p.Energy)]) { Width = 1.1, Color = Palette.At(k), Style = Style(r) }).ToList();
        var best = shown.Select((r, k) => (Layer)new LineSeries("", [.. r.Trace.Select(p => p.Seconds)], [.. r.Trace.Select(p => p.BestSoFar)]) { Width = 1.1, Color = Palette.At(k), Style = Style(r) }).ToList();
        var (t, overall) = BestOverAll(result);
        best.Add(new LineSeries("best of all restarts", t, overall) { Width = 2.4, Color = "#000000" });
        if (target is { } objective && !hardwareEnergies)
        {
            var line = new ReferenceLine(string.Create(CultureInfo.InvariantCulture, $"known optimum ({problem.ObjectiveName} {objective:G10})"), problem.EnergyFromObjective(objective));
            energy.Add(line);
            best.Add(line);
        }

        var title = $"{problem.Name}: {result.Solver}, {result.Restarts.Count} restart{(result.Restarts.Count == 1 ? "" : "s")}"
            + (result.Restarts.Count > ShownRestarts ? $" (first {ShownRestarts} drawn)" : "");
        return new Figure("energy", [
            new Panel(time, new FigureAxis(energyName), energy) { Legend = LegendPlacement.Outside },
            new Panel(time, new FigureAxis($"Best {energyName.ToLowerInvariant()} so far"), best) { Legend = LegendPlacement.Outside },
        ])
        { Title = title, SharedX = true, Width = 860, PanelHeight = 300 };
    }

    /// <summary>Histogram of the final objective of every restart, with the known optimum as a vertical line.</summary>
    public static Figure FinalHistogram(IProblem problem, SolverResult result, double? target)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(result);
        var panel = HistogramPanel(problem.ObjectiveName, [.. result.Restarts.Select(r => problem.Objective(r.BestSpins))], target);
        return Figure.Single("final_histogram", panel) with { Title = $"{problem.Name}: final {problem.ObjectiveName} over {result.Restarts.Count} restarts ({result.Solver})", PanelHeight = 380 };
    }

    /// <summary>
    /// The histogram panel of final objectives <paramref name="finals"/> (one per restart), with the known optimum as a
    /// vertical line; an objective that only takes integer values (cuts, unsatisfied clauses) gets integer ticks.
    /// </summary>
    public static Panel HistogramPanel(string objectiveName, IReadOnlyList<double> finals, double? target)
    {
        ArgumentNullException.ThrowIfNull(finals);
        var layers = new List<Layer> { Histogram.Of("restarts", finals) };
        if (target is { } objective)
        {
            layers.Add(new ReferenceLine("known optimum", objective, ReferenceOrientation.Vertical));
        }

        return new Panel(new FigureAxis($"Final {objectiveName}") { IntegerTicks = Histogram.Integral(finals) }, new FigureAxis("Restarts") { IntegerTicks = true }, layers);
    }

    /// <summary>Raster of the recorded device states (memristor states, dmm voltages, memory-ising amplitudes) of one restart against model time.</summary>
    public static Figure States(DynamicsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var voltage = record.StateLabels.Count > 0 && record.StateLabels[0].StartsWith('v');
        var amplitude = record.MemoryLabels.Contains("target_amplitude"); // memory-ising: spin amplitudes x_i
        var (map, rows) = Raster.Of(record.Times, record.States, new FigureAxis(voltage ? "Voltage v_i" : amplitude ? "Amplitude x_i" : "Memristor state x_i"));
        var y = new FigureAxis(voltage ? "Variable i" : amplitude ? "Spin i" : "Memristor i") { Ticks = Raster.RowTicks(rows, k => record.StateLabels[k]) };
        var panel = new Panel(new FigureAxis("Model time"), y, [map]) { Legend = LegendPlacement.None };
        return Figure.Single("states", panel) with { Title = $"Device states, restart {record.Restart} ({record.StateLabels.Count} of them drawn)", PanelHeight = 420 };
    }

    /// <summary>
    /// Memory variables of a memcomputing run over model time: for dmm short-term memories x_s, long-term memories x_l
    /// (log scale) and the number of unsatisfied clauses; for memory-ising the memories e_i, the target
    /// amplitude a and the read-out energy. Time is on a log axis when the samples are log-spaced
    /// (<see cref="SampleSpacing.WantsLogAxis"/>).
    /// </summary>
    public static Figure Memory(DynamicsRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // log-spaced samples (the transient recorded densely) spread out on a log time axis, which leaves out t = 0
        var log = SampleSpacing.WantsLogAxis(record.Times);
        var time = log ? FigureAxis.Log("Model time") : new FigureAxis("Model time");
        var kept = Enumerable.Range(0, record.Times.Count).Where(i => !log || record.Times[i] > 0).ToArray();
        IReadOnlyList<double> times = [.. kept.Select(i => record.Times[i])];
        IReadOnlyList<double> Column(int j) => [.. kept.Select(i => record.Memory[i][j])];
        var groups = new (string Prefix, FigureAxis Axis)[]
        {
            ("xs", new FigureAxis("Short-term memory x_s")),
            ("xl", FigureAxis.Log("Long-term memory x_l")),
            ("unsat", new FigureAxis("Unsatisfied clauses") { IntegerTicks = true }),
            ("e_", new FigureAxis("Memory e_i")),
            ("target_amplitude", new FigureAxis("Target amplitude a")),
            ("readout_energy", new FigureAxis("Read-out energy")),
        };
        var panels = new List<Panel>();
        foreach (var (prefix, axis) in groups)
        {
            var layers = record.MemoryLabels.Select((label, j) => (label, j)).Where(p => p.label.StartsWith(prefix, StringComparison.Ordinal))
                .Select(p => (Layer)new LineSeries(p.label, times, Column(p.j)) { Style = p.label.EndsWith("_mean", StringComparison.Ordinal) || p.label.EndsWith("_max", StringComparison.Ordinal) || prefix is "unsat" or "target_amplitude" or "readout_energy" ? LineStyle.Solid : LineStyle.Dashed })
                .ToList();
            if (layers.Count > 0)
            {
                panels.Add(new Panel(time, axis, layers) { Legend = LegendPlacement.Outside });
            }
        }

        return new Figure("memory", panels) { Title = $"Memory variables, restart {record.Restart}", SharedX = true, Width = 860 };
    }

    /// <summary>The lowest best-so-far of any restart at each recorded wall time (restarts run in parallel on one clock).</summary>
    private static (double[] Seconds, double[] Best) BestOverAll(SolverResult result)
    {
        var points = result.Restarts.SelectMany(r => r.Trace).OrderBy(p => p.Seconds).ToList();
        var best = double.PositiveInfinity;
        var seconds = new double[points.Count];
        var values = new double[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            best = Math.Min(best, points[i].BestSoFar);
            (seconds[i], values[i]) = (points[i].Seconds, best);
        }

        return (seconds, values);
    }
}
