using System.Numerics.Tensors;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>The forward pass: encode, then decode step by step with attention.</summary>
public sealed partial class Seq2SeqModel
{
    /// <summary>
    /// Runs <paramref name="batch"/> source sequences of <paramref name="sourceSteps"/> tokens (sequence-major) through
    /// the encoder and <paramref name="steps"/> decoder steps. The token fed at step t &gt; 0 is the target's token t − 1
    /// with probability <paramref name="teacherForcing"/> (drawn per sequence and step from <paramref name="random"/>),
    /// else the model's own arg-max prediction of step t − 1; with <paramref name="targets"/> null (or ratio 0) this is
    /// greedy decoding.
    /// </summary>
    public Seq2SeqTrace Forward(ReadOnlySpan<int> sources, int sourceSteps, ReadOnlySpan<int> targets, int steps, int batch, double teacherForcing = 1, RandomStream? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        if (!targets.IsEmpty && targets.Length < steps * batch)
        {
            throw new ArgumentException($"{targets.Length} target tokens for {batch} sequences of {steps}", nameof(targets));
        }

        var encoder = Encode(sources, sourceSteps, batch);
        var trace = new Seq2SeqTrace(this, sourceSteps, steps, batch, encoder);
        Attention.Prepare(encoder.Keys, sourceSteps, batch, steps);
        int h = Spec.DecoderHidden, v = Spec.Vocabulary, k = Spec.KeySize;
        encoder.InitialState.CopyTo(trace.States, 0);
        var fed = new int[batch];
        for (var t = 0; t < steps; t++)
        {
            for (var b = 0; b < batch; b++)
            {
                fed[b] = t == 0 ? Spec.StartToken
                    : !targets.IsEmpty && (teacherForcing >= 1 || (teacherForcing > 0 && (random ?? throw new ArgumentNullException(nameof(random))).NextDouble() < teacherForcing))
                        ? targets[(b * steps) + t - 1]
                        : trace.Predicted[((t - 1) * batch) + b];
                trace.Fed[(t * batch) + b] = fed[b];
            }

            Step(t, batch, sourceSteps, encoder.Keys, trace.States.AsSpan(t * batch * h, batch * h), fed,
                trace.Attention.AsSpan(t * batch * sourceSteps, batch * sourceSteps), trace.DecoderInputs.AsSpan(t * batch * (v + k), batch * (v + k)),
                trace.Gates.AsSpan(t * batch * 3 * h, batch * 3 * h), trace.Cache.AsSpan(t * batch * 4 * h, batch * 4 * h),
                trace.States.AsSpan((t + 1) * batch * h, batch * h), trace.Features.AsSpan(t * batch * (h + k), batch * (h + k)),
                trace.Logits.AsSpan(t * batch * v, batch * v));
            for (var b = 0; b < batch; b++)
            {
                trace.Predicted[(t * batch) + b] = TensorPrimitives.IndexOfMax<double>(trace.Logits.AsSpan(((t * batch) + b) * v, v));
            }
        }

        return trace;
    }

    /// <summary>
    /// One decoder step for <paramref name="batch"/> sequences whose keys (T_s × B × key) the attention has prepared:
    /// scores s_{t−1} (<paramref name="state"/>), writes α, the cell input [one-hot token; context], the new state,
    /// the output features [s_t; context] and the logits.
    /// </summary>
    internal void Step(int t, int batch, int sourceSteps, double[] keys, ReadOnlySpan<double> state, ReadOnlySpan<int> fed, Span<double> alpha,
        Span<double> input, Span<double> gates, Span<double> cache, Span<double> next, Span<double> features, Span<double> logits)
    {
        int h = Spec.DecoderHidden, v = Spec.Vocabulary, k = Spec.KeySize;
        Attention.Score(state, alpha, t);
        input.Clear();
        for (var b = 0; b < batch; b++)
        {
            var a = alpha.Slice(b * sourceSteps, sourceSteps);
            TensorPrimitives.SoftMax(a, a);
            var row = input.Slice(b * (v + k), v + k);
            row[fed[b]] = 1;
            var context = row[v..];
            for (var i = 0; i < sourceSteps; i++)
            {
                TensorPrimitives.MultiplyAdd(keys.AsSpan(((i * batch) + b) * k, k), a[i], context, context);
            }
        }

        Decoder.Forward(input, state, next, gates, cache, batch);
        for (var b = 0; b < batch; b++)
        {
            var f = features.Slice(b * (h + k), h + k);
            next.Slice(b * h, h).CopyTo(f);
            input.Slice((b * (v + k)) + v, k).CopyTo(f[h..]);
        }

        Output.Forward(features, logits, batch);
    }
}
