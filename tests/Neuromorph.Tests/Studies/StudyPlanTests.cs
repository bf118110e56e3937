using Neuromorph.Diagnostics;
using Neuromorph.Studies;

namespace Neuromorph.Tests.Studies;

public class StudyPlanTests
{
    private const string GridStudy = """
        study: grid
        base: { netlist: base.cir }
        parameters:
          - { name: r, linspace: [1k, 3k, 3] }
          - { name: a, logspace: [1m, 1, 4] }
          - { name: n, list: [1, 2] }
        replicates: 2
        seed: 7
        metrics:
          - { name: x, final: v(a) }
        """;

    [Fact]
    public void Grid_is_the_cartesian_product_in_row_major_order()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec(GridStudy);
        var points = StudyPlan.Points(spec);
        Assert.Equal(3 * 4 * 2, points.Count);
        Assert.Equal(1000, points[0]["r"]);
        Assert.Equal(1e-3, points[0]["a"], 15);
        Assert.Equal(2, points[1]["n"]);
        Assert.Equal(1e-2, points[2]["a"], 15);
        Assert.Equal(3000, points[^1]["r"]);
        Assert.Equal(1.0, points[^1]["a"]);
        Assert.Equal(points.Count, points.Select(p => (p["r"], p["a"], p["n"])).Distinct().Count());
        Assert.Equal(48, StudyPlan.Runs(spec).Count);
    }

    [Fact]
    public void Expansion_and_seeds_are_deterministic_and_distinct()
    {
        using var fx = new StudyFixtures();
        var a = StudyPlan.Runs(fx.Spec(GridStudy));
        var b = StudyPlan.Runs(fx.Spec(GridStudy));
        Assert.Equal(a.Select(r => (r.PointId, r.Replicate, r.Seed)), b.Select(r => (r.PointId, r.Replicate, r.Seed)));
        Assert.Equal(a.Count, a.Select(r => r.Seed).Distinct().Count());
        Assert.All(a, r => Assert.True(r.Seed >= 0));
    }

    [Fact]
    public void Latin_hypercube_puts_exactly_one_sample_in_each_stratum_of_each_axis()
    {
        using var fx = new StudyFixtures();
        var spec = fx.Spec("""
            base: { netlist: base.cir }
            sampling: lhs
            samples: 20
            parameters:
              - { name: u, low: 0, high: 1 }
              - { name: g, low: 1e-6, high: 1e-3, log: true }
            metrics: [ { name: m, final: v(a) } ]
            """);
        var points = StudyPlan.Points(spec);
        Assert.Equal(20, points.Count);
        var uStrata = points.Select(p => (int)Math.Floor(p["u"] * 20)).OrderBy(k => k);
        Assert.Equal(Enumerable.Range(0, 20), uStrata);
        var gStrata = points.Select(p => (int)Math.Floor((Math.Log10(p["g"]) + 6) / 3 * 20)).OrderBy(k => k);
        Assert.Equal(Enumerable.Range(0, 20), gStrata);
    }

    [Fact]
    public void Shards_partition_the_runs()
    {
        using var fx = new StudyFixtures();
        var runs = StudyPlan.Runs(fx.Spec(GridStudy));
        var shards = Enumerable.Range(1, 3).Select(i => new ShardSpec(i, 3)).ToList();
        Assert.All(runs, r => Assert.Single(shards, s => s.Contains(r.PointId)));
    }

    [Theory]
    [InlineData("4/3")]
    [InlineData("0/3")]
    [InlineData("a/b")]
    [InlineData("3")]
    public void Bad_shard_specs_are_user_errors(string text) => Assert.Throws<UserInputException>(() => ShardSpec.Parse(text));

    [Theory]
    [InlineData("parameters:\n  - { name: r, linspace: [1, 2] }", "linspace takes three numbers")]
    [InlineData("parameters:\n  - { name: r, range: [1, 2, -1] }", "step must move")]
    [InlineData("parameters:\n  - { name: r, list: [] }", "empty range")]
    [InlineData("parameters:\n  - { name: r, lisst: [1] }", "did you mean 'list'")]
    [InlineData("parameters: []", "at least one parameter")]
    public void Bad_parameter_specs_are_located_user_errors(string parameters, string expected)
    {
        using var fx = new StudyFixtures();
        var ex = Assert.Throws<UserInputException>(() => fx.Spec($"base: {{ netlist: base.cir }}\n{parameters}\nmetrics: [ {{ name: m, final: v(a) }} ]\n"));
        Assert.Contains(expected, ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("study.yaml", ex.Diagnostic.Location.File, StringComparison.Ordinal);
        Assert.True(ex.Diagnostic.Location.Line > 0);
    }

    [Fact]
    public void Missing_base_file_is_reported_at_its_key()
    {
        using var fx = new StudyFixtures();
        var ex = Assert.Throws<UserInputException>(() => fx.Spec("base: { netlist: nope.cir }\nparameters: [ { name: r, list: [1] } ]\nmetrics: [ { name: m, final: v(a) } ]\n"));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, ex.Diagnostic.Location.Line);
    }
}
