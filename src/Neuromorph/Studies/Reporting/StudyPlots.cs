using System.Globalization;
using Neuromorph.Io;
using Neuromorph.Plotting;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// The standard plots of a study, per metric: mean ± standard deviation against the first parameter (one series per
/// value of the second parameter, if any), and for two or more parameters a heatmap of the mean over the first two.
/// </summary>
public static class StudyPlots
{
    /// <summary>Writes the plots into <paramref name="dir"/>; returns (title, path, svg) for the report.</summary>
    public static List<(string Title, string Path, string Svg)> Write(StudySpec spec, IReadOnlyList<RunRecord> rows, string dir)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var summary = SummaryTable.Compute(spec, rows);
        var result = new List<(string, string, string)>();
        if (summary.Count == 0 || spec.Sampling != SamplingMethod.Grid)
        {
            return result;
        }

        var a0 = spec.Axes[0];
        var a1 = spec.Axes.Count > 1 ? spec.Axes[1] : null;
        foreach (var m in spec.Metrics)
        {
            var plot = new LinePlot { Title = $"{m.Name} vs {a0.Key}", X = new Axis(a0.Key, "", a0.Logarithmic ? AxisScale.Log : AxisScale.Linear), Y = new Axis(m.Name) };
            var groups = summary.Values.GroupBy(p => a1 is null ? double.NaN : p.Parameters[a1.Key]).ToList();
            foreach (var g in groups)
            {
                var pts = g.GroupBy(p => p.Parameters[a0.Key]).OrderBy(p => p.Key)
                    .Select(p => (X: p.Key, S: MetricSummary.Of(p.Where(q => q.Metrics[m.Name].Count > 0).Select(q => q.Metrics[m.Name].Mean)) is var s && p.Count() == 1 ? p.First().Metrics[m.Name] : s)).ToList();
                var name = a1 is null ? m.Name : $"{a1.Key} = {g.Key.ToString("G4", CultureInfo.InvariantCulture)}";
                plot.Add(new Series(name, pts.Select(p => p.X).ToList(), pts.Select(p => p.S.Mean).ToList())
                {
                    Lower = pts.Select(p => p.S.Mean - (double.IsFinite(p.S.StdDev) ? p.S.StdDev : 0)).ToList(),
                    Upper = pts.Select(p => p.S.Mean + (double.IsFinite(p.S.StdDev) ? p.S.StdDev : 0)).ToList(),
                });
            }

            var path = System.IO.Path.Combine(dir, $"{Safe(m.Name)}_vs_{Safe(a0.Key)}.svg");
            var svg = plot.ToSvg();
            AtomicFile.WriteAllText(path, svg);
            result.Add((plot.Title, path, svg));
            if (a1 is not null)
            {
                var xs = a0.Values.Distinct().Order().ToList();
                var ys = a1.Values.Distinct().Order().ToList();
                var grid = new double[ys.Count, xs.Count];
                for (var r = 0; r < ys.Count; r++)
                {
                    for (var k = 0; k < xs.Count; k++)
                    {
                        var cell = summary.Values.Where(p => p.Parameters[a0.Key] == xs[k] && p.Parameters[a1.Key] == ys[r]).Select(p => p.Metrics[m.Name].Mean).Where(double.IsFinite).ToList();
                        grid[ys.Count - 1 - r, k] = cell.Count > 0 ? cell.Average() : double.NaN;
                    }
                }

                var map = new Heatmap(grid)
                {
                    Title = $"{m.Name} (mean)", XLabel = a0.Key, YLabel = a1.Key, ValueLabel = m.Name,
                    XTicks = xs.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)).ToList(),
                    YTicks = ys.Select(v => v.ToString("G3", CultureInfo.InvariantCulture)).Reverse().ToList(),
                };
                var hpath = System.IO.Path.Combine(dir, $"{Safe(m.Name)}_heatmap.svg");
                var hsvg = map.ToSvg();
                AtomicFile.WriteAllText(hpath, hsvg);
                result.Add((map.Title, hpath, hsvg));
            }
        }

        return result;
    }

    private static string Safe(string s) => new([.. s.Select(ch => char.IsLetterOrDigit(ch) ? ch : '_')]);
}
