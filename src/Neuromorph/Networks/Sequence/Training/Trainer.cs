using System.Diagnostics;
using Neuromorph.Networks.Sequence.Rtrl;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// Mini-batch training of a <see cref="SequenceModel"/> by backpropagation through time (full, or truncated to
/// chunks whose state is carried over detached) or online by real-time recurrent learning
/// (<see cref="TrainingMethod.Rtrl"/>, parameters updated during the sequence), with gradient-norm clipping, Adam or SGD, optional noise
/// injection, validation, early stopping and divergence detection. Deterministic for a seed.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// Trains <paramref name="model"/> in place. With a validation set the model ends holding the parameters of the
    /// epoch with the lowest validation loss; a NaN or infinite loss stops training and restores the last good epoch.
    /// <paramref name="onEpoch"/> hears about every finished epoch. <paramref name="cancellation"/> is watched before
    /// every mini-batch: training then stops, drops the unfinished epoch and keeps the model as after the last finished
    /// one (or the best one, with a validation set), marking the result <see cref="TrainingResult.Interrupted"/>; with no
    /// epoch finished there is nothing to keep and it throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public static TrainingResult Train(SequenceModel model, SequenceSet train, SequenceSet? validation, TrainingOptions options,
        Action<EpochReport>? onEpoch = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Epochs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LearningRate);
        if (train.Count == 0)
        {
            throw new ArgumentException("no training sequences", nameof(train));
        }

        if (model.Spec.Bidirectional && options.Truncation > 0 && options.Truncation < train.Steps)
        {
            throw new ArgumentException("a bidirectional model needs whole sequences: truncated BPTT does not apply", nameof(options));
        }

        var optimizer = options.CreateOptimizer();
        var online = options.Method == TrainingMethod.Rtrl ? new RtrlOnline(model, options, optimizer) : null;
        var rng = new RandomStream(options.Seed);
        var noise = options.Noise is { Sigma: > 0 } wn ? new NoisyBinding(model, wn) : null;
        var inPlace = options.InPlace;
        if (inPlace is not null && (online is not null || noise is not null))
        {
            throw new ArgumentException("training on the substrate takes method: bptt without weight noise", nameof(options));
        }

        inPlace?.Bind(model);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var epochs = new List<EpochReport>();
        var lastGood = model.Snapshot();
        double[][]? best = null;
        double bestLoss = double.PositiveInfinity;
        int kept = 0, sinceBest = 0;
        int? diverged = null;
        var stoppedEarly = false;
        var interrupted = false;
        var batchMax = Math.Min(options.BatchSize, train.Count);
        var x = new double[train.Steps * batchMax * train.InputSize];
        var targets = new double[train.Steps * batchMax * train.TargetSize];
        var dy = new double[train.Steps * batchMax * model.Spec.OutputSize];
        var chunk = options.Truncation > 0 ? Math.Min(options.Truncation, train.Steps) : train.Steps;
        var chunkX = chunk == train.Steps ? x : new double[chunk * batchMax * train.InputSize];
        try
        {
            for (var epoch = 1; epoch <= options.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                if (options.Shuffle)
                {
                    rng.Shuffle<int>(order);
                }

                double sum = 0, normSum = 0;
                long count = 0;
                var updates = 0;
                for (var start = 0; start < train.Count && diverged is null; start += batchMax)
                {
                    if (cancellation.IsCancellationRequested)
                    {
                        interrupted = true;
                        break;
                    }

                    var idx = order.AsSpan(start, Math.Min(batchMax, train.Count - start));
                    var b = idx.Length;
                    train.Gather(idx, x, targets);
                    if (online is not null)
                    {
                        var done = online.Train(x, targets, b, train);
                        (sum, count, normSum, updates) = (sum + done.Sum, count + done.Count, normSum + done.NormSum, updates + done.Updates);
                        diverged = done.Finite ? null : epoch;
                        continue;
                    }

                    noise?.Redraw(rng);
                    ModelState? state = null;
                    for (var t0 = 0; t0 < train.Steps; t0 += chunk)
                    {
                        var tc = Math.Min(chunk, train.Steps - t0);
                        if (!ReferenceEquals(chunkX, x))
                        {
                            Array.Copy(x, t0 * b * train.InputSize, chunkX, 0, tc * b * train.InputSize);
                        }

                        var trace = model.Forward(chunkX, tc, b, state);
                        var (s, c) = Loss.Evaluate(options.Loss, trace.Outputs, t0, tc, b, model.Spec.OutputSize, train, targets, dy);
                        if (c > 0)
                        {
                            if (!double.IsFinite(s))
                            {
                                diverged = epoch;
                                break;
                            }

                            model.ZeroGradients();
                            model.Backward(trace, dy);
                            var norm = GradientClipping.Clip(model.Parameters, options.ClipNorm);
                            normSum += norm;
                            if (inPlace is null)
                            {
                                optimizer.Step(model.Parameters);
                            }
                            else
                            {
                                // the same scale clipping gave the gradients, on the per-step deltas the substrate pulses
                                var scale = options.ClipNorm > 0 ? Math.Min(1, options.ClipNorm / (norm + 1e-6)) : 1;
                                inPlace.Step(model, trace, dy, options.LearningRate, scale);
                            }

                            sum += s;
                            count += c;
                            updates++;
                        }

                        state = tc < train.Steps - t0 ? trace.Final.Copy() : null;
                    }
                }

                if (interrupted)
                {
                    // the unfinished epoch's updates are dropped (below): the model is the one the reports describe
                    break;
                }

                var trainLoss = count > 0 ? sum / count : double.NaN;
                if (diverged is not null || !double.IsFinite(trainLoss) || model.Parameters.Any(p => !p.Value.All(double.IsFinite)))
                {
                    diverged ??= epoch;
                    model.Restore(lastGood);
                    break;
                }

                noise?.Unbind();
                var validationLoss = validation is null ? double.NaN : SequenceEvaluation.MeanLoss(model, validation, options.Loss, options.BatchSize);
                lastGood = model.Snapshot();
                var report = new EpochReport(epoch, trainLoss, validationLoss, updates > 0 ? normSum / updates : 0, clock.Elapsed.TotalSeconds);
                epochs.Add(report);
                onEpoch?.Invoke(report);
                kept = epoch;
                if (validation is not null)
                {
                    if (validationLoss < bestLoss)
                    {
                        (bestLoss, best, sinceBest) = (validationLoss, lastGood, 0);
                    }
                    else if (options.Patience > 0 && ++sinceBest >= options.Patience)
                    {
                        stoppedEarly = true;
                        break;
                    }
                }

                if (cancellation.IsCancellationRequested && epoch < options.Epochs)
                {
                    interrupted = true;
                    break;
                }
            }
        }
        finally
        {
            noise?.Unbind();
            inPlace?.Unbind(model);
        }

        if (interrupted)
        {
            if (epochs.Count == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            model.Restore(lastGood);
        }

        if (best is not null && diverged is null)
        {
            model.Restore(best);
            kept = epochs.First(e => e.ValidationLoss == bestLoss).Epoch;
        }
        else if (diverged is not null)
        {
            kept = epochs.Count > 0 ? epochs[^1].Epoch : 0;
        }

        return new TrainingResult(epochs, kept, stoppedEarly, diverged) { Interrupted = interrupted };
    }

    /// <summary>Perturbed copies of every weight matrix, bound to the model for one mini-batch at a time.</summary>
    private sealed class NoisyBinding(SequenceModel model, WeightNoise noise)
    {
        private readonly Dictionary<Parameter, double[]> _copies = model.Parameters.Where(p => p.IsMatrix).ToDictionary(p => p, p => new double[p.Value.Length]);

        public void Redraw(RandomStream rng)
        {
            foreach (var (p, copy) in _copies)
            {
                noise.Perturb(p.Value, copy, rng);
            }

            model.BindWeights(p => new GemmWeights(_copies[p], p.Rows, p.Columns, model.Gemm));
        }

        public void Unbind() => model.BindWeights(null);
    }
}
