using Neuromorph.Experiments;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary>Experiments return their files as data: tested on the result, with nothing written by the experiment itself.</summary>
public sealed class ExperimentOutputsTests
{
    public static TheoryData<string> Examples => ["crossbar_vmm.yaml", "crossbar_write_verify.yaml", "ctd_lattice.yaml", "ctrnn_beer.yaml", "recall_bam.yaml", "esn_memory_capacity.yaml"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_bundled_example_returns_its_files_and_writes_none_itself(string example)
    {
        using var dir = new TempDirectory("nm-outputs");
        var root = YamlSection.LoadFile(RepoPaths.InRepo("circuits", example));
        var report = ExperimentCatalog.Select(root).Run(root, new ExperimentContext(dir, TextWriter.Null));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        Assert.NotEmpty(report.Outputs);
        Assert.Equal(report.Outputs.Count, report.Outputs.Select(f => f.Name).Distinct().Count());
        Assert.Empty(report.Files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_sweep_point_without_an_output_folder_gets_metrics_and_no_files(string example)
    {
        var root = YamlSection.LoadFile(RepoPaths.InRepo("circuits", example));
        var experiment = ExperimentCatalog.Select(root);
        var report = experiment.Run(root, new ExperimentContext(null, TextWriter.Null));
        Assert.Empty(report.Outputs);
        Assert.Empty(report.Figures);
        Assert.All(experiment.MetricNames, m => Assert.True(report.Metrics.ContainsKey(m), $"metric {m} missing"));
    }

    [Fact]
    public void An_ideal_crossbar_table_holds_the_matrix_vector_product_computed_here()
    {
        // continuous conductances, no wire resistance, no non-idealities: the array computes y_j = Σ_i x_i W_ij
        double[][] w = [[0.5, -1.0, 0.25], [-0.75, 0.5, 1.0], [1.0, 0.0, -0.5], [0.25, 0.75, -1.0]];
        double[][] x = [[0.1, 0.2, -0.1, 0.3], [0.3, -0.2, 0.2, 0.1]];
        var yaml = "kind: crossbar\narray:\n  weights: [[0.5, -1.0, 0.25], [-0.75, 0.5, 1.0], [1.0, 0.0, -0.5], [0.25, 0.75, -1.0]]\n"
            + "  mapping: { scheme: differential, g_min: 1u, g_max: 100u, levels: 0 }\n  wire_resistance: 0\ninputs: [[0.1, 0.2, -0.1, 0.3], [0.3, -0.2, 0.2, 0.1]]\n";
        using var dir = new TempDirectory("nm-ideal-xbar");
        var report = new CrossbarExperiment().Run(YamlSection.Parse(yaml, Path.Combine(dir, "x.yaml")), new ExperimentContext(dir, TextWriter.Null));
        var ideal = ResultFiles.Table(report.Outputs, "ideal_outputs.csv");
        var measured = ResultFiles.Table(report.Outputs, "outputs.csv");
        Assert.Equal(["out0", "out1", "out2"], ideal.Headers);
        for (var k = 0; k < x.Length; k++)
        {
            for (var j = 0; j < 3; j++)
            {
                var expected = Enumerable.Range(0, 4).Sum(i => x[k][i] * w[i][j]);
                Assert.Equal(expected, ideal.Columns[j][k], 12);
                Assert.Equal(expected, measured.Columns[j][k], 9);
            }
        }

        var netlist = Assert.Single(report.Outputs, f => f.Name.EndsWith("crossbar.cir", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(dir, "crossbar.cir"), netlist.Name);
    }
}
