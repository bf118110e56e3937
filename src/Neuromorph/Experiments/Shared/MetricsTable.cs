using System.Globalization;
using Neuromorph.Experiments.Results;

namespace Neuromorph.Experiments.Shared;

/// <summary>metrics.csv: one row per metric (<c>metric,value</c>), values written round-trip.</summary>
public static class MetricsTable
{
    /// <summary>The file name.</summary>
    public const string FileName = "metrics.csv";

    /// <summary>metrics.csv as a result file.</summary>
    public static ResultText Of(IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return new ResultText(FileName, "metric,value\n" + string.Concat(metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key},{m.Value:R}\n"))));
    }
}
