using System.Globalization;
using System.Text.Json;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>With early stopping every number reported for the kept model is the kept epoch's, not the last epoch's.</summary>
public sealed class KeptEpochMetricsTests
{
    [Fact]
    public void Metrics_and_model_metadata_report_the_kept_epoch()
    {
        using var dir = new TempDirectory("nm-kept");
        var yaml = Path.Combine(dir, "es.yaml");
        File.WriteAllText(yaml, "model: { cell: rnn_tanh, hidden: 4 }\ndata: { task: sine, length: 400, steps: 20, washout: 2, test_fraction: 0.25 }\n"
            + "training: { epochs: 30, batch_size: 2, learning_rate: 0.9, optimizer: sgd, patience: 3, validation_fraction: 0.3 }\nseed: 3\n");
        var outDir = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("train", yaml, "-o", outDir);
        Assert.True(code == 0, error);

        var metrics = File.ReadAllLines(Path.Combine(outDir, "metrics.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        var curve = File.ReadAllLines(Path.Combine(outDir, "training.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var kept = (int)metrics["kept_epoch"];
        Assert.Equal(1, kept);
        Assert.Equal(4, metrics["epochs"]);
        var keptRow = curve.Single(r => (int)r[0] == kept);
        Assert.Equal(keptRow[1], metrics["train_loss"]);
        Assert.Equal(keptRow[2], metrics["validation_loss"]);
        // learning rate 0.9 diverges: the last epoch's loss is far above the kept one's, so reporting the last would show
        Assert.True(metrics["train_loss"] < curve[^1][1] / 1e6, $"train_loss {metrics["train_loss"]} is not the kept epoch's (last epoch: {curve[^1][1]})");

        using var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "model.json")));
        var meta = model.RootElement.GetProperty("metadata");
        Assert.Equal(kept, meta.GetProperty("kept_epoch").GetInt32());
        Assert.Equal(keptRow[1], meta.GetProperty("train_loss").GetDouble());
        Assert.Equal(keptRow[2], meta.GetProperty("validation_loss").GetDouble());
    }
}
