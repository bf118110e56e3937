using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// The decoder's GRU cell, one step at a time (torch.nn.GRUCell: <c>decoder.weight_ih</c> 3H × input,
/// <c>decoder.weight_hh</c> 3H × H, <c>decoder.bias_ih</c>, <c>decoder.bias_hh</c>, gate blocks r, z, n):
/// r = σ(W_ir x + b_ir + W_hr s + b_hr), z likewise, n = tanh(W_in x + b_in + r ⊙ (W_hn s + b_hn)),
/// s' = (1 − z) ⊙ n + z ⊙ s. Its input changes with the attention context of each step, so the step, not the
/// sequence, is the unit here (unlike the encoder's layers).
/// </summary>
public sealed class DecoderCell
{
    private double[]? _gh;

    /// <summary>Creates a cell with zero parameters.</summary>
    public DecoderCell(int inputSize, int hiddenSize, IGemm gemm)
    {
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        WeightIh = new Parameter("decoder.weight_ih", 3 * hiddenSize, inputSize);
        WeightHh = new Parameter("decoder.weight_hh", 3 * hiddenSize, hiddenSize);
        BiasIh = new Parameter("decoder.bias_ih", 3 * hiddenSize);
        BiasHh = new Parameter("decoder.bias_hh", 3 * hiddenSize);
        InputWeights = new GemmWeights(WeightIh, gemm);
        RecurrentWeights = new GemmWeights(WeightHh, gemm);
    }

    /// <summary>Input features per step.</summary>
    public int InputSize { get; }

    /// <summary>H.</summary>
    public int HiddenSize { get; }

    /// <summary>Values per sequence and step kept for the backward step (r, z, n, W_hn s + b_hn).</summary>
    public int CacheWidth => 4 * HiddenSize;

    /// <summary>W_ih, 3H × input.</summary>
    public Parameter WeightIh { get; }

    /// <summary>W_hh, 3H × H.</summary>
    public Parameter WeightHh { get; }

    /// <summary>b_ih, 3H.</summary>
    public Parameter BiasIh { get; }

    /// <summary>b_hh, 3H.</summary>
    public Parameter BiasHh { get; }

    /// <summary>The parameters in PyTorch's order.</summary>
    public IReadOnlyList<Parameter> Parameters => [WeightIh, WeightHh, BiasIh, BiasHh];

    /// <summary>What computes products with W_ih.</summary>
    public IWeightSubstrate InputWeights { get; set; }

    /// <summary>What computes products with W_hh.</summary>
    public IWeightSubstrate RecurrentWeights { get; set; }

    /// <summary>
    /// One step for <paramref name="batch"/> sequences: x (B × input), s (B × H) → s' (B × H); <paramref name="gx"/>
    /// (B × 3H) is work space; <paramref name="cache"/> (B × 4H) receives what the backward step needs.
    /// </summary>
    public void Forward(ReadOnlySpan<double> x, ReadOnlySpan<double> s, Span<double> sOut, Span<double> gx, Span<double> cache, int batch)
    {
        int h = HiddenSize, g = 3 * h;
        var gh = Scratch(ref _gh, batch * g);
        InputWeights.Multiply(x[..(batch * InputSize)], gx[..(batch * g)], batch);
        RecurrentWeights.Multiply(s[..(batch * h)], gh, batch);
        for (var b = 0; b < batch; b++)
        {
            var ax = gx.Slice(b * g, g);
            var ah = gh.Slice(b * g, g);
            var c = cache.Slice(b * 4 * h, 4 * h);
            for (var j = 0; j < h; j++)
            {
                var r = Sigmoid(ax[j] + BiasIh.Value[j] + ah[j] + BiasHh.Value[j]);
                var z = Sigmoid(ax[h + j] + BiasIh.Value[h + j] + ah[h + j] + BiasHh.Value[h + j]);
                var hn = ah[(2 * h) + j] + BiasHh.Value[(2 * h) + j];
                var n = Math.Tanh(ax[(2 * h) + j] + BiasIh.Value[(2 * h) + j] + (r * hn));
                c[j] = r;
                c[h + j] = z;
                c[(2 * h) + j] = n;
                c[(3 * h) + j] = hn;
                sOut[(b * h) + j] = ((1 - z) * n) + (z * s[(b * h) + j]);
            }
        }
    }

    /// <summary>
    /// One step back: from ds' (B × H), writes dLoss/d(W_ih x + b_ih) into <paramref name="dgx"/> and
    /// dLoss/d(W_hh s + b_hh) into <paramref name="dgh"/> (B × 3H each) and the gradient reaching s directly (not
    /// through W_hh) into <paramref name="dsDirect"/>.
    /// </summary>
    public void Backward(ReadOnlySpan<double> ds, ReadOnlySpan<double> s, ReadOnlySpan<double> cache, Span<double> dgx, Span<double> dgh, Span<double> dsDirect, int batch)
    {
        var h = HiddenSize;
        for (var b = 0; b < batch; b++)
        {
            var c = cache.Slice(b * 4 * h, 4 * h);
            var dx = dgx.Slice(b * 3 * h, 3 * h);
            var dr = dgh.Slice(b * 3 * h, 3 * h);
            for (var j = 0; j < h; j++)
            {
                var k = (b * h) + j;
                double r = c[j], z = c[h + j], n = c[(2 * h) + j], hn = c[(3 * h) + j];
                var dan = ds[k] * (1 - z) * (1 - (n * n));
                var daz = ds[k] * (s[k] - n) * z * (1 - z);
                var dar = dan * hn * r * (1 - r);
                dx[j] = dr[j] = dar;
                dx[h + j] = dr[h + j] = daz;
                dx[(2 * h) + j] = dan;
                dr[(2 * h) + j] = dan * r;
                dsDirect[k] = ds[k] * z;
            }
        }
    }

    private static double Sigmoid(double a) => 1 / (1 + Math.Exp(-a));

    private static Span<double> Scratch(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new double[length];
        }

        return buffer.AsSpan(0, length);
    }
}
