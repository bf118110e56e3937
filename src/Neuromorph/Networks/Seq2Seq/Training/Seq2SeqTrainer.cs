using System.Diagnostics;
using Neuromorph.Networks.Seq2Seq.Tasks;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Seq2Seq.Training;

/// <summary>
/// Trains an encoder–decoder by backpropagation through time: per epoch the training pairs are shuffled and cut into
/// mini-batches, each decoded with the epoch's teacher-forcing ratio, its mean token cross-entropy backpropagated,
/// the gradient clipped and an Adam step taken; after each epoch the monitor pairs are decoded greedily and scored.
/// </summary>
public static class Seq2SeqTrainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place; <paramref name="log"/> hears every epoch. Throws when the loss stops
    /// being finite, and <see cref="OperationCanceledException"/> at the next mini-batch after a cancellation.
    /// </summary>
    public static IReadOnlyList<Seq2SeqEpoch> Train(Seq2SeqModel model, Seq2SeqData train, Seq2SeqData monitor, Seq2SeqTrainingOptions options, Action<Seq2SeqEpoch>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(options);
        var adam = new Adam(options.LearningRate);
        var rng = new RandomStream(options.Seed);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var epochs = new List<Seq2SeqEpoch>();
        var v = model.Spec.Vocabulary;
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var ratio = options.TeacherForcing.Ratio(epoch, options.Epochs);
            rng.Shuffle(order.AsSpan());
            double total = 0;
            for (var start = 0; start < train.Count; start += options.BatchSize)
            {
                cancellation.ThrowIfCancellationRequested();
                var batch = Math.Min(options.BatchSize, train.Count - start);
                var (sources, targets) = train.Gather(order.AsSpan(start, batch));
                var trace = model.Forward(sources, train.SourceLength, targets, train.TargetLength, batch, ratio, rng);
                var dLogits = new double[trace.Logits.Length];
                var loss = TokenLoss.CrossEntropy(trace, targets, v, dLogits);
                if (!double.IsFinite(loss))
                {
                    throw new InvalidOperationException($"the loss became {loss} in epoch {epoch}; lower learning_rate or set clip_norm");
                }

                total += loss * batch;
                model.ZeroGradients();
                model.Backward(trace, dLogits);
                GradientClipping.Clip(model.Parameters, options.ClipNorm);
                adam.Step(model.Parameters);
            }

            var score = Seq2SeqEvaluation.Score(monitor, Seq2SeqEvaluation.Greedy(model, monitor));
            var report = new Seq2SeqEpoch(epoch, total / train.Count, ratio, score.TokenAccuracy, score.SequenceAccuracy, clock.Elapsed.TotalSeconds);
            epochs.Add(report);
            log?.Invoke(report);
        }

        return epochs;
    }
}
