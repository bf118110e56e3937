using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Minimize;

/// <summary>kind: minimize and its alias kind: maxcut are one experiment: selected alike, listed once, same numbers.</summary>
public sealed class MinimizeKindTests : IDisposable
{
    private const string Crossbar = "substrate:\n  levels: 0\n  nonidealities:\n    variability: 0.05\n";
    private readonly TempDirectory _dir = new("nm-minkind");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData(Crossbar)]
    public void Kind_maxcut_and_kind_minimize_give_the_same_numbers_for_the_same_file(string extra)
    {
        var metrics = new[] { "maxcut", "minimize" }.Select(kind =>
        {
            var root = YamlSection.LoadFile(MinimizeRuns.WriteCase(_dir, TinyProblems.All["gset"], kind, extra + "target: 100\n"));
            var experiment = ExperimentCatalog.Select(root);
            Assert.IsType<MinimizeExperiment>(experiment);
            return experiment.Run(root, new ExperimentContext(null, TextWriter.Null) { Seed = 11 }).Metrics;
        }).ToList();
        foreach (var name in new MinimizeExperiment().MetricNames.Where(m => m != "time_s"))
        {
            Assert.Equal(metrics[0][name], metrics[1][name]);
        }

        Assert.Equal(extra.Length > 0, metrics[0]["coupling_error"] > 0);
        Assert.Equal(TinyProblems.All["gset"].Optimum, metrics[0]["best_cut"]);
    }

    [Fact]
    public void The_catalog_lists_minimize_once_with_its_alias_and_suggests_both()
    {
        Assert.Single(ExperimentCatalog.All.OfType<MinimizeExperiment>());
        Assert.Contains("minimize (alias maxcut)", ExperimentCatalog.KindNames);
        Assert.DoesNotContain(ExperimentCatalog.All, e => e.Kind == "maxcut");
        var root = YamlSection.Parse("kind: maxcat\n", "k.yaml");
        var error = Assert.Throws<UserInputException>(() => ExperimentCatalog.Select(root)).Diagnostic;
        Assert.Equal("k.yaml:1:7", error.Location.ToString());
        Assert.Contains("maxcut", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bundled_maxcut_experiment_file_still_reads_as_a_minimize_spec()
    {
        var spec = MinimizeSpecReader.Read(YamlSection.LoadFile(RepoPaths.InRepo("circuits", "maxcut_crossbar.yaml")));
        Assert.Equal("hopfield", spec.Solver);
        Assert.Equal((16, 400, 172.0), (spec.Restarts, spec.Sweeps ?? 0, spec.Target ?? 0));
        Assert.NotNull(spec.Substrate);
        Assert.EndsWith(Path.Combine("circuits", "problems", "maxcut_48.txt"), spec.Problem, StringComparison.Ordinal);
    }
}
