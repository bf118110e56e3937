using Neuromorph.Io;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// What a finished (or merged) study leaves beside its results.csv: summary.csv (mean, spread and 95 % interval per
/// point), the plots, and index.html (an offline report with the plots inline). One place for <c>sweep</c> and
/// <c>sweep merge</c>.
/// </summary>
public static class StudyOutputs
{
    /// <summary>Writes summary, plots and report for <paramref name="rows"/> into <paramref name="dir"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Write(StudySpec spec, IReadOnlyList<RunRecord> rows, string dir)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        var summary = Path.Combine(dir, "summary.csv");
        AtomicFile.WriteAllText(summary, SummaryTable.ToCsv(spec, rows));
        var plots = StudyPlots.Write(spec, rows, dir);
        var report = Path.Combine(dir, "index.html");
        AtomicFile.WriteAllText(report, StudyReport.ToHtml(spec, rows, [.. plots.Select(p => (p.Title, p.Svg))]));
        return [summary, .. plots.Select(p => p.Path), report];
    }

    /// <summary>Reads back the results of <paramref name="dir"/> and writes the outputs (after a run or a resume).</summary>
    public static IReadOnlyList<string> WriteFromResults(StudySpec spec, string dir)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = ResultsStore.ReadRows(Path.Combine(dir, ResultsStore.ResultsFile), ResultsStore.Header(spec), [.. spec.Axes.Select(a => a.Key)], [.. spec.Metrics.Select(m => m.Name)]);
        return Write(spec, rows, dir);
    }
}
