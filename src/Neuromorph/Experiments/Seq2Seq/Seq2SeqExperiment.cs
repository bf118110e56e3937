using System.Diagnostics;
using System.Globalization;
using System.Text;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Seq2Seq.ModelFiles;
using Neuromorph.Networks.Seq2Seq.Tasks;
using Neuromorph.Networks.Seq2Seq.Training;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Experiments.Seq2Seq;

/// <summary>
/// <c>kind: seq2seq</c>: an encoder–decoder with additive or multiplicative attention trained on a generated task
/// (sequence reversal, sorting, multi-digit addition) with scheduled teacher forcing, then decoded greedily and by beam
/// search on held-out pairs, with ideal weights or every weight matrix on crossbars. Writes model.json (PyTorch names),
/// training.csv, predictions.csv and metrics.csv; figures: training and attention. Metrics: token_accuracy and
/// sequence_accuracy (greedy, on the crossbars when given), beam_token_accuracy, beam_sequence_accuracy,
/// software_token_accuracy, software_sequence_accuracy (ideal weights), train_loss, train_seconds.
/// </summary>
public sealed class Seq2SeqExperiment : Experiment<Seq2SeqSpec>
{
    /// <inheritdoc />
    public override string Kind => "seq2seq";

    /// <inheritdoc />
    public override string Description => "encoder–decoder with additive or multiplicative attention on reversal, sorting or addition, ideal or on crossbars";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } =
        ["token_accuracy", "sequence_accuracy", "beam_token_accuracy", "beam_sequence_accuracy", "software_token_accuracy", "software_sequence_accuracy", "train_loss", "train_seconds"];

    /// <inheritdoc />
    public override Seq2SeqSpec Read(YamlSection root, long? seed = null) => Seq2SeqSpecReader.Read(root, seed);

    /// <inheritdoc />
    public override ExperimentReport Run(Seq2SeqSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var dir = context.OutputDirectory;
        var log = dir is null ? TextWriter.Null : context.Log;
        var task = spec.Task;
        var train = task.Generate(spec.TrainCount, spec.Seed);
        var test = task.Generate(spec.TestCount, SeedSequence.Derive(spec.Seed, SeedPurpose.TaskTestSet));
        var model = Load(spec, task);
        var monitor = test.Count > 500 ? task.Generate(500, SeedSequence.Derive(spec.Seed, SeedPurpose.TaskTestSet)) : test;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Seq2SeqEpoch> epochs = [];
        string? interrupted = null;
        if (spec.Training is { } training)
        {
            // the parameters after each finished epoch: an interrupt keeps the last finished epoch's model
            var finished = new List<Seq2SeqEpoch>();
            var kept = model.Parameters.Select(p => (double[])p.Value.Clone()).ToArray();
            var options = training with { Seed = SeedSequence.Derive(training.Seed, SeedPurpose.Seq2SeqTraining) };
            log.WriteLine($"training {(model.Spec.Bidirectional ? "bidirectional " : "")}{CellTypes.Name(model.Spec.EncoderCell)} encoder, GRU decoder ({model.Spec.EncoderHidden} hidden), {AttentionKinds.Name(model.Spec.Attention)} attention, "
                + $"{model.ParameterCount} parameters, on {Name(task)}: {options.Epochs} epochs of {train.Count} pairs");
            try
            {
                epochs = Seq2SeqTrainer.Train(model, train, monitor, options, e =>
                {
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"epoch {e.Epoch}/{options.Epochs}: train loss {e.TrainLoss:G4}, teacher forcing {e.TeacherForcing:G3}, held-out token accuracy {e.TokenAccuracy:P2}, sequence {e.SequenceAccuracy:P2} ({e.Seconds:F1} s)"));
                    context.Progress?.Report(e.Epoch / (double)options.Epochs);
                    finished.Add(e);
                    for (var i = 0; i < kept.Length; i++)
                    {
                        model.Parameters[i].Value.CopyTo(kept[i], 0);
                    }
                }, context.CancellationToken);
            }
            catch (OperationCanceledException) when (finished.Count > 0)
            {
                for (var i = 0; i < kept.Length; i++)
                {
                    kept[i].CopyTo(model.Parameters[i].Value, 0);
                }

                epochs = finished;
                interrupted = string.Create(CultureInfo.InvariantCulture, $"training interrupted after epoch {finished.Count} of {options.Epochs}; kept the model of epoch {finished.Count}");
            }
        }

        var trainSeconds = clock.Elapsed.TotalSeconds;

        var softwareOutputs = Seq2SeqEvaluation.Greedy(model, test);
        var software = Seq2SeqEvaluation.Score(test, softwareOutputs);
        var beamData = spec.BeamSequences > 0 ? task.Generate(Math.Min(spec.BeamSequences, test.Count), SeedSequence.Derive(spec.Seed, SeedPurpose.TaskTestSet)) : null;
        var outputs = softwareOutputs;
        var scored = software;
        int[]? beamOutputs = null;
        Seq2SeqScore? beam = null;
        var attentionExample = model.Forward(test.Source(0), test.SourceLength, default, test.TargetLength, 1, 0);
        var attentionMap = attentionExample.AttentionOf(0);
        var exampleOutput = attentionExample.PredictedOf(0);
        if (spec.Substrate is { } substrate)
        {
            model.BindWeights(CrossbarWeights.Factory(substrate, spec.Periphery, spec.Seed));
        }

        try
        {
            if (spec.Substrate is not null)
            {
                outputs = Seq2SeqEvaluation.Greedy(model, test);
                scored = Seq2SeqEvaluation.Score(test, outputs);
                var example = model.Forward(test.Source(0), test.SourceLength, default, test.TargetLength, 1, 0);
                attentionMap = example.AttentionOf(0);
                exampleOutput = example.PredictedOf(0);
            }

            if (beamData is not null)
            {
                beamOutputs = Seq2SeqEvaluation.Beam(model, beamData, spec.BeamWidth);
                beam = Seq2SeqEvaluation.Score(beamData, beamOutputs);
            }
        }
        finally
        {
            model.BindWeights(null);
        }

        var metrics = new Dictionary<string, double>
        {
            ["token_accuracy"] = scored.TokenAccuracy,
            ["sequence_accuracy"] = scored.SequenceAccuracy,
            ["beam_token_accuracy"] = beam?.TokenAccuracy ?? double.NaN,
            ["beam_sequence_accuracy"] = beam?.SequenceAccuracy ?? double.NaN,
            ["software_token_accuracy"] = software.TokenAccuracy,
            ["software_sequence_accuracy"] = software.SequenceAccuracy,
            ["train_loss"] = epochs.Count > 0 ? epochs[^1].TrainLoss : double.NaN,
            ["train_seconds"] = trainSeconds,
        };
        var files = new List<ResultFile>();
        var figures = new List<Figure>();
        var written = new List<string>();
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
            var modelPath = Path.Combine(dir, "model.json");
            Seq2SeqModelFile.Write(model, modelPath, task.Vocabulary, new Dictionary<string, string>
            {
                ["task"] = Name(task),
                ["seed"] = spec.Seed.ToString(CultureInfo.InvariantCulture),
                ["epochs"] = epochs.Count.ToString(CultureInfo.InvariantCulture),
            });
            written.Add(modelPath);
            files.Add(new ResultTable("training.csv", ["epoch", "train_loss", "teacher_forcing", "token_accuracy", "sequence_accuracy", "seconds"],
            [
                [.. epochs.Select(e => (double)e.Epoch)], [.. epochs.Select(e => e.TrainLoss)], [.. epochs.Select(e => e.TeacherForcing)],
                [.. epochs.Select(e => e.TokenAccuracy)], [.. epochs.Select(e => e.SequenceAccuracy)], [.. epochs.Select(e => e.Seconds)],
            ]));
            files.Add(new ResultText("predictions.csv", Predictions(task, test, outputs, beamOutputs)));
            files.Add(MetricsTable.Of(metrics));
            if (epochs.Count > 0)
            {
                figures.Add(Seq2SeqFigures.Training(epochs));
            }
            var vocabulary = task.Vocabulary;
            figures.Add(Seq2SeqFigures.Attention(attentionMap, [.. test.Source(0).ToArray().Select(t => vocabulary[t])], [.. exampleOutput.Select(t => vocabulary[t])],
                $"Attention, test example 0: {task.Text(test.Source(0))} → {task.Text(exampleOutput)}{(spec.Substrate is null ? "" : " (crossbars)")}"));
        }

        var where = spec.Substrate is null ? "ideal weights" : "crossbars";
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"encoder–decoder ({(model.Spec.Bidirectional ? "bidirectional " : "")}{CellTypes.Name(model.Spec.EncoderCell)}/gru {model.Spec.EncoderHidden}, {AttentionKinds.Name(model.Spec.Attention)} attention, {model.ParameterCount} parameters) on {Name(task)}, {where}: greedy token accuracy {scored.TokenAccuracy:P2}, sequence accuracy {scored.SequenceAccuracy:P2}")
            + (beam is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; beam {spec.BeamWidth}: {beam.TokenAccuracy:P2} / {beam.SequenceAccuracy:P2}"))
            + (spec.Substrate is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (ideal weights: {software.TokenAccuracy:P2})"))
            + (epochs.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"; trained in {trainSeconds:F1} s"));
        return new ExperimentReport(metrics, written, summary) { Figures = figures, Outputs = files, Interrupted = interrupted };
    }

    /// <summary>A new model from the spec's sizes, or the model file's, which must use the task's vocabulary.</summary>
    private static Seq2SeqModel Load(Seq2SeqSpec spec, Seq2SeqTask task)
    {
        if (spec.ModelFile is not { } path)
        {
            return Seq2SeqModel.Create(spec.Model ?? throw new InvalidOperationException("a seq2seq spec needs a model or a model file"), SeedSequence.Derive(spec.Seed, SeedPurpose.Seq2SeqInitialisation));
        }

        var model = Seq2SeqModelFile.Read(path);
        if (model.Spec.Vocabulary != task.VocabularySize)
        {
            throw new UserInputException(spec.ModelFileLocation, $"the model has a vocabulary of {model.Spec.Vocabulary} tokens, the task {task.VocabularySize} ({string.Join(" ", task.Vocabulary)})",
                "use the model trained on this task, or change data.task and data.symbols");
        }

        return model;
    }

    private static string Name(Seq2SeqTask task) => task.Kind switch
    {
        Seq2SeqTaskKind.Add => $"addition of {task.Length}-digit numbers",
        Seq2SeqTaskKind.Sort => $"sorting {task.Length} of {task.Symbols} symbols",
        _ => $"reversing {task.Length} of {task.Symbols} symbols",
    };

    /// <summary>predictions.csv: pair, source, target, greedy output (and beam output for the pairs beam search decoded), tokens space-separated.</summary>
    private static string Predictions(Seq2SeqTask task, Seq2SeqData test, int[] outputs, int[]? beam)
    {
        var names = task.Vocabulary;
        string Tokens(ReadOnlySpan<int> tokens)
        {
            var parts = new List<string>();
            foreach (var t in tokens)
            {
                parts.Add(t >= 0 && t < names.Count ? names[t] : "");
            }

            return string.Join(' ', parts).Trim();
        }

        var b = new StringBuilder("pair,source,target,greedy,correct" + (beam is null ? "" : ",beam") + "\n");
        var lt = test.TargetLength;
        for (var n = 0; n < test.Count; n++)
        {
            var output = outputs.AsSpan(n * lt, lt);
            var correct = output.SequenceEqual(test.Target(n));
            b.Append(CultureInfo.InvariantCulture, $"{n},{Tokens(test.Source(n))},{Tokens(test.Target(n))},{Tokens(output)},{(correct ? 1 : 0)}");
            if (beam is not null)
            {
                b.Append(',').Append(n * lt < beam.Length ? Tokens(beam.AsSpan(n * lt, lt)) : "");
            }

            b.Append('\n');
        }

        return b.ToString();
    }
}
