using System.Globalization;
using Neuromorph.Figures;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// The standard figures of a grid study, per metric: mean ± standard deviation (a band) against the first parameter,
/// one series per value of the second parameter if any (<c>METRIC_vs_PARAM</c>); and for two or more parameters a
/// heatmap of the mean over the first two (<c>METRIC_heatmap</c>). Random and Latin-hypercube studies get none.
/// </summary>
public static class StudyFigures
{
    /// <summary>The figures of <paramref name="rows"/>.</summary>
    public static IReadOnlyList<Figure> Of(StudySpec spec, IReadOnlyList<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var summary = SummaryTable.Compute(spec, rows);
        var figures = new List<Figure>();
        if (summary.Count == 0 || spec.Sampling != SamplingMethod.Grid)
        {
            return figures;
        }

        var a0 = spec.Axes[0];
        var a1 = spec.Axes.Count > 1 ? spec.Axes[1] : null;
        foreach (var m in spec.Metrics)
        {
            var layers = new List<Layer>();
            var groups = summary.Values.GroupBy(p => a1 is null ? double.NaN : p.Parameters[a1.Key]).OrderBy(g => g.Key).ToList();
            foreach (var g in groups)
            {
                var pts = g.GroupBy(p => p.Parameters[a0.Key]).OrderBy(p => p.Key)
                    .Select(p => (X: p.Key, S: MetricSummary.Of(p.Where(q => q.Metrics[m.Name].Count > 0).Select(q => q.Metrics[m.Name].Mean)) is var s && p.Count() == 1 ? p.First().Metrics[m.Name] : s)).ToList();
                var name = a1 is null ? "mean ± std" : $"{a1.Key.Split('.')[^1]} = {g.Key.ToString("G4", CultureInfo.InvariantCulture)}"; // the key's last part: a full path squeezes the data
                double Spread(MetricSummary s) => double.IsFinite(s.StdDev) ? s.StdDev : 0;
                layers.Add(new Band("", [.. pts.Select(p => p.X)], [.. pts.Select(p => p.S.Mean - Spread(p.S))], [.. pts.Select(p => p.S.Mean + Spread(p.S))]));
                layers.Add(new LineSeries(name, [.. pts.Select(p => p.X)], [.. pts.Select(p => p.S.Mean)]) { Style = LineStyle.LineAndMarkers });
            }

            var x = new FigureAxis(a0.Key, "", a0.Logarithmic ? AxisScale.Log : AxisScale.Linear);
            figures.Add(Figure.Single($"{Safe(m.Name)}_vs_{Safe(a0.Key)}", new Panel(x, new FigureAxis(m.Name), layers))
                with { Title = $"{m.Name} vs {a0.Key.Split('.')[^1]} (mean ± std over {spec.Replicates} replicate{(spec.Replicates == 1 ? "" : "s")})" }); // axis titles carry the full key paths
            if (a1 is not null)
            {
                figures.Add(Heatmap(summary, m.Name, a0, a1));
            }
        }

        return figures;
    }

    private static Figure Heatmap(SortedDictionary<int, (IReadOnlyDictionary<string, double> Parameters, Dictionary<string, MetricSummary> Metrics)> summary, string metric, ParameterAxis a0, ParameterAxis a1)
    {
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
        var panel = new Panel(new FigureAxis(a0.Key) { Ticks = Ticks(xs) }, new FigureAxis(a1.Key) { Ticks = Ticks(ys) }, [new HeatmapLayer(grid, new FigureAxis(metric)) { RowZeroAtTop = false }]) { Legend = LegendPlacement.None };
        return Figure.Single($"{Safe(metric)}_heatmap", panel) with { Title = $"{metric} (mean)", Width = 640, PanelHeight = 460 };
    }

    private static string Safe(string s) => new([.. s.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_')]);
}
