using Neuromorph.Io;
using System.Text;
using MathNet.Numerics.Distributions;

namespace Neuromorph.Studies;

/// <summary>Statistics of one metric over the replicates of one point: mean, sample standard deviation, range, and the 95% Student-t confidence half-width.</summary>
public readonly record struct MetricSummary(int Count, double Mean, double StdDev, double Min, double Max, double Ci95)
{
    /// <summary>Summarises the finite values of <paramref name="values"/>.</summary>
    public static MetricSummary Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0)
        {
            return new MetricSummary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var mean = v.Average();
        var sd = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : 0.0;
        var ci = v.Length > 1 ? StudentT.InvCDF(0, 1, v.Length - 1, 0.975) * sd / Math.Sqrt(v.Length) : double.NaN;
        return new MetricSummary(v.Length, mean, sd, v.Min(), v.Max(), ci);
    }
}

/// <summary>Builds <c>summary.csv</c>: one row per point with parameters and, per metric, n, mean, std, min, max, ci95.</summary>
public static class SummaryTable
{
    /// <summary>Statistics per point id, from the latest row of each run with status ok.</summary>
    public static SortedDictionary<int, (IReadOnlyDictionary<string, double> Parameters, Dictionary<string, MetricSummary> Metrics)> Compute(StudySpec spec, IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var latest = new Dictionary<string, RunRecord>();
        foreach (var r in rows)
        {
            latest[r.Run.RunKey] = r;
        }

        var result = new SortedDictionary<int, (IReadOnlyDictionary<string, double>, Dictionary<string, MetricSummary>)>();
        foreach (var group in latest.Values.Where(r => r.Status == RunStatus.Ok).GroupBy(r => r.Run.PointId))
        {
            var metrics = spec.Metrics.ToDictionary(m => m.Name, m => MetricSummary.Of(group.Select(r => r.Metrics.TryGetValue(m.Name, out var v) ? v : double.NaN)));
            result[group.Key] = (group.First().Run.Parameters, metrics);
        }

        return result;
    }

    /// <summary>The CSV text of the summary.</summary>
    public static string ToCsv(StudySpec spec, IEnumerable<RunRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder();
        var header = new List<string> { "point" };
        header.AddRange(spec.Axes.Select(a => a.Key));
        foreach (var m in spec.Metrics)
        {
            header.AddRange(new[] { "n", "mean", "std", "min", "max", "ci95" }.Select(s => $"{m.Name}_{s}"));
        }

        sb.Append(CsvRow.Format(header)).Append('\n');
        foreach (var (point, (parameters, metrics)) in Compute(spec, rows))
        {
            var f = new List<string> { point.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            f.AddRange(spec.Axes.Select(a => CsvRow.Number(parameters[a.Key])));
            foreach (var m in spec.Metrics)
            {
                var s = metrics[m.Name];
                f.Add(s.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                f.AddRange(new[] { s.Mean, s.StdDev, s.Min, s.Max, s.Ci95 }.Select(CsvRow.Number));
            }

            sb.Append(CsvRow.Format(f)).Append('\n');
        }

        return sb.ToString();
    }
}
