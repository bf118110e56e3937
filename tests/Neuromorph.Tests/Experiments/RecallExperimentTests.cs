using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Recall;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

public class RecallExperimentTests
{
    [Fact]
    public void Hopfield_recall_csv_shows_retrieval_below_and_collapse_above_the_critical_load()
    {
        var yaml = YamlSection.Parse("experiment: recall\nnetwork: hopfield\nneurons: 400\nloads: [0.05, 0.3]\nnoise: [0.0, 0.1]\nprobes: 5\nseed: 2\n", "r.yaml");
        using var dir = new TempDirectory("nm-recall");
        using var log = new StringWriter();
        var report = new RecallExperiment().Run(yaml, new ExperimentContext(dir, log));
        Assert.Empty(Directory.GetFiles(dir)); // the experiment returns its files; 'run' writes them
        var rows = ResultFiles.Lines(report.Outputs, "recall.csv").Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        Assert.Equal(4, rows.Count);

        // alpha = 0.05: AGS retrieval error ~0 even from 10 % noisy probes; alpha = 0.3: well above 0.138, errors large.
        Assert.All(rows.Where(r => r[0] < 0.1), r => Assert.True(r[4] < 0.01, $"error {r[4]} at load {r[0]}"));
        Assert.All(rows.Where(r => r[0] > 0.2), r => Assert.True(r[4] > 0.1, $"error {r[4]} at load {r[0]}"));
    }

    [Fact]
    public void Bam_recall_is_perfect_for_few_pairs()
    {
        var yaml = YamlSection.Parse("network: bam\nneurons: 100\noutput_neurons: 80\npairs: [2, 4]\nnoise: [0.0, 0.1]\nseed: 3\n", "b.yaml");
        using var dir = new TempDirectory("nm-bam");
        var report = new RecallExperiment().Run(yaml, new ExperimentContext(dir, TextWriter.Null));
        var rows = ResultFiles.Lines(report.Outputs, "bam_recall.csv").Skip(1).ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("1", r.Split(',')[4]));
    }

    [Fact]
    public void Unknown_keys_and_values_are_located()
    {
        var ex = Assert.Throws<UserInputException>(() => RecallSpecReader.Read(YamlSection.Parse("network: hopfield\nrule: hebb\n", "x.yaml")));
        Assert.Contains("x.yaml:2", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Throws<UserInputException>(() => RecallSpecReader.Read(YamlSection.Parse("netwrk: bam\n", "x.yaml")));
    }
}
