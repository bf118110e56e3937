using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Reservoir;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments;

/// <summary>kind: esn: its figures and where a bad readout washout is reported.</summary>
public sealed class EsnRunTests
{
    private const string Esn = "kind: esn\nreservoir: { units: 40, spectral_radius: 0.9, input_scaling: 0.5 }\ndata: { task: sine, length: 600, test_fraction: 0.25 }\nreadout: { ridge: 1e-8, washout: WASH }\nseed: 1\n";

    [Fact]
    public void Prediction_draws_targets_and_predictions_over_the_test_part_and_reservoir_states()
    {
        using var dir = new TempDirectory("nm-esn-fig");
        var report = new EsnExperiment().Run(YamlSection.Parse(Esn.Replace("WASH", "50", StringComparison.Ordinal), "e.yaml"), new ExperimentContext(dir, TextWriter.Null));

        var predictions = report.Figures.Single(f => f.Name == "predictions");
        var layers = predictions.Panels.SelectMany(p => p.Layers).OfType<LineSeries>().ToList();
        Assert.Equal(["target", "prediction"], layers.Select(l => l.Name));
        var table = ResultFiles.Table(report.Outputs, "predictions.csv");
        Assert.Equal("step", table.Headers[0]);
        Assert.StartsWith("target_", table.Headers[1], StringComparison.Ordinal);
        Assert.StartsWith("prediction_", table.Headers[2], StringComparison.Ordinal);
        Assert.Equal(table.Rows, layers[0].X.Count);
        Assert.Equal(450, layers[0].X[0]);
        Assert.Equal(table.Columns[1][0], layers[0].Y[0]);
        Assert.Equal(table.Columns[2][^1], layers[1].Y[^1]);

        var states = report.Figures.Single(f => f.Name == "reservoir_states");
        var traces = states.Panels.SelectMany(p => p.Layers).OfType<LineSeries>().ToList();
        Assert.InRange(traces.Count, 2, 8);
        Assert.All(traces, t => Assert.StartsWith("unit ", t.Name, StringComparison.Ordinal));
        Assert.All(traces, t => Assert.All(t.Y, v => Assert.InRange(v, -1, 1)));
        Assert.Contains(traces, t => t.Y.Max() - t.Y.Min() > 0.01);
    }

    [Fact]
    public void Memory_capacity_draws_r2_against_delay()
    {
        using var dir = new TempDirectory("nm-esn-mc");
        var yaml = "kind: esn\nmode: memory_capacity\nreservoir: { units: 20 }\nmemory: { max_delay: 10, train: 400, test: 200 }\nreadout: { washout: 20 }\n";
        var report = new EsnExperiment().Run(YamlSection.Parse(yaml, "m.yaml"), new ExperimentContext(dir, TextWriter.Null));
        var mc = report.Figures.Single(f => f.Name == "memory_capacity");
        var r2 = mc.Panels.SelectMany(p => p.Layers).OfType<LineSeries>().Single();
        Assert.Equal(Enumerable.Range(1, 10).Select(k => (double)k), r2.X);
    }

    [Fact]
    public void A_readout_washout_longer_than_the_training_part_is_reported_at_the_washout_key()
    {
        var ex = Assert.Throws<UserInputException>(() => new EsnExperiment().Run(YamlSection.Parse(Esn.Replace("WASH", "5000", StringComparison.Ordinal), "e.yaml"), new ExperimentContext(null, TextWriter.Null)));
        Assert.StartsWith("e.yaml:4:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains("washout (5000 steps) leaves no training steps before the test part (step 450)", ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }
}
