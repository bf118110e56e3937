using System.Globalization;
using Neuromorph.Figures;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// The standard figures of a study, per metric. Grid: the mean against the first parameter, one series per value of the
/// second parameter if any (<c>METRIC_vs_PARAM</c>), with a ±1 standard deviation band when there are replicates (clipped
/// to the range the metric cannot leave, <see cref="StudyQuantities.RangeOf"/>); and for two or more parameters a heatmap
/// of the mean over the first two (<c>METRIC_heatmap</c>). Random and Latin-hypercube studies: a scatter of the metric
/// (mean over replicates) against each varied parameter (<c>METRIC_vs_PARAM</c>). Axis titles carry units where the
/// definitions tell them (<see cref="StudyQuantities"/>).
/// </summary>
public static class StudyFigures
{
    /// <summary>The figures of <paramref name="rows"/>.</summary>
    public static IReadOnlyList<Figure> Of(StudySpec spec, IReadOnlyList<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var summary = SummaryTable.Compute(spec, rows);
        var figures = new List<Figure>();
        if (summary.Count == 0)
        {
            return figures;
        }

        if (spec.Sampling != SamplingMethod.Grid)
        {
            foreach (var m in spec.Metrics)
            {
                figures.AddRange(spec.Axes.Select(a => Scatter(spec, summary, m, a)));
            }

            return figures;
        }

        var a0 = spec.Axes[0];
        var a1 = spec.Axes.Count > 1 ? spec.Axes[1] : null;
        var spread = spec.Replicates > 1;
        foreach (var m in spec.Metrics)
        {
            var (low, high) = StudyQuantities.RangeOf(m);
            var layers = new List<Layer>();
            var groups = summary.Values.GroupBy(p => a1 is null ? double.NaN : p.Parameters[a1.Key]).OrderBy(g => g.Key).ToList();
            foreach (var g in groups)
            {
                var pts = g.GroupBy(p => p.Parameters[a0.Key]).OrderBy(p => p.Key)
                    .Select(p => (X: p.Key, S: MetricSummary.Of(p.Where(q => q.Metrics[m.Name].Count > 0).Select(q => q.Metrics[m.Name].Mean)) is var s && p.Count() == 1 ? p.First().Metrics[m.Name] : s)).ToList();
                var name = a1 is null ? (spread ? "mean ± std" : m.Name) : $"{a1.Key.Split('.')[^1]} = {g.Key.ToString("G4", CultureInfo.InvariantCulture)}"; // the key's last part: a full path squeezes the data
                double Spread(MetricSummary s) => double.IsFinite(s.StdDev) ? s.StdDev : 0;
                if (spread)
                {
                    layers.Add(new Band("", [.. pts.Select(p => p.X)], [.. pts.Select(p => Math.Clamp(p.S.Mean - Spread(p.S), low, high))], [.. pts.Select(p => Math.Clamp(p.S.Mean + Spread(p.S), low, high))]));
                }

                layers.Add(new LineSeries(name, [.. pts.Select(p => p.X)], [.. pts.Select(p => p.S.Mean)]) { Style = LineStyle.LineAndMarkers });
            }

            var x = new FigureAxis(a0.Key, StudyQuantities.UnitOf(a0), a0.Logarithmic ? AxisScale.Log : AxisScale.Linear);
            var what = spread ? $"mean ± std over {spec.Replicates} replicates" : "1 replicate";
            figures.Add(Figure.Single($"{Safe(m.Name)}_vs_{Safe(a0.Key)}", new Panel(x, new FigureAxis(m.Name, StudyQuantities.UnitOf(m)), layers))
                with { Title = $"{m.Name} vs {a0.Key.Split('.')[^1]} ({what})" }); // axis titles carry the full key paths
            if (a1 is not null)
            {
                figures.Add(Heatmap(summary, m, a0, a1));
            }
        }

        return figures;
    }

    /// <summary>A random or Latin-hypercube study: the metric (mean over replicates) of every point against one parameter.</summary>
    private static Figure Scatter(StudySpec spec, SortedDictionary<int, (IReadOnlyDictionary<string, double> Parameters, Dictionary<string, MetricSummary> Metrics)> summary, MetricSpec m, ParameterAxis a)
    {
        var points = summary.Values.Where(p => p.Metrics[m.Name].Count > 0).Select(p => (X: p.Parameters[a.Key], Y: p.Metrics[m.Name].Mean)).ToList();
        var x = new FigureAxis(a.Key, StudyQuantities.UnitOf(a), a.Logarithmic ? AxisScale.Log : AxisScale.Linear);
        var series = new LineSeries(spec.Replicates > 1 ? $"mean over {spec.Replicates} replicates" : m.Name, [.. points.Select(p => p.X)], [.. points.Select(p => p.Y)]) { Style = LineStyle.Markers };
        var others = spec.Axes.Count > 1 ? "; the other parameters vary too" : "";
        var sampling = spec.Sampling == SamplingMethod.Random ? "random" : "Latin-hypercube";
        return Figure.Single($"{Safe(m.Name)}_vs_{Safe(a.Key)}", new Panel(x, new FigureAxis(m.Name, StudyQuantities.UnitOf(m)), [series]) { Legend = LegendPlacement.None })
            with { Title = $"{m.Name} vs {a.Key.Split('.')[^1]} ({points.Count} {sampling} points{others})" };
    }

    private static Figure Heatmap(SortedDictionary<int, (IReadOnlyDictionary<string, double> Parameters, Dictionary<string, MetricSummary> Metrics)> summary, MetricSpec m, ParameterAxis a0, ParameterAxis a1)
    {
        var metric = m.Name;
        var xs = a0.Values.Distinct().Order().ToList();
        var ys = a1.Values.Distinct().Order().ToList();
        var grid = new double[ys.Count, xs.Count];
        for (var r = 0; r < ys.Count; r++)
        {
            for (var k = 0; k < xs.Count; k++)
            {
                var cell = summary.Values.Where(p => p.Parameters[a0.Key] == xs[k] && p.Parameters[a1.Key] == ys[r]).Select(p => p.Metrics[metric].Mean).Where(double.IsFinite).ToList();
                grid[r, k] = cell.Count > 0 ? cell.Average() : double.NaN;
            }
        }

        static IReadOnlyList<AxisTick> Ticks(List<double> values) => [.. values.Select((v, i) => new AxisTick(i, v.ToString("G3", CultureInfo.InvariantCulture)))];
        var panel = new Panel(new FigureAxis(a0.Key, StudyQuantities.UnitOf(a0)) { Ticks = Ticks(xs) }, new FigureAxis(a1.Key, StudyQuantities.UnitOf(a1)) { Ticks = Ticks(ys) }, [new HeatmapLayer(grid, new FigureAxis(metric, StudyQuantities.UnitOf(m))) { RowZeroAtTop = false }]) { Legend = LegendPlacement.None };
        return Figure.Single($"{Safe(metric)}_heatmap", panel) with { Title = $"{metric} (mean)", Width = 640, PanelHeight = 460 };
    }

    private static string Safe(string s) => new([.. s.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_')]);
}
