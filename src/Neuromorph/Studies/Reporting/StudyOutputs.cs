using Neuromorph.Figures;
using Neuromorph.Io;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// What a finished (or merged) study leaves beside its results.csv: summary.csv (mean, spread and 95 % interval per
/// point), the figures of <see cref="StudyFigures"/> as image files, and index.html (an offline report with the
/// figures inline as PNG). One place for <c>sweep</c> and <c>sweep merge</c>.
/// </summary>
public static class StudyOutputs
{
    /// <summary>
    /// Writes summary, figures and report for <paramref name="rows"/> into <paramref name="dir"/>; returns the files
    /// written. Without a <paramref name="figures"/> writer (or with plots off) the report has tables only.
    /// </summary>
    public static IReadOnlyList<string> Write(StudySpec spec, IReadOnlyList<RunRecord> rows, string dir, FigureWriter? figures = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        var summary = Path.Combine(dir, "summary.csv");
        AtomicFile.WriteAllText(summary, SummaryTable.ToCsv(spec, rows));
        var list = figures is { Enabled: true } ? StudyFigures.Of(spec, rows) : [];
        var files = figures?.Write(list, dir) ?? [];
        var images = new List<(string Title, byte[] Png)>();
        if (list.Count > 0)
        {
            // the PNG files just written are the report's images; with --plot-format svg they are rendered for it alone
            var missing = list.Where(f => !files.Contains(Path.Combine(dir, f.Name + ".png"))).ToList();
            var rendered = figures!.Png(missing);
            var k = 0;
            foreach (var f in list)
            {
                var png = Path.Combine(dir, f.Name + ".png");
                images.Add((f.Title, files.Contains(png) ? File.ReadAllBytes(png) : rendered[k++]));
            }
        }

        var report = Path.Combine(dir, "index.html");
        AtomicFile.WriteAllText(report, StudyReport.ToHtml(spec, rows, images));
        return [summary, .. files, report];
    }

    /// <summary>Reads back the results of <paramref name="dir"/> and writes the outputs (after a run or a resume).</summary>
    public static IReadOnlyList<string> WriteFromResults(StudySpec spec, string dir, FigureWriter? figures = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rows = ResultsStore.ReadRows(Path.Combine(dir, ResultsStore.ResultsFile), ResultsStore.Header(spec), [.. spec.Axes.Select(a => a.Key)], [.. spec.Metrics.Select(m => m.Name)]);
        return Write(spec, rows, dir, figures);
    }
}
