using System.Numerics.Tensors;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>Backpropagation through the decoder steps, the attention and the encoder.</summary>
public sealed partial class Seq2SeqModel
{
    /// <summary>
    /// Adds dLoss/dparameter for every parameter, given dLoss/dlogits (T × B × V) of <paramref name="trace"/> (the
    /// model's latest forward pass). Fed tokens are constants (a prediction fed back is not differentiated through).
    /// </summary>
    public void Backward(Seq2SeqTrace trace, ReadOnlySpan<double> dLogits)
    {
        ArgumentNullException.ThrowIfNull(trace);
        int steps = trace.Steps, batch = trace.Batch, ts = trace.SourceSteps, h = Spec.DecoderHidden, v = Spec.Vocabulary, k = Spec.KeySize;
        int rows = steps * batch, f = h + k, x = v + k;
        var keys = trace.Encoder.Keys;
        var dFeatures = new double[rows * f];
        Output.Backward(dLogits[..(rows * v)], trace.Features, dFeatures, rows);
        var dKeys = new double[ts * batch * k];
        var dgx = new double[rows * 3 * h];
        var dgh = new double[rows * 3 * h];
        var ds = new double[batch * h];
        var dsPrev = new double[batch * h];
        var dInput = new double[batch * x];
        var dAlpha = new double[batch * ts];
        for (var t = steps - 1; t >= 0; t--)
        {
            for (var b = 0; b < batch; b++)
            {
                TensorPrimitives.Add(ds.AsSpan(b * h, h), dFeatures.AsSpan(((t * batch) + b) * f, h), ds.AsSpan(b * h, h));
            }

            var gx = dgx.AsSpan(t * batch * 3 * h, batch * 3 * h);
            var gh = dgh.AsSpan(t * batch * 3 * h, batch * 3 * h);
            Decoder.Backward(ds, trace.States.AsSpan(t * batch * h, batch * h), trace.Cache.AsSpan(t * batch * 4 * h, batch * 4 * h), gx, gh, dsPrev, batch);
            Decoder.InputWeights.MultiplyTransposed(gx, dInput, batch);
            Decoder.RecurrentWeights.MultiplyTransposed(gh, ds, batch);
            TensorPrimitives.Add(ds, dsPrev, dsPrev);

            // context c = Σ_i α_i h_i reaches the output layer and the cell input
            for (var b = 0; b < batch; b++)
            {
                var dc = dInput.AsSpan((b * x) + v, k);
                TensorPrimitives.Add(dc, dFeatures.AsSpan((((t * batch) + b) * f) + h, k), dc);
                var alpha = trace.Attention.AsSpan(((t * batch) + b) * ts, ts);
                var da = dAlpha.AsSpan(b * ts, ts);
                for (var i = 0; i < ts; i++)
                {
                    var key = ((i * batch) + b) * k;
                    da[i] = TensorPrimitives.Dot<double>(dc, keys.AsSpan(key, k));
                    TensorPrimitives.MultiplyAdd(dc, alpha[i], dKeys.AsSpan(key, k), dKeys.AsSpan(key, k));
                }

                var mean = TensorPrimitives.Dot<double>(alpha, da);
                for (var i = 0; i < ts; i++)
                {
                    da[i] = alpha[i] * (da[i] - mean);
                }
            }

            Attention.BackwardScores(dAlpha, t, dsPrev);
            (ds, dsPrev) = (dsPrev, ds);
        }

        Gemm.Multiply(true, false, 3 * h, x, rows, 1, dgx, 3 * h, trace.DecoderInputs, x, 1, Decoder.WeightIh.Gradient, x);
        Gemm.Multiply(true, false, 3 * h, h, rows, 1, dgh, 3 * h, trace.States, h, 1, Decoder.WeightHh.Gradient, h);
        SumRows(dgx, Decoder.BiasIh.Gradient);
        SumRows(dgh, Decoder.BiasHh.Gradient);
        Attention.FinishBackward(dKeys, steps);

        // s_0 is the (forward) encoder's last hidden state
        BackwardEncoder(trace.Encoder, dKeys, ds, ts, batch);
    }

    private static void SumRows(ReadOnlySpan<double> rows, Span<double> into)
    {
        for (var o = 0; o < rows.Length; o += into.Length)
        {
            TensorPrimitives.Add(into, rows.Slice(o, into.Length), into);
        }
    }
}
