using System.Diagnostics;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory.Training;

/// <summary>
/// Trains an NTM on a memory task (copy, associative recall) by backpropagation through time: each update draws <see cref="NtmTrainingOptions.BatchSize"/>
/// fresh sequences, sums their gradients (each sequence's loss is its mean bit cross-entropy, the batch's the mean
/// over sequences), clips the global norm and takes an Adam step. Read noise is off during training and the keys are
/// <see cref="NtmTrainingOptions.Keys"/> (analog unless asked; bipolar trains through the sign straight-through, as
/// <see cref="Addressing.Backward"/> takes the cosine's gradient whatever the forward similarity was).
/// </summary>
public static class NtmTrainer
{
    /// <summary>Trains <paramref name="model"/> in place; <paramref name="log"/> hears every curve point.</summary>
    public static IReadOnlyList<NtmCurvePoint> Train(NtmModel model, IMemoryTask task, NtmTrainingOptions options, Action<NtmCurvePoint>? log = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        var noise = model.ReadNoise;
        var keys = model.Keys;
        model.ReadNoise = 0;
        model.Keys = options.Keys;
        try
        {
            var adam = new Adam(options.LearningRate);
            var rng = new RandomStream(options.Seed);
            var clock = Stopwatch.StartNew();
            var curve = new List<NtmCurvePoint>();
            double loss = 0, errors = 0;
            var count = 0;
            long sequences = 0;
            for (var update = 1; update <= options.Updates; update++)
            {
                cancellation.ThrowIfCancellationRequested();
                model.ZeroGradients();
                for (var b = 0; b < options.BatchSize; b++)
                {
                    var example = task.Next(rng);
                    var trace = model.Forward(example.Inputs, example.Steps);
                    var dLogits = new double[trace.Logits.Length];
                    var l = CopyLoss.CrossEntropy(trace.Logits, example, dLogits);
                    if (!double.IsFinite(l))
                    {
                        throw new InvalidOperationException($"the loss became {l} at update {update}; lower learning_rate or clip_norm");
                    }

                    for (var i = 0; i < dLogits.Length; i++)
                    {
                        dLogits[i] /= options.BatchSize;
                    }

                    model.Backward(trace, dLogits);
                    loss += l;
                    errors += CopyLoss.BitErrors(trace.Outputs, example);
                    count++;
                    sequences++;
                }

                if (options.ClipNorm > 0)
                {
                    GradientClipping.Clip(model.Parameters, options.ClipNorm);
                }

                adam.Step(model.Parameters);
                var outOfTime = options.MaxSeconds > 0 && clock.Elapsed.TotalSeconds >= options.MaxSeconds;
                if (update % options.LogEvery == 0 || update == options.Updates || outOfTime)
                {
                    var point = new NtmCurvePoint(update, sequences, loss / count, errors / count, clock.Elapsed.TotalSeconds);
                    curve.Add(point);
                    log?.Invoke(point);
                    (loss, errors, count) = (0, 0, 0);
                }

                if (outOfTime)
                {
                    break;
                }
            }

            return curve;
        }
        finally
        {
            model.ReadNoise = noise;
            model.Keys = keys;
        }
    }
}
