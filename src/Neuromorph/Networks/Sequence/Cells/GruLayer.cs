using System.Numerics.Tensors;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Sequence.Cells;

/// <summary>
/// GRU layer (torch.nn.GRU, gate blocks r, z, n): r = σ(W_ir x + b_ir + W_hr h + b_hr), z likewise,
/// n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}.
/// </summary>
public sealed class GruLayer(int index, int inputSize, int hiddenSize, IGemm gemm, bool reverse = false) : RecurrentLayer(index, inputSize, hiddenSize, 3, hiddenSize, gemm, reverse)
{
    /// <inheritdoc />
    protected override int CacheWidth => 4 * HiddenSize; // r, z, n, W_hn h + b_hn

    /// <inheritdoc />
    protected override void StepForward(Span<double> gx, ReadOnlySpan<double> gh, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        Span<double> hOut, Span<double> cOut, Span<double> cache, int batch)
    {
        var h = HiddenSize;
        for (var b = 0; b < batch; b++)
        {
            var ax = gx.Slice(b * 3 * h, 3 * h);
            var ah = gh.Slice(b * 3 * h, 3 * h);
            var z = cache.Slice(b * 4 * h, 4 * h);
            TensorPrimitives.Add(ax[..(2 * h)], ah[..(2 * h)], ax[..(2 * h)]);
            TensorPrimitives.Sigmoid(ax[..(2 * h)], z[..(2 * h)]);
            ah.Slice(2 * h, h).CopyTo(z.Slice(3 * h, h));
            var nIn = ax.Slice(2 * h, h);
            TensorPrimitives.FusedMultiplyAdd(z[..h], ah.Slice(2 * h, h), nIn, nIn);
            TensorPrimitives.Tanh(nIn, z.Slice(2 * h, h));
            var ho = hOut.Slice(b * h, h);
            var hp = hPrev.Slice(b * h, h);
            for (var j = 0; j < h; j++)
            {
                double zz = z[h + j], nn = z[(2 * h) + j];
                ho[j] = ((1 - zz) * nn) + (zz * hp[j]);
            }
        }
    }

    /// <inheritdoc />
    protected override void StepBackward(ReadOnlySpan<double> dh, Span<double> dc, ReadOnlySpan<double> hPrev, ReadOnlySpan<double> cPrev,
        ReadOnlySpan<double> h, ReadOnlySpan<double> cache, Span<double> dgx, Span<double> dgh, Span<double> dhPrevDirect, int batch)
    {
        var n = HiddenSize;
        for (var b = 0; b < batch; b++)
        {
            var c = cache.Slice(b * 4 * n, 4 * n);
            var dx = dgx.Slice(b * 3 * n, 3 * n);
            var dr = dgh.Slice(b * 3 * n, 3 * n);
            for (var j = 0; j < n; j++)
            {
                int k = (b * n) + j;
                double r = c[j], z = c[n + j], nn = c[(2 * n) + j], hn = c[(3 * n) + j];
                var dan = dh[k] * (1 - z) * (1 - (nn * nn));
                var daz = dh[k] * (hPrev[k] - nn) * z * (1 - z);
                var dar = dan * hn * r * (1 - r);
                dx[j] = dr[j] = dar;
                dx[n + j] = dr[n + j] = daz;
                dx[(2 * n) + j] = dan;
                dr[(2 * n) + j] = dan * r;
                dhPrevDirect[k] = dh[k] * z;
            }
        }
    }
}
