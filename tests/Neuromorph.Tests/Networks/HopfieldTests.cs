using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks;

public class HopfieldTests
{
    private static List<double[]> Patterns(int p, int n, int seed)
    {
        var rng = new RandomStream(seed);
        return Enumerable.Range(0, p).Select(_ => Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray()).ToList();
    }

    [Fact]
    public void Asynchronous_updates_never_raise_the_energy()
    {
        // Random symmetric weights with zero diagonal and random thresholds: Hopfield's 1982 Lyapunov argument.
        var rng = new RandomStream(3);
        const int n = 60;
        var w = new DenseWeights(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                w[i, j] = w[j, i] = rng.NextDouble() - 0.5;
            }
        }

        var net = new HopfieldNetwork(w, Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray());
        var fr = new RandomStream(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var s = Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray();
            var e = net.RunAsynchronous(s, 100, fr);
            for (var k = 1; k < e.Count; k++)
            {
                Assert.True(e[k] <= e[k - 1] + 1e-12, $"energy rose from {e[k - 1]} to {e[k]}");
            }

            // Converged: every neuron agrees with its input.
            Assert.Equal(e[^1], e[^2], 12);
        }
    }

    /// <summary>
    /// Amit–Gutfreund–Sompolinsky (1987): with Hebbian weights the retrieval state near a stored pattern has
    /// a bit-error fraction (1 - m)/2 that stays below ~1.5 % up to alpha_c = 0.138 (m = 0.967 at alpha_c; at
    /// alpha = 0.05 the theory gives (1-m)/2 below 1e-4, at 0.10 about 0.4 %) and collapses above alpha_c
    /// (no retrieval solution; m drops to the spin-glass overlap, errors of tens of percent at alpha = 0.25).
    /// N = 500 finite-size effects blur the edge, so the high-load check uses alpha = 0.25.
    /// </summary>
    [Theory]
    [InlineData(0.05, 0.0, 0.005)]
    [InlineData(0.10, 0.0, 0.015)]
    [InlineData(0.25, 0.10, 0.5)]
    public void Hebbian_retrieval_errors_follow_the_AGS_curve(double alpha, double minError, double maxError)
    {
        const int n = 500;
        var p = (int)Math.Round(alpha * n);
        var patterns = Patterns(p, n, 11);
        var net = new HopfieldNetwork(LearningRules.Hebbian(patterns));
        var fr = new RandomStream(5);
        var errors = 0.0;
        const int probes = 8;
        for (var mu = 0; mu < probes; mu++)
        {
            var s = (double[])patterns[mu].Clone();
            net.RunAsynchronous(s, 50, fr);
            errors += s.Zip(patterns[mu]).Count(t => t.First != t.Second) / (double)n;
        }

        errors /= probes;
        Assert.InRange(errors, minError, maxError);
    }

    [Fact]
    public void Pseudo_inverse_stores_patterns_beyond_the_Hebbian_capacity()
    {
        const int n = 100;
        var patterns = Patterns(40, n, 2); // alpha = 0.4, far above 0.138
        var net = new HopfieldNetwork(LearningRules.PseudoInverse(patterns));
        var fr = new RandomStream(1);
        foreach (var xi in patterns)
        {
            var s = (double[])xi.Clone();
            net.RunAsynchronous(s, 10, fr);
            Assert.Equal(xi, s);
        }
    }

    [Fact]
    public void Storkey_equals_Hebb_for_one_pattern_and_retrieves_better_at_high_load()
    {
        var one = Patterns(1, 30, 4);
        var h = LearningRules.Hebbian(one);
        var st = LearningRules.Storkey(one);
        for (var i = 0; i < 30; i++)
        {
            for (var j = 0; j < 30; j++)
            {
                Assert.Equal(h[i, j], st[i, j], 12);
            }
        }

        const int n = 200;
        var patterns = Patterns(36, n, 9); // alpha = 0.18: Hebb is above capacity
        double Errors(DenseWeights w)
        {
            var net = new HopfieldNetwork(w);
            var fr = new RandomStream(3);
            var e = 0.0;
            foreach (var xi in patterns.Take(10))
            {
                var s = (double[])xi.Clone();
                net.RunAsynchronous(s, 50, fr);
                e += s.Zip(xi).Count(t => t.First != t.Second);
            }

            return e / (10.0 * n);
        }

        Assert.True(Errors(LearningRules.Storkey(patterns)) < Errors(LearningRules.Hebbian(patterns)));
    }

    [Fact]
    public void Synchronous_batch_reaches_fixed_points_or_two_cycles_and_matches_single_runs()
    {
        const int n = 80;
        var patterns = Patterns(4, n, 21);
        var net = new HopfieldNetwork(LearningRules.Hebbian(patterns));
        var rng = new RandomStream(8);
        var batch = new double[n * 4];
        for (var b = 0; b < 4; b++)
        {
            for (var i = 0; i < n; i++)
            {
                batch[(b * n) + i] = rng.NextDouble() < 0.1 ? -patterns[b][i] : patterns[b][i];
            }
        }

        var single = batch.AsSpan(n, n).ToArray();
        net.RunSynchronous(batch, 4, 30);
        net.RunSynchronous(single, 1, 30);
        Assert.Equal(single, batch.AsSpan(n, n).ToArray());
        for (var b = 0; b < 4; b++)
        {
            Assert.Equal(patterns[b], batch.AsSpan(b * n, n).ToArray()); // 10 % noise at alpha = 0.05 is corrected
        }
    }

    [Fact]
    public void Dense_products_match_naive_sums()
    {
        var rng = new RandomStream(1);
        var w = new DenseWeights(7, 5);
        for (var i = 0; i < 7; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                w[i, j] = rng.NextDouble();
            }
        }

        var x = Enumerable.Range(0, 10).Select(_ => rng.NextDouble()).ToArray();
        var y = new double[14];
        w.Multiply(x, y, 2);
        var xt = Enumerable.Range(0, 14).Select(_ => rng.NextDouble()).ToArray();
        var yt = new double[10];
        w.MultiplyTransposed(xt, yt, 2);
        for (var b = 0; b < 2; b++)
        {
            for (var i = 0; i < 7; i++)
            {
                Assert.Equal(Enumerable.Range(0, 5).Sum(j => w[i, j] * x[(b * 5) + j]), y[(b * 7) + i], 12);
            }

            for (var j = 0; j < 5; j++)
            {
                Assert.Equal(Enumerable.Range(0, 7).Sum(i => w[i, j] * xt[(b * 7) + i]), yt[(b * 5) + j], 12);
            }
        }
    }
}
