using Neuromorph.Networks;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Numerics;

public class CpuGemmTests
{
    [Trait("Category", "slow")]
    [Theory]
    [InlineData(false, false, 1, 1, 1)]
    [InlineData(false, false, 7, 13, 5)]
    [InlineData(true, false, 33, 17, 300)]
    [InlineData(false, true, 100, 37, 260)]
    [InlineData(true, true, 61, 129, 19)]
    [InlineData(false, true, 32, 512, 128)]
    [InlineData(true, false, 512, 128, 700)]
    public void Product_matches_the_triple_loop_for_every_transpose_and_ragged_sizes(bool ta, bool tb, int m, int n, int k)
    {
        var rng = new RandomStream(3);
        var lda = (ta ? m : k) + 3;
        var ldb = (tb ? k : n) + 1;
        var ldc = n + 2;
        var a = Random(rng, (ta ? k : m) * lda);
        var b = Random(rng, (tb ? n : k) * ldb);
        var c0 = Random(rng, m * ldc);
        foreach (var (alpha, beta) in new[] { (1.0, 0.0), (0.5, 1.0), (-2.0, 0.25) })
        {
            var c = (double[])c0.Clone();
            new CpuGemm().Multiply(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var s = 0.0;
                    for (var p = 0; p < k; p++)
                    {
                        s += (ta ? a[(p * lda) + i] : a[(i * lda) + p]) * (tb ? b[(j * ldb) + p] : b[(p * ldb) + j]);
                    }

                    var expected = (alpha * s) + (beta * c0[(i * ldc) + j]);
                    Assert.True(Math.Abs(c[(i * ldc) + j] - expected) <= 1e-13 * (1 + Math.Abs(expected)) * Math.Sqrt(k), $"C[{i},{j}] = {c[(i * ldc) + j]}, expected {expected}");
                }

                for (var j = n; j < ldc; j++)
                {
                    Assert.Equal(c0[(i * ldc) + j], c[(i * ldc) + j]); // padding untouched
                }
            }
        }
    }

    [Fact]
    public void Results_are_identical_whatever_the_thread_count_and_beta_zero_ignores_nan()
    {
        var rng = new RandomStream(5);
        const int m = 200, n = 300, k = 520;
        var a = Random(rng, m * k);
        var b = Random(rng, k * n);
        var one = Enumerable.Repeat(double.NaN, m * n).ToArray();
        var many = Enumerable.Repeat(double.NaN, m * n).ToArray();
        new CpuGemm(1).Multiply(false, false, m, n, k, 1, a, k, b, n, 0, one, n);
        new CpuGemm(7).Multiply(false, false, m, n, k, 1, a, k, b, n, 0, many, n);
        Assert.Equal(one, many);
        Assert.DoesNotContain(one, double.IsNaN);
    }

    private static double[] Random(RandomStream rng, int n)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = (2 * rng.NextDouble()) - 1;
        }

        return x;
    }
}
