namespace Neuromorph.Networks.Memory;

/// <summary>
/// One head's addressing for one step (Graves et al. 2014, section 3.3), forward and backward. From the raw head
/// outputs: key k (W, linear), β = softplus(β̂), g = σ(ĝ), shift s = softmax over offsets {−1, 0, +1},
/// γ = 1 + softplus(γ̂). Content: K_i = k·M_i / (|k| |M_i| + ε) (+ read noise η_i), w^c = softmax(β K);
/// interpolation w^g = g w^c + (1 − g) w_{t−1}; circular shift w̃_i = Σ_k s_k w^g_{i−k};
/// sharpening w_i = (w̃_i + δ)^γ / Σ_j (w̃_j + δ)^γ.
/// </summary>
public sealed class Addressing
{
    /// <summary>ε of the cosine similarity's denominator.</summary>
    public const double CosineEpsilon = 1e-8;

    /// <summary>δ added to the shifted weighting before sharpening, so that a weight underflowing to 0 keeps finite ln.</summary>
    public const double SharpenFloor = 1e-12;

    private readonly int _n;
    private readonly int _w;

    /// <summary>Work space for a memory of <paramref name="rows"/> × <paramref name="width"/>.</summary>
    public Addressing(int rows, int width)
    {
        _n = rows;
        _w = width;
        Key = new double[width];
        Similarity = new double[rows];
        RowNorm = new double[rows];
        Content = new double[rows];
        Gated = new double[rows];
        Shifted = new double[rows];
        Weights = new double[rows];
        Shift = new double[3];
    }

    /// <summary>k.</summary>
    public double[] Key { get; }

    /// <summary>|k|.</summary>
    public double KeyNorm { get; private set; }

    /// <summary>K_i (with noise when any).</summary>
    public double[] Similarity { get; }

    /// <summary>|M_i|.</summary>
    public double[] RowNorm { get; }

    /// <summary>β.</summary>
    public double Beta { get; private set; }

    /// <summary>β̂ (raw).</summary>
    public double BetaRaw { get; private set; }

    /// <summary>g.</summary>
    public double Gate { get; private set; }

    /// <summary>s over offsets −1, 0, +1.</summary>
    public double[] Shift { get; }

    /// <summary>γ.</summary>
    public double Gamma { get; private set; }

    /// <summary>γ̂ (raw).</summary>
    public double GammaRaw { get; private set; }

    /// <summary>w^c.</summary>
    public double[] Content { get; }

    /// <summary>w^g.</summary>
    public double[] Gated { get; }

    /// <summary>w̃ + δ.</summary>
    public double[] Shifted { get; }

    /// <summary>The final weighting w_t.</summary>
    public double[] Weights { get; }

    /// <summary>
    /// Forward: <paramref name="raw"/> starts with [k (W), β̂, ĝ, ŝ (3), γ̂]; <paramref name="memory"/> is N × W
    /// row-major; <paramref name="noise"/> (N values, or empty) is added to the similarities.
    /// </summary>
    public void Forward(ReadOnlySpan<double> raw, ReadOnlySpan<double> memory, ReadOnlySpan<double> previous, ReadOnlySpan<double> noise)
        => Forward(raw, memory, previous, noise, KeyEncoding.Analog);

    /// <summary>
    /// Forward with the similarity of <paramref name="keys"/>: <see cref="KeyEncoding.Bipolar"/> compares the signs of
    /// key and rows (an inference setting; <see cref="Backward"/> assumes analog keys).
    /// </summary>
    public void Forward(ReadOnlySpan<double> raw, ReadOnlySpan<double> memory, ReadOnlySpan<double> previous, ReadOnlySpan<double> noise, KeyEncoding keys)
    {
        int n = _n, w = _w;
        raw[..w].CopyTo(Key);
        double kk = 0;
        for (var j = 0; j < w; j++)
        {
            kk += Key[j] * Key[j];
        }

        KeyNorm = Math.Sqrt(kk);
        BetaRaw = raw[w];
        Beta = Softplus(BetaRaw);
        Gate = Sigmoid(raw[w + 1]);
        var m = Math.Max(raw[w + 2], Math.Max(raw[w + 3], raw[w + 4]));
        double total = 0;
        for (var k = 0; k < 3; k++)
        {
            Shift[k] = Math.Exp(raw[w + 2 + k] - m);
            total += Shift[k];
        }

        for (var k = 0; k < 3; k++)
        {
            Shift[k] /= total;
        }

        GammaRaw = raw[w + 5];
        Gamma = 1 + Softplus(GammaRaw);
        var zmax = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var row = memory.Slice(i * w, w);
            double dot = 0, rr = 0;
            for (var j = 0; j < w; j++)
            {
                dot += Key[j] * row[j];
                rr += row[j] * row[j];
            }

            RowNorm[i] = Math.Sqrt(rr);
            var similarity = keys == KeyEncoding.Bipolar ? BipolarSimilarity(Key, row) : dot / ((KeyNorm * RowNorm[i]) + CosineEpsilon);
            Similarity[i] = similarity + (noise.IsEmpty ? 0 : noise[i]);
            zmax = Math.Max(zmax, Beta * Similarity[i]);
        }

        double z = 0;
        for (var i = 0; i < n; i++)
        {
            Content[i] = Math.Exp((Beta * Similarity[i]) - zmax);
            z += Content[i];
        }

        for (var i = 0; i < n; i++)
        {
            Content[i] /= z;
            Gated[i] = (Gate * Content[i]) + ((1 - Gate) * previous[i]);
        }

        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            // offsets −1, 0, +1: mass at row j moves to j + offset
            Shifted[i] = (Shift[0] * Gated[(i + 1) % n]) + (Shift[1] * Gated[i]) + (Shift[2] * Gated[(i - 1 + n) % n]) + SharpenFloor;
            Weights[i] = Math.Pow(Shifted[i], Gamma);
            sum += Weights[i];
        }

        for (var i = 0; i < n; i++)
        {
            Weights[i] /= sum;
        }
    }

    /// <summary>
    /// Backward: from ∂L/∂w (<paramref name="dWeights"/>) adds into ∂L/∂raw (<paramref name="dRaw"/>, overwritten for
    /// the first W + 6 entries), ∂L/∂M (<paramref name="dMemory"/>) and ∂L/∂w_{t−1} (<paramref name="dPrevious"/>).
    /// </summary>
    public void Backward(ReadOnlySpan<double> dWeights, ReadOnlySpan<double> memory, ReadOnlySpan<double> previous, Span<double> dRaw, Span<double> dMemory, Span<double> dPrevious)
    {
        int n = _n, w = _w;
        Span<double> dShifted = n <= 512 ? stackalloc double[n] : new double[n];
        Span<double> dGated = n <= 512 ? stackalloc double[n] : new double[n];
        double dot = 0;
        for (var i = 0; i < n; i++)
        {
            dot += dWeights[i] * Weights[i];
        }

        double dGamma = 0;
        for (var i = 0; i < n; i++)
        {
            // w_i = q_i / S: ∂L/∂q_i = (dw_i − Σ dw·w) / S, with q_i / S = w_i folded in below
            var dqTimesQOverS = (dWeights[i] - dot) * Weights[i];
            dShifted[i] = dqTimesQOverS * Gamma / Shifted[i];
            dGamma += dqTimesQOverS * Math.Log(Shifted[i]);
        }

        Span<double> dShift = stackalloc double[3];
        dGated.Clear();
        for (var i = 0; i < n; i++)
        {
            var up = (i + 1) % n;
            var down = (i - 1 + n) % n;
            dShift[0] += dShifted[i] * Gated[up];
            dShift[1] += dShifted[i] * Gated[i];
            dShift[2] += dShifted[i] * Gated[down];
            dGated[up] += dShifted[i] * Shift[0];
            dGated[i] += dShifted[i] * Shift[1];
            dGated[down] += dShifted[i] * Shift[2];
        }

        double dGate = 0, dContentDot = 0;
        Span<double> dContent = dShifted; // reuse: dShifted is no longer needed
        for (var i = 0; i < n; i++)
        {
            dGate += dGated[i] * (Content[i] - previous[i]);
            dPrevious[i] += dGated[i] * (1 - Gate);
            dContent[i] = dGated[i] * Gate;
            dContentDot += dContent[i] * Content[i];
        }

        double dBeta = 0;
        var dKey = dRaw[..w];
        dKey.Clear();
        for (var i = 0; i < n; i++)
        {
            var dz = Content[i] * (dContent[i] - dContentDot);
            dBeta += dz * Similarity[i];
            var dK = dz * Beta;
            if (dK == 0)
            {
                continue;
            }

            var row = memory.Slice(i * w, w);
            var dRow = dMemory.Slice(i * w, w);
            double d = 0;
            for (var j = 0; j < w; j++)
            {
                d += Key[j] * row[j];
            }

            var denominator = (KeyNorm * RowNorm[i]) + CosineEpsilon;
            var a = dK / denominator;
            var b = dK * d / (denominator * denominator);
            var bk = RowNorm[i] > 0 && KeyNorm > 0 ? b * RowNorm[i] / KeyNorm : 0;
            var bm = RowNorm[i] > 0 && KeyNorm > 0 ? b * KeyNorm / RowNorm[i] : 0;
            for (var j = 0; j < w; j++)
            {
                dKey[j] += (a * row[j]) - (bk * Key[j]);
                dRow[j] += (a * Key[j]) - (bm * row[j]);
            }
        }

        dRaw[w] = dBeta * Sigmoid(BetaRaw);
        dRaw[w + 1] = dGate * Gate * (1 - Gate);
        var sd = (Shift[0] * dShift[0]) + (Shift[1] * dShift[1]) + (Shift[2] * dShift[2]);
        for (var k = 0; k < 3; k++)
        {
            dRaw[w + 2 + k] = Shift[k] * (dShift[k] - sd);
        }

        dRaw[w + 5] = dGamma * Sigmoid(GammaRaw);
    }

    /// <summary>σ(x), stable for large |x|.</summary>
    internal static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    private static double Softplus(double x) => x > 30 ? x : Math.Log(1 + Math.Exp(x));

    /// <summary>(1/W) Σ_j sign(k_j) sign(r_j), sign(0) = +1: 1 − 2·Hamming(sign k, sign r)/W.</summary>
    public static double BipolarSimilarity(ReadOnlySpan<double> key, ReadOnlySpan<double> row)
    {
        var agree = 0;
        for (var j = 0; j < key.Length; j++)
        {
            agree += (key[j] >= 0) == (row[j] >= 0) ? 1 : -1;
        }

        return agree / (double)key.Length;
    }
}
