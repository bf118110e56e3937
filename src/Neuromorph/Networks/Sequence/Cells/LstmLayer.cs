using System.Numerics.Tensors;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence.Cells;

/// <summary>
/// LSTM layer (torch.nn.LSTM, gate blocks i, f, g, o): i, f, o = σ(·), g = tanh(·) of W_*x x_t + b_*x + W_*h h_{t−1} + b_*h;
/// c_t = f ⊙ c_{t−1} + i ⊙ g; h_t = o ⊙ tanh(c_t). The additive path through c is what keeps gradients alive
/// over long sequences.
/// </summary>
public sealed class LstmLayer(int index, int inputSize, int hiddenSize, IGemm gemm, bool reverse = false) : RecurrentLayer(index, inputSize, hiddenSize, 4, hiddenSize, gemm, reverse)
{
    /// <inheritdoc />
    public override bool HasCellState => true;

    /// <inheritdoc />
    protected override int CacheWidth => 5 * HiddenSize; // i, f, g, o, tanh(c)

    /// <inheritdoc />
    protected override void StepForward(Span<double> gx, ReadOnlySpan<double> gh, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        Span<double> hOut, Span<double> cOut, Span<double> cache, int batch)
    {
        var h = HiddenSize;
        TensorPrimitives.Add(gx, gh, gx);
        for (var b = 0; b < batch; b++)
        {
            var a = gx.Slice(b * 4 * h, 4 * h);
            var z = cache.Slice(b * 5 * h, 5 * h);
            TensorPrimitives.Sigmoid(a[..(2 * h)], z[..(2 * h)]);
            TensorPrimitives.Tanh(a.Slice(2 * h, h), z.Slice(2 * h, h));
            TensorPrimitives.Sigmoid(a.Slice(3 * h, h), z.Slice(3 * h, h));
            var c = cOut.Slice(b * h, h);
            var cp = cPrev.Slice(b * h, h);
            for (var j = 0; j < h; j++)
            {
                c[j] = (z[h + j] * cp[j]) + (z[j] * z[(2 * h) + j]);
            }

            var tc = z.Slice(4 * h, h);
            TensorPrimitives.Tanh(c, tc);
            TensorPrimitives.Multiply(z.Slice(3 * h, h), tc, hOut.Slice(b * h, h));
        }
    }

    /// <inheritdoc />
    protected override void StepBackward(ReadOnlySpan<double> dh, Span<double> dc, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        ReadOnlySpan<double> h, ReadOnlySpan<double> cache, Span<double> dgx, Span<double> dgh, Span<double> dhPrevDirect, int batch)
    {
        var n = HiddenSize;
        for (var b = 0; b < batch; b++)
        {
            var z = cache.Slice(b * 5 * n, 5 * n);
            var d = dgx.Slice(b * 4 * n, 4 * n);
            for (var j = 0; j < n; j++)
            {
                int k = (b * n) + j;
                double i = z[j], f = z[n + j], g = z[(2 * n) + j], o = z[(3 * n) + j], tc = z[(4 * n) + j];
                var dct = dc[k] + (dh[k] * o * (1 - (tc * tc)));
                d[j] = dct * g * i * (1 - i);
                d[n + j] = dct * cPrev[k] * f * (1 - f);
                d[(2 * n) + j] = dct * i * (1 - (g * g));
                d[(3 * n) + j] = dh[k] * tc * o * (1 - o);
                dc[k] = dct * f;
            }
        }

        dgx.CopyTo(dgh);
        dhPrevDirect.Clear();
    }
}
