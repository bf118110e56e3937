using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>
/// The columns a study writes: in <c>results.csv</c> the runner's own (<see cref="Reserved"/>), one per parameter and
/// one per metric; in <c>summary.csv</c> <c>point</c>, the parameters and <c>METRIC_n</c>, <c>METRIC_mean</c> ... per
/// metric. Every name must be distinct in both files (letter case aside, as parameters and metrics are looked up),
/// so a study that would write two columns of one name is refused at the second definition before anything runs.
/// </summary>
public static class StudyColumns
{
    /// <summary>The columns of results.csv that the runner writes itself.</summary>
    public static IReadOnlyList<string> Reserved { get; } = ["point", "replicate", "seed", "status", "message", "wall_s"];

    /// <summary>The statistics summary.csv writes per metric, as suffixes of <c>METRIC_</c>.</summary>
    public static IReadOnlyList<string> SummaryStatistics { get; } = ["n", "mean", "std", "min", "max", "ci95"];

    /// <summary>Throws a located <see cref="UserInputException"/> at the first parameter or metric whose column another already names.</summary>
    public static void RequireDistinct(IReadOnlyList<ParameterAxis> axes, IReadOnlyList<MetricSpec> metrics)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(metrics);
        var results = new Dictionary<string, (string What, SourceLocation At)>(StringComparer.OrdinalIgnoreCase);
        var summary = new Dictionary<string, (string What, SourceLocation At)>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in Reserved)
        {
            results[column] = ("the runner's own column", SourceLocation.None);
        }

        summary["point"] = ("the runner's own column", SourceLocation.None);
        foreach (var axis in axes)
        {
            var what = $"parameter '{axis.Key}'";
            Claim(results, axis.Key, what, axis.Location, "results.csv");
            Claim(summary, axis.Key, what, axis.Location, "summary.csv");
        }

        foreach (var metric in metrics)
        {
            var what = $"metric '{metric.Name}'";
            var at = metric.NameLocation == SourceLocation.None ? metric.Location : metric.NameLocation;
            Claim(results, metric.Name, what, at, "results.csv");
            foreach (var statistic in SummaryStatistics)
            {
                Claim(summary, $"{metric.Name}_{statistic}", what, at, "summary.csv");
            }
        }
    }

    private static void Claim(Dictionary<string, (string What, SourceLocation At)> columns, string column, string what, SourceLocation at, string file)
    {
        if (!columns.TryGetValue(column, out var first))
        {
            columns[column] = (what, at);
            return;
        }

        var where = first.At.Line > 0 ? $" (line {first.At.Line})" : "";
        var message = first.At == SourceLocation.None
            ? $"{what} is named like the column '{column}' that the runner writes in {file}"
            : first.What == what
                ? $"{what} is defined twice; the first is at line {first.At.Line}"
                : $"{what} would write the {file} column '{column}', which {first.What}{where} already writes";
        var hint = first.At == SourceLocation.None
            ? $"give it another name; reserved column names: {string.Join(", ", Reserved)}"
            : "give it another name: each parameter and metric is a column of results.csv and summary.csv";
        throw new UserInputException(at, message, hint);
    }
}
