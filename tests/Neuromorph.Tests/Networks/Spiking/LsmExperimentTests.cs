using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Lsm;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Spiking;

/// <summary>kind: lsm: outputs, and a located error (exit code 2) for each class of bad input.</summary>
public sealed class LsmExperimentTests
{
    private const string Yaml = """
        kind: lsm
        liquid: { neurons: 40, connectivity: 0.1, background_current: 12e-9, background_spread: 3e-9, step_duration: 0.01 }
        neuron: { tau_m: 0.03, v_rest: 0, v_reset: 0.0135, v_threshold: 0.015, refractory: 0.002 }
        synapses: { g_on: 1e-4, g_off: 1e-6, sigma: 0.2 }
        input: { coding: rate, neurons: 100, connectivity: 0.2, weight: 2e-9, rate_scale: 1000 }
        data: { task: narma10, length: 400, test_fraction: 0.25 }
        readout: { features: traces, tau: 0.03, ridge: 1, washout: 50 }
        seed: 3

        """;

    [Fact]
    public void A_run_writes_predictions_spikes_metrics_and_a_raster()
    {
        using var dir = new TempDirectory("nm-lsm");
        var report = new LsmExperiment().Run(YamlSection.Parse(Yaml, "l.yaml"), new ExperimentContext(dir, TextWriter.Null));
        Assert.InRange(report.Metrics["nrmse"], 0, 2);
        Assert.True(report.Metrics["firing_rate"] > 0);
        var predictions = ResultFiles.Table(report.Outputs, "predictions.csv");
        Assert.Equal(["step", "target_y(t+1)", "prediction_y(t+1)"], predictions.Headers);
        Assert.Equal(100, predictions.Rows);
        var spikes = ResultFiles.Table(report.Outputs, "spikes.csv");
        Assert.Equal(["time", "neuron"], spikes.Headers);
        Assert.True(spikes.Rows > 0);
        Assert.All(spikes.Column("time"), t => Assert.InRange(t, 3.0, 3.3));
        var raster = report.Figures.Single(f => f.Name == "raster");
        Assert.Equal(spikes.Rows, raster.Panels.SelectMany(p => p.Layers).OfType<LineSeries>().Sum(l => l.X.Count));
        Assert.Contains(report.Figures, f => f.Name == "predictions");
    }

    [Fact]
    public void Without_an_output_folder_it_returns_every_metric_and_no_files()
    {
        var experiment = new LsmExperiment();
        var report = experiment.Run(YamlSection.Parse(Yaml, "l.yaml"), new ExperimentContext(null, TextWriter.Null));
        Assert.Empty(report.Outputs);
        Assert.Empty(report.Figures);
        Assert.All(experiment.MetricNames, m => Assert.True(report.Metrics.ContainsKey(m), $"metric {m} missing"));
    }

    [Fact]
    public void Spike_counts_current_coding_and_STDP_run_from_yaml()
    {
        var text = Yaml.Replace("features: traces", "features: counts", StringComparison.Ordinal)
            .Replace("coding: rate", "coding: current, current_scale: 20e-9", StringComparison.Ordinal)
            .Replace("sigma: 0.2 }", "sigma: 0.2, stdp: { a_plus: 1e-6, a_minus: 1.05e-6, tau_plus: 0.02, tau_minus: 0.02 } }", StringComparison.Ordinal);
        var spec = new LsmExperiment().Read(YamlSection.Parse(text, "c.yaml"));
        Assert.Equal(Neuromorph.Networks.Spiking.LiquidFeatures.Counts, spec.Liquid.Features);
        Assert.Equal(Neuromorph.Networks.Spiking.InputCoding.Current, spec.Liquid.Coding);
        Assert.NotNull(spec.Liquid.Stdp);
        Assert.False(spec.StdpAfterWashout);
        var report = new LsmExperiment().Run(spec, new ExperimentContext(null, TextWriter.Null));
        Assert.True(double.IsFinite(report.Metrics["nrmse"]));
        Assert.True(report.Metrics["firing_rate"] > 0);
    }

    [Fact]
    public void Ridge_auto_or_a_list_picks_the_lambda_of_the_best_validation_error()
    {
        // the chosen λ is the one of lowest NRMSE on steps [washout + 0.8·(split − washout), split), each candidate fitted
        // before them: a list holding that λ and a far worse one picks it again, and the run equals ridge: λ itself
        var auto = new LsmExperiment().Run(YamlSection.Parse(Yaml.Replace("ridge: 1,", "ridge: auto,", StringComparison.Ordinal), "l.yaml"), new ExperimentContext(null, TextWriter.Null));
        var chosen = auto.Metrics["ridge"];
        Assert.Contains(chosen, LsmSpec.AutoRidge);
        var text = $"ridge: [{chosen.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}, 1e9],";
        var listed = new LsmExperiment().Run(YamlSection.Parse(Yaml.Replace("ridge: 1,", text, StringComparison.Ordinal), "l.yaml"), new ExperimentContext(null, TextWriter.Null));
        Assert.Equal(chosen, listed.Metrics["ridge"]);
        var fixedRidge = new LsmExperiment().Run(YamlSection.Parse(Yaml.Replace("ridge: 1,", $"ridge: {chosen.ToString("R", System.Globalization.CultureInfo.InvariantCulture)},", StringComparison.Ordinal), "l.yaml"), new ExperimentContext(null, TextWriter.Null));
        Assert.Equal(fixedRidge.Metrics["nrmse"], auto.Metrics["nrmse"]);
        Assert.Equal(1, new LsmExperiment().Run(YamlSection.Parse(Yaml, "l.yaml"), new ExperimentContext(null, TextWriter.Null)).Metrics["ridge"]);
    }

    [Fact]
    public void The_kind_is_registered()
    {
        Assert.IsType<LsmExperiment>(ExperimentCatalog.Select(YamlSection.Parse(Yaml, "l.yaml")));
    }

    [Theory]
    [InlineData("v_threshold: 0.015", "v_threshold: 0.0135", 3, "threshold (0.0135 V) must lie above the reset potential")]
    [InlineData("tau_m: 0.03", "tau_m: -0.03", 3, "'tau_m' must be a positive number")]
    [InlineData("refractory: 0.002", "refractory: -0.002", 3, "'refractory' must not be negative")]
    [InlineData("connectivity: 0.1", "connectivity: 1.5", 2, "'connectivity' must lie in [0, 1]")]
    [InlineData("connectivity: 0.2", "connectivity: -0.2", 5, "'connectivity' must lie in [0, 1]")]
    [InlineData("g_off: 1e-6", "g_off: 1e-3", 4, "g_off (0.001 S) must lie below g_on")]
    [InlineData("sigma: 0.2", "sigma: -1", 4, "'sigma' must not be negative")]
    [InlineData("step_duration: 0.01", "step_duration: 0.01, dt: 0.02", 2, "longer than an input step")]
    [InlineData("sigma: 0.2 }", "sigma: 0.2, stdp: { tau_plus: -0.02 } }", 4, "'tau_plus' must be a positive number")]
    [InlineData("sigma: 0.2 }", "sigma: 0.2, stdp: { during: sometimes } }", 4, "unknown during 'sometimes'")]
    [InlineData("tau: 0.03", "tau: 0", 7, "'tau' must be a positive number")]
    [InlineData("coding: rate", "coding: spikes", 5, "unknown coding 'spikes'")]
    [InlineData("washout: 50", "washout: 5000", 7, "washout (5000 steps) leaves no training steps")]
    [InlineData("ridge: 1,", "ridge: [1, -2],", 7, "a ridge list needs one or more finite λ ≥ 0")]
    [InlineData("ridge: 1,", "ridge: sometimes,", 7, "ridge")]
    public void Bad_input_is_a_located_error_with_exit_code_2(string from, string to, int line, string message)
    {
        Assert.Contains(from, Yaml, StringComparison.Ordinal);
        var text = Yaml.Replace(from, to, StringComparison.Ordinal);
        var ex = Assert.Throws<UserInputException>(() => new LsmExperiment().Run(YamlSection.Parse(text, "x.yaml"), new ExperimentContext(null, TextWriter.Null)));
        Assert.StartsWith($"x.yaml:{line}:", ex.Diagnostic.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, ex.Diagnostic.ToString(), StringComparison.Ordinal);

        using var dir = new TempDirectory("nm-lsm-bad");
        var path = Path.Combine(dir, "x.yaml");
        File.WriteAllText(path, text);
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Matches($@"x\.yaml:{line}:\d+", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
