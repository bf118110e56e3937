using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// Every kernel on every backend against the naive double-precision reference, on fresh random inputs, with outputs
/// poisoned (NaN) before each launch so unwritten elements show. Tolerance: relative norm error 1e-5 in single
/// precision, 1e-12 in double.
/// </summary>
public class KernelTests
{
    public static TheoryData<string> All => Backends.All;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Matrix_vector_products_match_the_reference_for_every_shape_noise_and_batch(string backend)
    {
        var acc = Backends.Open(backend);
        var seed = 0x1234_5678_9abc_def0UL;
        foreach (var (rows, cols, batches) in new[] { (1, 1, new[] { 1, 70 }), (37, 53, new[] { 1, 3, 20 }), (64, 64, new[] { 1, 20 }), (130, 17, new[] { 3, 70 }), (70, 129, new[] { 66 }) })
        {
            foreach (var batch in batches)
            {
                foreach (var (noise, clip) in new[] { (0.0, false), (0.1, false), (0.3, true) })
                {
                    var w = Reference.Random(rows * cols, rows + cols, 0, 1);
                    var x = Reference.Random(cols * batch, batch);
                    var expected = Reference.MatVec(w, x, rows, cols, batch, noise, clip, seed, 5, 0, 0);
                    foreach (var kernel in new[] { Kernels.MatVec, Kernels.MatMat })
                    {
                        var y = Run(acc, kernel, w, x, rows, cols, batch, noise, clip, seed, 5, 0, 0, transposed: false);
                        Assert.True(Reference.RelativeError(y, expected) < Backends.Tolerance(acc), $"{kernel} {rows}x{cols} batch {batch} noise {noise}: error {Reference.RelativeError(y, expected):e2}");
                    }

                    var xt = Reference.Random(rows * batch, batch + 1);
                    var expectedT = Reference.MatVecTransposed(w, xt, rows, cols, batch, noise, clip, seed, 6, 0, 0);
                    var yt = Run(acc, Kernels.MatVecTransposed, w, xt, rows, cols, batch, noise, clip, seed, 6, 0, 0, transposed: true);
                    Assert.True(Reference.RelativeError(yt, expectedT) < Backends.Tolerance(acc), $"matvec_t {rows}x{cols} batch {batch}: error {Reference.RelativeError(yt, expectedT):e2}");
                }
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Adc_quantized_products_agree_to_within_one_level(string backend)
    {
        var acc = Backends.Open(backend);
        const int rows = 40, cols = 50, batch = 4, bits = 6;
        const double range = 8;
        var lsb = 2 * range / ((1 << bits) - 1);
        var w = Reference.Random(rows * cols, 3, 0, 1);
        var x = Reference.Random(cols * batch, 4);
        var expected = Reference.MatVec(w, x, rows, cols, batch, 0, false, 0, 0, bits, range);
        var y = Run(acc, Kernels.MatVec, w, x, rows, cols, batch, 0, false, 0, 0, bits, range, transposed: false);
        var exact = 0;
        for (var k = 0; k < y.Length; k++)
        {
            // Float sums can land on the other side of a rounding boundary: at most one level apart, and rarely.
            Assert.True(Math.Abs(y[k] - expected[k]) <= lsb * 1.0001, $"output {k}: {y[k]} vs {expected[k]}");
            exact += Math.Abs(y[k] - expected[k]) < 1e-6 ? 1 : 0;
            var level = (y[k] + range) / lsb;
            Assert.True(Math.Abs(level - Math.Round(level)) < 1e-4, $"output {k} = {y[k]} is not an ADC level");
        }

        Assert.True(exact >= y.Length - 2, $"only {exact} of {y.Length} outputs on the reference level");
        var dac = Reference.Random(257, 9, -1.5, 1.5);
        using var buf = acc.Allocate(dac.Length);
        acc.Write(buf, dac);
        acc.Launch(Kernels.Quantize, new LaunchGrid(dac.Length), buf, dac.Length, 4, 1.0);
        var q = Read(acc, buf);
        Assert.True(Reference.RelativeError(q, [.. dac.Select(v => Reference.Quantize(v, 4, 1.0))]) < Backends.Tolerance(acc) * 10);
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Batched_vector_kernels_match_the_reference(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 1000, batch = 5;
        var a = Reference.Random(n * batch, 1);
        var b = Reference.Random(n * batch, 2);
        var coef = Reference.Random(batch, 3);
        using var ba = Upload(acc, a);
        using var bb = Upload(acc, b);
        using var bc = Upload(acc, coef);
        using var outb = Poisoned(acc, batch);
        acc.Launch(Kernels.BatchedDot, new LaunchGrid(256, batch, 256, 1), ba, bb, outb, n, batch);
        var dots = Enumerable.Range(0, batch).Select(q => Enumerable.Range(0, n).Sum(k => a[(q * n) + k] * b[(q * n) + k])).ToArray();
        Check(acc, Read(acc, outb), dots, "batched_dot");

        using var y = Upload(acc, b);
        acc.Launch(Kernels.BatchedAxpy, new LaunchGrid(n, batch), ba, y, bc, -1.0, n, batch);
        Check(acc, Read(acc, y), [.. b.Select((v, k) => v - (coef[k / n] * a[k]))], "batched_axpy");

        using var z = Upload(acc, b);
        acc.Launch(Kernels.BatchedXpay, new LaunchGrid(n, batch), ba, z, bc, n, batch);
        Check(acc, Read(acc, z), [.. b.Select((v, k) => a[k] + (coef[k / n] * v))], "batched_xpay");

        using var w = Poisoned(acc, n * batch);
        acc.Launch(Kernels.Axpby, new LaunchGrid(n * batch), ba, bb, w, 2.5, -0.5, n * batch);
        Check(acc, Read(acc, w), [.. a.Select((v, k) => (2.5 * v) - (0.5 * b[k]))], "axpby");

        using var copy = Poisoned(acc, n * batch);
        acc.Launch(Kernels.Copy, new LaunchGrid(n * batch), ba, copy, n * batch);
        Check(acc, Read(acc, copy), a, "copy");

        using var h = Poisoned(acc, n * batch);
        acc.Launch(Kernels.Hadamard, new LaunchGrid(n * batch), ba, bb, h, n * batch, n);
        Check(acc, Read(acc, h), [.. a.Select((v, k) => v * b[k % n])], "hadamard");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Sparse_matrix_vector_product_matches_the_dense_product(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 300;
        var r = new RandomStream(11);
        var rowPtr = new List<int> { 0 };
        var cols = new List<int>();
        var vals = new List<double>();
        var dense = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            foreach (var j in Enumerable.Range(0, n).Where(_ => r.NextDouble() < 0.03).Append(i).Distinct().Order())
            {
                var v = r.NextDouble() - 0.5;
                cols.Add(j);
                vals.Add(v);
                dense[(i * n) + j] = v;
            }

            rowPtr.Add(cols.Count);
        }

        var x = Reference.Random(n, 12);
        using var bp = acc.Allocate(rowPtr.Count, ElementKind.Int32);
        using var bi = acc.Allocate(cols.Count, ElementKind.Int32);
        acc.Write(bp, rowPtr.ToArray());
        acc.Write(bi, cols.ToArray());
        using var bv = Upload(acc, [.. vals]);
        using var bx = Upload(acc, x);
        using var by = Poisoned(acc, n);
        acc.Launch(Kernels.SpMVCsr, new LaunchGrid(n), bp, bi, bv, bx, by, n);
        Check(acc, Read(acc, by), Reference.MatVec(dense, x, n, n, 1, 0, false, 0, 0, 0, 0), "spmv_csr");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Hopfield_updates_match_the_reference_with_and_without_noise(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 70, batch = 6;
        const ulong seed = 99;
        var w = Reference.Random(n * n, 21);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                w[(i * n) + j] = w[(j * n) + i];
            }

            w[(i * n) + i] = 0;
        }

        var bias = Reference.Random(n, 22, -0.2, 0.2);
        foreach (var noise in new[] { 0.0, 0.7 })
        {
            var field = Reference.Random(n * batch, 23);
            var s0 = Reference.Spins(n * batch, 24);
            var expected = s0.Select((s, k) => Reference.Sign(field[k] + bias[k % n] + (noise == 0 ? 0 : noise * Philox.Gaussian((uint)(k % n), (uint)(k / n), 3, 0xFFFFFFFFu, seed)), s)).ToArray();
            using var bh = Upload(acc, field);
            using var bb = Upload(acc, bias);
            using var bs = Upload(acc, s0);
            acc.Launch(Kernels.SignUpdate, new LaunchGrid(n, batch), bh, bb, bs, n, batch, noise, (uint)seed, (uint)(seed >> 32), 3u);
            Assert.Equal(expected, Read(acc, bs));

            var sweep = (double[])s0.Clone();
            for (var b = 0; b < batch; b++)
            {
                for (var i = 0; i < n; i++)
                {
                    var h = bias[i] + Enumerable.Range(0, n).Sum(j => w[(i * n) + j] * sweep[(b * n) + j]);
                    h += noise == 0 ? 0 : noise * Philox.Gaussian((uint)i, (uint)b, 4, 0xFFFFFFFEu, seed);
                    sweep[(b * n) + i] = Reference.Sign(h, sweep[(b * n) + i]);
                }
            }

            using var bw = Upload(acc, w);
            using var bs2 = Upload(acc, s0);
            acc.Launch(Kernels.HopfieldAsyncSweep, new LaunchGrid(128 * batch, 1, 128, 1), bw, bb, bs2, n, batch, noise, (uint)seed, (uint)(seed >> 32), 4u);
            Assert.Equal(sweep, Read(acc, bs2));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Continuous_network_kernels_match_the_reference(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 90, batch = 3;
        var u = Reference.Random(n * batch, 31, -3, 3);
        var gain = Reference.Random(n, 32, 0.5, 4);
        var bias = Reference.Random(n, 33);
        var h = Reference.Random(n * batch, 34);
        var input = Reference.Random(n, 35);
        var tau = Reference.Random(n, 36, 0.1, 2);
        using var bu = Upload(acc, u);
        using var bg = Upload(acc, gain);
        using var bbias = Upload(acc, bias);
        using var bh = Upload(acc, h);
        using var bi = Upload(acc, input);
        using var bt = Upload(acc, tau);
        using var v = Poisoned(acc, n * batch);
        for (var kind = 0; kind < 2; kind++)
        {
            acc.Launch(Kernels.Activation, new LaunchGrid(n, batch), bu, v, bg, bbias, n, batch, kind);
            Check(acc, Read(acc, v), [.. u.Select((x, k) => kind == 0 ? Math.Tanh(gain[k % n] * x) : 1 / (1 + Math.Exp(-gain[k % n] * (x + bias[k % n]))))], $"activation kind {kind}");
            using var du = Poisoned(acc, n * batch);
            acc.Launch(Kernels.LeakyRate, new LaunchGrid(n, batch), bu, bh, bi, bt, du, n, batch, kind);
            Check(acc, Read(acc, du), [.. u.Select((x, k) => kind == 0 ? (-x / tau[k % n]) + h[k] + input[k % n] : (-x + h[k] + input[k % n]) / tau[k % n])], $"leaky_rate kind {kind}");
        }

        using var y = Upload(acc, h);
        using var dx = Poisoned(acc, n * batch);
        acc.Launch(Kernels.CtdRate, new LaunchGrid(n * batch), bu, y, dx, 0.3, 2.0, n * batch);
        Check(acc, Read(acc, dx), [.. u.Select((x, k) => (0.3 * x) - (h[k] / 2.0))], "ctd_rate");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Vteam_pulses_match_the_reference_and_the_closed_form(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 500, steps = 40;
        const double kOn = -10, kOff = 5e-4 * 1e3, aOn = 3, aOff = 1, dt = 1e-3;
        var x0 = Reference.Random(n, 41, 0.05, 0.95);
        var v = Reference.Random(n, 42, -0.6, 0.6);
        var von = Reference.Random(n, 43, -0.25, -0.15);
        var voff = Reference.Random(n, 44, 0.015, 0.025);
        foreach (var p in new[] { 0, 2 })
        {
            var expected = new double[n];
            for (var k = 0; k < n; k++)
            {
                var rate = v[k] > voff[k] ? kOff * Math.Pow((v[k] / voff[k]) - 1, aOff) : v[k] < von[k] ? kOn * Math.Pow((v[k] / von[k]) - 1, aOn) : 0;
                var x = x0[k];
                for (var s = 0; s < steps; s++)
                {
                    var f = p == 0 ? 1 : 1 - Math.Pow((2 * x) - 1, 2 * p);
                    x = Math.Min(Math.Max(x + (dt * rate * f), 0), 1);
                }

                expected[k] = x;

                // Rectangular window: constant rate, so Euler is exact: x0 + rate t, clipped.
                if (p == 0)
                {
                    Assert.Equal(Math.Min(Math.Max(x0[k] + (rate * dt * steps), 0), 1), x, 9);
                }
            }

            using var bx = Upload(acc, x0);
            using var bv = Upload(acc, v);
            using var bon = Upload(acc, von);
            using var boff = Upload(acc, voff);
            acc.Launch(Kernels.VteamPulse, new LaunchGrid(n), bx, bv, bon, boff, kOn, kOff, aOn, aOff, p, dt, steps, n);
            Check(acc, Read(acc, bx), expected, $"vteam_pulse p={p}");
        }
    }

    private static double[] Run(IAccelerator acc, string kernel, double[] w, double[] x, int rows, int cols, int batch, double noise, bool clip, ulong seed, uint step, int bits, double range, bool transposed)
    {
        using var bw = Upload(acc, w);
        using var bx = Upload(acc, x);
        using var by = Poisoned(acc, (transposed ? cols : rows) * batch);
        var grid = kernel switch
        {
            Kernels.MatVec => new LaunchGrid(rows * 64, batch, 64, 1),
            Kernels.MatMat => Kernels.MatMatGrid(rows, batch),
            _ => new LaunchGrid(cols, batch),
        };
        acc.Launch(kernel, grid, bw, bx, by, rows, cols, batch, noise, clip ? 1 : 0, (uint)seed, (uint)(seed >> 32), step, bits, range);
        return Read(acc, by);
    }

    private static DeviceBuffer Upload(IAccelerator acc, double[] data)
    {
        var b = acc.Allocate(data.Length);
        acc.Write(b, data);
        return b;
    }

    private static DeviceBuffer Poisoned(IAccelerator acc, int n) => Upload(acc, Enumerable.Repeat(double.NaN, n).ToArray());

    private static double[] Read(IAccelerator acc, DeviceBuffer b)
    {
        var r = new double[b.Length];
        acc.Read(b, r);
        return r;
    }

    private static void Check(IAccelerator acc, double[] actual, double[] expected, string what)
    {
        var e = Reference.RelativeError(actual, expected);
        Assert.True(e < Backends.Tolerance(acc), $"{what} on {acc.Device.Backend}/{acc.Precision}: relative error {e:e2}");
    }
}
