using MathNet.Numerics.LinearAlgebra;

namespace Neuromorph.Networks;

/// <summary>Learning rules that turn bipolar (+1/-1) patterns into Hopfield and BAM weights.</summary>
public static class LearningRules
{
    /// <summary>Hebb: W = (1/N) sum_mu xi xi^T with zero diagonal.</summary>
    public static DenseWeights Hebbian(IReadOnlyList<double[]> patterns)
    {
        var n = Size(patterns);
        var w = new DenseWeights(n, n);
        foreach (var p in patterns)
        {
            for (var i = 0; i < n; i++)
            {
                var row = w.Row(i);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd<double>(p, p[i] / n, row, row);
            }
        }

        for (var i = 0; i < n; i++)
        {
            w[i, i] = 0;
        }

        return w;
    }

    /// <summary>
    /// Pseudo-inverse (projection) rule (Personnaz et al. 1985): W = X (X^T X)^-1 X^T with X the N x P pattern matrix,
    /// the orthogonal projector on the pattern span, so every linearly independent pattern is a fixed point.
    /// Diagonal kept (zeroing it breaks the exact projection).
    /// </summary>
    public static DenseWeights PseudoInverse(IReadOnlyList<double[]> patterns)
    {
        var n = Size(patterns);
        var x = Matrix<double>.Build.Dense(n, patterns.Count, (i, mu) => patterns[mu][i]);
        var w = x * x.PseudoInverse();
        var d = new DenseWeights(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                d[i, j] = w[i, j];
            }
        }

        return d;
    }

    /// <summary>
    /// Storkey (1997) incremental rule: w_ij += (1/N)(xi_i xi_j - xi_i h_ji - h_ij xi_j),
    /// h_ij = sum_{k != i, j} w_ik xi_k; zero diagonal. Higher capacity than Hebb for correlated patterns; local and incremental.
    /// </summary>
    public static DenseWeights Storkey(IReadOnlyList<double[]> patterns)
    {
        var n = Size(patterns);
        var w = new DenseWeights(n, n);
        var h = new double[n];
        foreach (var p in patterns)
        {
            for (var i = 0; i < n; i++)
            {
                h[i] = System.Numerics.Tensors.TensorPrimitives.Dot<double>(w.Row(i), p) - (w[i, i] * p[i]);
            }

            // h_ij = h_i - w_ij xi_j (excludes k = j); update uses the weights before this pattern.
            var old = new DenseWeights(n, n);
            for (var i = 0; i < n; i++)
            {
                w.Row(i).CopyTo(old.Row(i));
            }

            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    if (i == j)
                    {
                        continue;
                    }

                    var hij = h[i] - (old[i, j] * p[j]);
                    var hji = h[j] - (old[j, i] * p[i]);
                    w[i, j] += ((p[i] * p[j]) - (p[i] * hji) - (hij * p[j])) / n;
                }
            }
        }

        return w;
    }

    /// <summary>BAM correlation encoding (Kosko 1988): M = sum_k x_k^T y_k, an n x p matrix for pairs (x_k in R^n, y_k in R^p).</summary>
    public static DenseWeights BamCorrelation(IReadOnlyList<(double[] X, double[] Y)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("at least one pair is needed", nameof(pairs));
        }

        var m = new DenseWeights(pairs[0].X.Length, pairs[0].Y.Length);
        foreach (var (x, y) in pairs)
        {
            for (var i = 0; i < x.Length; i++)
            {
                var row = m.Row(i);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd<double>(y, x[i], row, row);
            }
        }

        return m;
    }

    private static int Size(IReadOnlyList<double[]> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        if (patterns.Count == 0)
        {
            throw new ArgumentException("at least one pattern is needed", nameof(patterns));
        }

        return patterns[0].Length;
    }
}
