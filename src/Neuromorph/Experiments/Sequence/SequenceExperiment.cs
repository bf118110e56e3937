using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Sequence;

/// <summary>
/// <c>kind: sequence</c>: a recurrent model (Elman, Jordan, LSTM, GRU; loaded from model.json or trained first) on a
/// task or CSV series, with ideal weights or every weight matrix on crossbars. Writes predictions.csv and metrics.csv
/// (and model.json, training.csv when it trains); reports mse, nrmse, accuracy and their ideal-weight values, so a
/// sweep can trace error against ADC bits, variability or drift time.
/// </summary>
public sealed class SequenceExperiment : Experiment<SequenceRunSpec>
{
    /// <inheritdoc />
    public override string Kind => "sequence";

    /// <inheritdoc />
    public override string Description => "recurrent sequence model (Elman, Jordan, LSTM, GRU) on a task or CSV series, ideal or on crossbars";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["mse", "nrmse", "accuracy", "software_mse", "software_nrmse", "software_accuracy", "epochs", "kept_epoch", "train_loss", "validation_loss"];

    /// <inheritdoc />
    public override SequenceRunSpec Read(YamlSection root, long? seed = null) => SequenceSpecReader.Read(root, seed);

    /// <inheritdoc />
    public override ExperimentReport Run(SequenceRunSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var log = context.OutputDirectory is null ? TextWriter.Null : context.Log;
        var result = SequenceRun.Execute(spec, context.OutputDirectory, log.WriteLine, context.Progress, context.CancellationToken);
        if (result.Interrupted is not null)
        {
            // the kept model and finished epochs are written; the run itself did not finish
            context.CancellationToken.ThrowIfCancellationRequested();
        }

        return new ExperimentReport(result.Metrics, result.Files, result.Summary) { Figures = result.Figures };
    }
}
