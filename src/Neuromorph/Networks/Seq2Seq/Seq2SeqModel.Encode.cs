using System.Numerics.Tensors;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>The encoder: one direction, or two whose states are concatenated per source step.</summary>
public sealed partial class Seq2SeqModel
{
    /// <summary>Encodes <paramref name="batch"/> sources of <paramref name="sourceSteps"/> tokens (sequence-major).</summary>
    public Seq2SeqEncoding Encode(ReadOnlySpan<int> sources, int sourceSteps, int batch)
    {
        var x = OneHotSources(sources, sourceSteps, batch);
        var forward = Encoder.Forward(x, sourceSteps, batch, null);
        var initial = forward.Final.Hidden.AsSpan(0, batch * Spec.DecoderHidden).ToArray();
        if (ReverseEncoder is not { } reverse)
        {
            return new Seq2SeqEncoding(forward.Hidden, initial, forward, null);
        }

        int v = Spec.Vocabulary, e = Spec.EncoderHidden, k = Spec.KeySize, row = batch * v;
        var reversed = new double[x.Length];
        for (var t = 0; t < sourceSteps; t++)
        {
            x.AsSpan(t * row, row).CopyTo(reversed.AsSpan((sourceSteps - 1 - t) * row, row));
        }

        var back = reverse.Forward(reversed, sourceSteps, batch, null);
        var keys = new double[sourceSteps * batch * k];
        for (var t = 0; t < sourceSteps; t++)
        {
            for (var b = 0; b < batch; b++)
            {
                var key = keys.AsSpan(((t * batch) + b) * k, k);
                forward.Hidden.AsSpan(((t * batch) + b) * e, e).CopyTo(key);
                back.Hidden.AsSpan(((((sourceSteps - 1 - t) * batch) + b) * e), e).CopyTo(key[e..]);
            }
        }

        return new Seq2SeqEncoding(keys, initial, forward, back);
    }

    /// <summary>Backpropagates dLoss/dkeys (T_s × B × key size, overwritten) and dLoss/ds_0 (B × H) into the encoder's parameters.</summary>
    internal void BackwardEncoder(Seq2SeqEncoding encoding, double[] dKeys, ReadOnlySpan<double> dInitial, int sourceSteps, int batch)
    {
        int e = Spec.EncoderHidden, k = Spec.KeySize;
        var dForward = dKeys;
        double[]? dReverse = null;
        if (ReverseEncoder is not null)
        {
            dForward = new double[sourceSteps * batch * e];
            dReverse = new double[sourceSteps * batch * e];
            for (var t = 0; t < sourceSteps; t++)
            {
                for (var b = 0; b < batch; b++)
                {
                    var key = dKeys.AsSpan(((t * batch) + b) * k, k);
                    key[..e].CopyTo(dForward.AsSpan(((t * batch) + b) * e, e));
                    key[e..].CopyTo(dReverse.AsSpan((((sourceSteps - 1 - t) * batch) + b) * e, e));
                }
            }
        }

        var last = dForward.AsSpan((sourceSteps - 1) * batch * e, batch * e);
        TensorPrimitives.Add(last, dInitial, last);
        Encoder.Backward(encoding.Forward, dForward, default);
        if (ReverseEncoder is { } reverse && dReverse is not null)
        {
            reverse.Backward(encoding.Reverse!, dReverse, default);
        }
    }
}
