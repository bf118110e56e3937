using Neuromorph.Studies;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Tests.Studies;

public class StudyReportTests
{
    [Fact]
    public void Report_is_self_contained_and_shows_summary_failures_and_study_text()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec("study: r<&>\nbase: { netlist: base.cir }\nparameters: [ { name: a, list: [1, 2] } ]\nreplicates: 2\nmetrics: [ { name: m, final: v(a) } ]\n");
        var runs = StudyPlan.Runs(spec);
        var rows = runs.Select(r => r.PointId == 1 && r.Replicate == 1
            ? new RunRecord(r, new Dictionary<string, double>(), RunStatus.Failed, "singular matrix at node <n1>", 0.1)
            : new RunRecord(r, new Dictionary<string, double> { ["m"] = 10 * r.Parameters["a"] + r.Replicate }, RunStatus.Ok, "", 0.1)).ToList();
        byte[] png = [137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3];
        var html = StudyReport.ToHtml(spec, rows, [("m vs a", png)]);
        Assert.Contains("<h1>r&lt;&amp;&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>10.5</td>", html, StringComparison.Ordinal);
        Assert.Contains("singular matrix at node &lt;n1&gt;", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>m vs a</figcaption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }
}
