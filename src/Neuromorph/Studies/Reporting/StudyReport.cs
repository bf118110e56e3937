using Neuromorph.Io;
using System.Net;
using System.Text;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// Writes a study's <c>index.html</c>: a single self-contained page (figures inlined as base64 PNG, no scripts,
/// no network) with the study file, the per-point summary table and the failed runs, readable offline.
/// </summary>
public static class StudyReport
{
    /// <summary>Builds the page for <paramref name="spec"/> from its rows and already-rendered figures (title, PNG bytes).</summary>
    public static string ToHtml(StudySpec spec, IReadOnlyList<RunRecord> rows, IReadOnlyList<(string Title, byte[] Png)> plots)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(plots);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        sb.Append("<title>").Append(E(spec.Name)).Append(" — Neuromorph study</title>");
        sb.Append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
          .Append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}")
          .Append("th{background:#f2f2f2}pre{background:#f7f7f7;padding:1em;overflow:auto}figure{margin:1em 0}img{max-width:100%;height:auto}</style></head><body>\n");
        var ok = rows.Count(r => r.Status == RunStatus.Ok);
        var failed = rows.Where(r => r.Status == RunStatus.Failed).ToList();
        sb.Append("<h1>").Append(E(spec.Name)).Append("</h1>\n");
        sb.Append("<p>").Append(rows.Select(r => r.Run.PointId).Distinct().Count()).Append(" points, ")
          .Append(spec.Replicates).Append(" replicate(s) each; ").Append(ok).Append(" runs ok, ")
          .Append(failed.Count).Append(" failed. Base: <code>").Append(E(Path.GetFileName(spec.BasePath))).Append("</code>, seed ")
          .Append(spec.Seed).Append(", fingerprint <code>").Append(spec.Fingerprint).Append("</code>.</p>\n");
        foreach (var (title, png) in plots)
        {
            sb.Append("<figure><img alt=\"").Append(E(title)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png))
              .Append("\"><figcaption>").Append(E(title)).Append("</figcaption></figure>\n");
        }

        sb.Append("<h2>Summary per point</h2>\n");
        AppendCsvTable(sb, SummaryTable.ToCsv(spec, rows));
        if (failed.Count > 0)
        {
            sb.Append("<h2>Failed runs</h2>\n<table><tr><th>point</th><th>replicate</th><th>reason</th></tr>\n");
            foreach (var f in failed)
            {
                sb.Append("<tr><td>").Append(f.Run.PointId).Append("</td><td>").Append(f.Run.Replicate)
                  .Append("</td><td style=\"text-align:left\">").Append(E(f.Message)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<h2>Study file</h2>\n<pre>").Append(E(File.Exists(spec.File) ? File.ReadAllText(spec.File) : "")).Append("</pre>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void AppendCsvTable(StringBuilder sb, string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        sb.Append("<table>\n");
        for (var i = 0; i < lines.Length; i++)
        {
            var tag = i == 0 ? "th" : "td";
            sb.Append("<tr>");
            foreach (var f in CsvRow.Parse(lines[i]))
            {
                sb.Append('<').Append(tag).Append('>').Append(E(i == 0 ? f : Short(f))).Append("</").Append(tag).Append('>');
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static string Short(string field) =>
        double.TryParse(field, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v.ToString("G5", System.Globalization.CultureInfo.InvariantCulture)
            : field;

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
