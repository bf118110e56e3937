using System.Globalization;
using Neuromorph.Networks.Sequence.ModelFiles;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>The train command, the sequence/esn/ctrnn kinds from the command line, and what bad input gives.</summary>
public sealed class SequenceCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nm-seq-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Sine = "data: { task: sine, length: 400, steps: 20, washout: 2, test_fraction: 0.25 }\n";

    [Trait("Category", "slow")]
    [Fact]
    public void Train_writes_a_model_pytorch_can_read_a_curve_and_predictions_with_progress_on_stderr()
    {
        var yaml = Write("train.yaml", "model: { cell: gru, hidden: 6 }\n" + Sine + "training: { epochs: 3, batch_size: 8, learning_rate: 0.01 }\nseed: 2\n");
        var outDir = Path.Combine(_dir, "out");
        var (code, output, error) = CliHarness.Run("train", yaml, "-o", outDir);
        Assert.True(code == 0, error);
        Assert.Contains("epoch 3/3: train loss", error, StringComparison.Ordinal);
        Assert.Contains("test MSE", output, StringComparison.Ordinal);
        var model = SequenceModelFile.Read(Path.Combine(outDir, "model.json"));
        Assert.Equal(6, model.Spec.HiddenSize);
        Assert.StartsWith("epoch,train_loss,validation_loss,gradient_norm,seconds\n", File.ReadAllText(Path.Combine(outDir, "training.csv")), StringComparison.Ordinal);
        Assert.Equal(4, File.ReadAllLines(Path.Combine(outDir, "training.csv")).Length);
        Assert.StartsWith("sequence,step,target_sine(t+1),prediction_sine(t+1)", File.ReadAllText(Path.Combine(outDir, "predictions.csv")), StringComparison.Ordinal);

        // the trained model runs again from its file, on ideal weights and on ideal crossbars, with the same result
        var run = Write("run.yaml", "kind: sequence\nmodel_file: out/model.json\n" + Sine);
        var xbar = Write("xbar.yaml", "kind: sequence\nmodel_file: out/model.json\n" + Sine + "substrate: { g_min: 1u, g_max: 100u }\n");
        Assert.Equal(0, CliHarness.Run("run", run, "-o", Path.Combine(_dir, "r1")).ExitCode);
        Assert.Equal(0, CliHarness.Run("run", xbar, "-o", Path.Combine(_dir, "r2")).ExitCode);
        var (ideal, hardware) = (Metric(Path.Combine(_dir, "r1"), "mse"), Metric(Path.Combine(_dir, "r2"), "mse"));
        Assert.Equal(Metric(outDir, "mse"), ideal, 1e-15);
        Assert.Equal(ideal, hardware, 1e-9 * Math.Max(ideal, 1e-6));
    }

    [Theory]
    [InlineData("learning_rate: 0", "train.yaml:3:", "learning rate must be positive")]
    [InlineData("learning_rate: -1", "train.yaml:3:", "learning rate must be positive")]
    [InlineData("steps0", "train.yaml:2:", "zero-length sequences")]
    [InlineData("cell: lstn", "train.yaml:1:", "did you mean 'lstm'")]
    public void Bad_training_files_are_located_errors_with_exit_code_2(string change, string where, string message)
    {
        var model = change.StartsWith("cell", StringComparison.Ordinal) ? "model: { " + change + ", hidden: 4 }\n" : "model: { cell: lstm, hidden: 4 }\n";
        var data = change == "steps0" ? "data: { task: sine, length: 400, steps: 0 }\n" : Sine;
        var training = change.StartsWith("learning", StringComparison.Ordinal) ? "training: { epochs: 1, " + change + " }\n" : "training: { epochs: 1 }\n";
        var (code, _, error) = CliHarness.Run("train", Write("train.yaml", model + data + training), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(where, error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_files_with_a_wrong_shape_or_unknown_cell_name_the_parameter_and_the_place()
    {
        var model = SequenceFixtures.Model("lstm", 1, 3, 1, 1, 1);
        var json = SequenceModelFile.ToJson(model);
        var wrongShape = json.Replace("\"hidden_size\": 3", "\"hidden_size\": 4", StringComparison.Ordinal);
        Write("bad.json", wrongShape);
        var (code, _, error) = CliHarness.Run("run", Write("run.yaml", "kind: sequence\nmodel_file: bad.json\n" + Sine), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Matches(@"bad\.json:\d+:\d+: error: parameter 'weight_ih_l0': expected shape \[16, 1\], found \[12, 1\]", error);

        Write("bad.json", json.Replace("\"lstm\"", "\"lsmt\"", StringComparison.Ordinal));
        (code, _, error) = CliHarness.Run("run", Path.Combine(_dir, "run.yaml"), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Matches(@"bad\.json:4:\d+: error: unknown cell type 'lsmt'", error);
        Assert.Contains("did you mean 'lstm'", error, StringComparison.Ordinal);

        Write("bad.json", json[..(json.Length / 2)]);
        (code, _, error) = CliHarness.Run("run", Path.Combine(_dir, "run.yaml"), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Matches(@"bad\.json:\d+:\d+: error: malformed JSON", error);
    }

    [Fact]
    public void Csv_data_without_the_target_column_or_with_nan_is_an_error_at_its_line()
    {
        Write("series.csv", "time,u,y\n0,0.1,0.2\n1,0.2,NaN\n2,0.3,0.4\n");
        var yaml = "model: { cell: rnn_tanh, hidden: 3 }\ndata: { task: csv, file: series.csv, inputs: [u], targets: [TARGET], steps: 2 }\ntraining: { epochs: 1 }\n";
        var (code, _, error) = CliHarness.Run("train", Write("t.yaml", yaml.Replace("TARGET", "z", StringComparison.Ordinal)), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("series.csv:1:1: error: no target column 'z'", error, StringComparison.Ordinal);
        (code, _, error) = CliHarness.Run("train", Write("t.yaml", yaml.Replace("TARGET", "y", StringComparison.Ordinal)), "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("series.csv:3:7: error: column 'y' holds 'NaN', not a finite number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Diverging_training_exits_1_names_the_epoch_and_keeps_the_last_good_model()
    {
        var yaml = Write("div.yaml", "model: { cell: rnn_relu, hidden: 8 }\n" + Sine + "training: { epochs: 30, batch_size: 4, optimizer: sgd, learning_rate: 3, shuffle: false }\n");
        var outDir = Path.Combine(_dir, "div");
        var (code, _, error) = CliHarness.Run("train", yaml, "-o", outDir);
        Assert.Equal(1, code);
        Assert.Matches(@"training diverged: the loss became NaN or infinite in epoch \d+", error);
        var kept = SequenceModelFile.Read(Path.Combine(outDir, "model.json"));
        Assert.All(kept.Parameters, p => Assert.All(p.Value, v => Assert.True(double.IsFinite(v))));
    }

    /// <summary>Beer's oscillator through `neuromorph run` against SciPy's DOP853 at rtol = atol = 1e-12, run live.</summary>
    [Trait("Category", "peer")]
    [Trait("Category", "slow")]
    [SkippableFact]
    public void Ctrnn_period_from_the_command_line_matches_scipy()
    {
        Requires.Scipy();
        var outDir = Path.Combine(_dir, "ctrnn");
        var (code, _, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "ctrnn_beer.yaml"), "-o", outDir);
        Assert.True(code == 0, error);
        var period = Metric(outDir, "period");
        var script = Write("beer.py", """
            import numpy as np
            from scipy.integrate import solve_ivp
            w = np.array([[4.5, 1.0], [-1.0, 4.5]]); th = np.array([-2.75, -1.75])
            f = lambda t, y: -y + w @ (1 / (1 + np.exp(-(y + th))))
            ev = lambda t, y: y[0] - 2.75  # mid-range of y1: (1.293847 + 4.206153) / 2; the period does not depend on the level
            ev.direction = 1
            r = solve_ivp(f, (0, 400), [0.0, 0.0], method="DOP853", rtol=1e-12, atol=1e-12, events=ev)
            c = r.t_events[0]; c = c[c > 200][-6:]
            print(repr((c[-1] - c[0]) / (len(c) - 1)))
            """);
        var reference = double.Parse(Torch.Run(script).Trim(), CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(period - reference) < 1e-7 * reference, $"period {period:R} vs scipy {reference:R}");
    }

    private static double Metric(string dir, string name) =>
        double.Parse(File.ReadAllLines(Path.Combine(dir, "metrics.csv")).First(l => l.StartsWith(name + ",", StringComparison.Ordinal)).Split(',')[1], CultureInfo.InvariantCulture);
}
