using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// Naive double-precision implementations of the kernel contracts, written from the contracts of the kernel sets and
/// independent of the managed kernels and of Numerics.DataConverter: the reference every backend (the CPU one included) is checked against.
/// </summary>
internal static class Reference
{
    public static double Quantize(double x, int bits, double range)
    {
        if (bits <= 0 || range <= 0)
        {
            return x;
        }

        var levels = Math.Pow(2, bits) - 1;
        var lsb = 2 * range / levels;
        var c = Math.Min(Math.Max(x, -range), range);
        return -range + (Math.Round((c + range) / lsb, MidpointRounding.ToEven) * lsb);
    }

    public static double NoisyWeight(double w, int i, int j, int b, double noise, bool clip, ulong seed, uint step)
    {
        if (noise == 0)
        {
            return w;
        }

        var g = w * (1 + (noise * Philox.Gaussian((uint)j, (uint)i, (uint)b, step, seed)));
        return clip && g < 0 ? 0 : g;
    }

    public static double[] MatVec(double[] w, double[] x, int rows, int cols, int batch, double noise, bool clip, ulong seed, uint step, int bits, double range)
    {
        var y = new double[rows * batch];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < rows; i++)
            {
                double acc = 0;
                for (var j = 0; j < cols; j++)
                {
                    acc += NoisyWeight(w[(i * cols) + j], i, j, b, noise, clip, seed, step) * x[(b * cols) + j];
                }

                y[(b * rows) + i] = Quantize(acc, bits, range);
            }
        }

        return y;
    }

    public static double[] MatVecTransposed(double[] w, double[] x, int rows, int cols, int batch, double noise, bool clip, ulong seed, uint step, int bits, double range)
    {
        var y = new double[cols * batch];
        for (var b = 0; b < batch; b++)
        {
            for (var j = 0; j < cols; j++)
            {
                double acc = 0;
                for (var i = 0; i < rows; i++)
                {
                    acc += NoisyWeight(w[(i * cols) + j], i, j, b, noise, clip, seed, step) * x[(b * rows) + i];
                }

                y[(b * cols) + j] = Quantize(acc, bits, range);
            }
        }

        return y;
    }

    public static double Sign(double h, double previous) => h > 0 ? 1 : h < 0 ? -1 : previous;

    public static double[] Random(int n, int seed, double lo = -1, double hi = 1)
    {
        var r = new System.Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => lo + ((hi - lo) * r.NextDouble()))];
    }

    public static double[] Spins(int n, int seed)
    {
        var r = new System.Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => r.Next(2) == 0 ? -1.0 : 1.0)];
    }

    /// <summary>||a - b|| / ||b|| (or ||a - b|| when b is zero).</summary>
    public static double RelativeError(double[] a, double[] b)
    {
        Assert.Equal(b.Length, a.Length);
        double num = 0, den = 0;
        for (var i = 0; i < a.Length; i++)
        {
            Assert.False(double.IsNaN(a[i]), $"element {i} was not written (still NaN)");
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }

        return den == 0 ? Math.Sqrt(num) : Math.Sqrt(num / den);
    }
}
