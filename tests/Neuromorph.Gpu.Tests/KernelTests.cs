using Neuromorph.Compute;
using Neuromorph.Dynamics;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Memcomputing;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// Every kernel on every configuration against the naive double-precision reference, on fresh random inputs, with
/// outputs poisoned (NaN) before each launch so unwritten elements show. Tolerance: relative norm error 1e-5 in single
/// precision, 1e-12 in double; ADC outputs within one level.
/// </summary>
public class KernelTests
{
    public static TheoryData<string> All => Backends.All;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Products_match_the_reference_for_every_shape_noise_and_batch(string backend)
    {
        var acc = Backends.Open(backend);
        var seed = 0x1234_5678_9abc_def0UL;
        // matvec runs a group reduction per output (costly on ILGPU's CPU accelerator): small outputs; matmat and the
        // transposed product take larger, ragged shapes (partial 64 x 64 tiles, columns not a multiple of 16)
        var cases = new (string Kernel, int Rows, int Cols, int Batch)[]
        {
            ("matvec", 1, 1, 1), ("matvec", 3, 70, 2), ("matvec", 5, 7, 1),
            ("matmat", 1, 1, 1), ("matmat", 5, 7, 3), ("matmat", 70, 129, 66),
            ("matvec_t", 1, 1, 1), ("matvec_t", 37, 53, 3), ("matvec_t", 70, 129, 66),
        };
        foreach (var (kernel, rows, cols, batch) in cases)
        {
            foreach (var (noise, clip) in new[] { (0.0, false), (0.1, false), (0.3, true) })
            {
                var w = Reference.Random(rows * cols, rows + cols + batch, 0, 1);
                var read = new ReadConditions(noise, clip, seed, 5, 0, 0);
                var transposed = kernel == "matvec_t";
                var x = Reference.Random((transposed ? rows : cols) * batch, batch);
                var expected = transposed
                    ? Reference.MatVecTransposed(w, x, rows, cols, batch, noise, clip, seed, 5, 0, 0)
                    : Reference.MatVec(w, x, rows, cols, batch, noise, clip, seed, 5, 0, 0);
                Check(acc, Product(acc, kernel, w, x, new ProductShape(rows, cols, batch), read), expected, $"{kernel} {rows}x{cols} batch {batch} noise {noise}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Adc_quantized_products_agree_to_within_one_level(string backend)
    {
        var acc = Backends.Open(backend);
        const int bits = 6;
        const double range = 8;
        var lsb = 2 * range / ((1 << bits) - 1);
        foreach (var (kernel, rows, cols, batch) in new[] { ("matvec", 4, 50, 2), ("matmat", 40, 50, 4), ("matvec_t", 40, 50, 4) })
        {
            var w = Reference.Random(rows * cols, 3, 0, 1);
            var transposed = kernel == "matvec_t";
            var x = Reference.Random((transposed ? rows : cols) * batch, 4);
            var reference = transposed
                ? Reference.MatVecTransposed(w, x, rows, cols, batch, 0, false, 0, 0, bits, range)
                : Reference.MatVec(w, x, rows, cols, batch, 0, false, 0, 0, bits, range);
            var y = Product(acc, kernel, w, x, new ProductShape(rows, cols, batch), new ReadConditions(0, false, 0, 0, bits, range));
            var exact = 0;
            for (var k = 0; k < y.Length; k++)
            {
                // float sums can land on the other side of a rounding boundary: at most one level apart, and rarely
                Assert.True(Math.Abs(y[k] - reference[k]) <= lsb * 1.0001, $"{kernel} output {k}: {y[k]} vs {reference[k]}");
                exact += Math.Abs(y[k] - reference[k]) < 1e-6 ? 1 : 0;
                var level = (y[k] + range) / lsb;
                Assert.True(Math.Abs(level - Math.Round(level)) < 1e-4, $"{kernel} output {k} = {y[k]} is not an ADC level");
            }

            Assert.True(exact >= y.Length - 2, $"{kernel}: only {exact} of {y.Length} outputs on the reference level");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Batched_vector_kernels_match_the_reference(string backend)
    {
        var acc = Backends.Open(backend);
        var k = acc.Kernels;
        const int n = 300, batch = 3;
        var a = Reference.Random(n * batch, 1);
        var b = Reference.Random(n * batch, 2);
        var coef = Reference.Random(batch, 3);
        using var ba = Upload(acc, a);
        using var bb = Upload(acc, b);
        using var bc = Upload(acc, coef);
        using var dots = Poisoned(acc, batch);
        k.BatchedDot(ba, bb, dots, n, batch);
        Check(acc, Read(acc, dots), [.. Enumerable.Range(0, batch).Select(q => Enumerable.Range(0, n).Sum(i => a[(q * n) + i] * b[(q * n) + i]))], "batched_dot");

        using var y = Upload(acc, b);
        k.BatchedAxpy(ba, y, bc, -1.0, n, batch);
        Check(acc, Read(acc, y), [.. b.Select((v, i) => v - (coef[i / n] * a[i]))], "batched_axpy");

        using var z = Upload(acc, b);
        k.BatchedXpay(ba, z, bc, n, batch);
        Check(acc, Read(acc, z), [.. b.Select((v, i) => a[i] + (coef[i / n] * v))], "batched_xpay");

        using var w = Poisoned(acc, n * batch);
        k.Axpby(ba, bb, w, 2.5, -0.5, n * batch);
        Check(acc, Read(acc, w), [.. a.Select((v, i) => (2.5 * v) - (0.5 * b[i]))], "axpby");

        using var h = Poisoned(acc, n * batch);
        k.Hadamard(ba, bb, h, n * batch, n);
        Check(acc, Read(acc, h), [.. a.Select((v, i) => v * b[i % n])], "hadamard (periodic)");
        k.Hadamard(ba, bb, h, n * batch, n * batch);
        Check(acc, Read(acc, h), [.. a.Select((v, i) => v * b[i])], "hadamard");

        using var dx = Poisoned(acc, n * batch);
        acc.KernelSet<CtdKernels>().CtdRate(ba, bb, dx, 3.0, 0.25, n * batch);
        Check(acc, Read(acc, dx), [.. a.Select((v, i) => (3.0 * v) - (b[i] / 0.25))], "ctd_rate");
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Group_sums_give_the_same_bits_on_every_launch(string backend)
    {
        // terms whose sum depends on the order they are added in (large values cancelling around small ones): an
        // unordered reduction (ILGPU's atomic group sum on its CPU accelerator) returns different last bits per launch
        var acc = Backends.Open(backend);
        const int n = 1000, batch = 4;
        var r = new Random(5);
        var a = Enumerable.Range(0, n * batch).Select(i => (i % 7 == 0 ? 1e15 : 1.0) * ((r.NextDouble() * 2) - 1)).ToArray();
        var ones = Enumerable.Repeat(1.0, n * batch).ToArray();
        using var ba = Upload(acc, a);
        using var bo = Upload(acc, ones);
        using var dots = Poisoned(acc, batch);
        acc.Kernels.BatchedDot(ba, bo, dots, n, batch);
        var first = Read(acc, dots);
        for (var launch = 1; launch < 20; launch++)
        {
            acc.Kernels.BatchedDot(ba, bo, dots, n, batch);
            var now = Read(acc, dots);
            Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), now.Select(BitConverter.DoubleToInt64Bits));
        }

        var scale = a.Max(Math.Abs) * n;
        for (var q = 0; q < batch; q++)
        {
            var exact = a.Skip(q * n).Take(n).Select(v => (decimal)v).Sum();
            Assert.True(Math.Abs(first[q] - (double)exact) <= (acc.Precision == Precision.Single ? 1e-6 : 1e-15) * scale, $"sum {q}: {first[q]} vs {exact}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Hopfield_sweeps_match_the_reference_with_and_without_noise(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 10, batch = 3; // one group reduction per neuron: small on ILGPU's CPU accelerator
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
            var s0 = Reference.Spins(n * batch, 24);
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
            using var bb = Upload(acc, bias);
            using var bs = Upload(acc, s0);
            acc.KernelSet<HopfieldKernels>().HopfieldSweep(bw, bb, bs, n, batch, new FieldNoise(noise, seed, 4));
            Assert.Equal(sweep, Read(acc, bs));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Memory_ising_steps_match_the_cpu_batch(string backend)
    {
        var acc = Backends.Open(backend);
        // 12 spins with ±1 couplings and integer fields on some spins, so the machine carries the auxiliary spin
        var pairs = new List<(int I, int J, double K)>();
        var rng = new RandomStream(31);
        for (var i = 0; i < 12; i++)
        {
            for (var j = i + 1; j < 12; j++)
            {
                if (rng.NextDouble() < 0.4)
                {
                    pairs.Add((i, j, rng.NextDouble() < 0.5 ? -1 : 1));
                }
            }
        }

        var fields = Enumerable.Range(0, 12).Select(i => i % 3 == 0 ? (double)((i % 2) * 2 - 1) : 0).ToArray();
        var model = IsingModel.FromPairs(12, pairs, fields, 1.5);
        var parameters = new MemoryIsingParameters { InitialAmplitude = 1 };
        const int slots = 3, steps = 8;
        var host = new MemoryIsingBatch(model, parameters, slots);
        for (var k = 0; k < slots; k++)
        {
            host.Initialise(k, 40 + (ulong)k);
        }

        var n = host.Size;
        var ext = host.Extended;
        var width = MemoryIsingStep.StateWidth;
        var state = new double[slots * width];
        for (var k = 0; k < slots; k++)
        {
            (state[k * width], state[(k * width) + 1], state[(k * width) + 2], state[(k * width) + 3]) = (host.Energy[k], host.BestEnergy[k], host.Target[k], host.Energy[k]);
        }

        using var rowStart = Upload(acc, [.. ext.RowStart.Select(v => (double)v)]);
        using var neighbour = Upload(acc, [.. ext.Neighbour.Select(v => (double)v)]);
        using var omega = Upload(acc, [.. ext.Coupling.Select(c => -c / host.Scale)]);
        using var coupling = Upload(acc, ext.Coupling);
        using var x = Upload(acc, host.X);
        using var e = Upload(acc, host.E);
        using var next = Poisoned(acc, slots * n);
        using var slotState = Upload(acc, state);
        using var kept = Upload(acc, [.. host.Spins.Select(v => (double)v)]);
        var step = MemoryIsingStep.Of(parameters, host.Scale, ext.Offset);

        // the reference: the CPU batch, keeping each slot's signs as MemoryIsingSolver does
        var keptEnergy = host.Energy.ToArray();
        var keptSigns = host.Spins.Select(v => (double)v).ToArray();
        for (var s = 0; s < steps; s++)
        {
            acc.KernelSet<MemoryIsingKernels>().Step(rowStart, neighbour, omega, coupling, x, e, next, slotState, kept, n, slots, step);
            for (var k = 0; k < slots; k++)
            {
                var energy = host.Advance(k);
                if (energy < keptEnergy[k] - 1e-12)
                {
                    keptEnergy[k] = energy;
                    for (var i = 0; i < n; i++)
                    {
                        keptSigns[(k * n) + i] = host.Spins[(k * n) + i];
                    }
                }
            }
        }

        Check(acc, Read(acc, x), host.X, "memory-ising amplitudes");
        Check(acc, Read(acc, e), host.E, "memory-ising memories");
        var device = Read(acc, slotState);
        var expected = Enumerable.Range(0, slots).SelectMany(k => new[] { host.Energy[k], host.BestEnergy[k], host.Target[k], keptEnergy[k] }).ToArray();
        Check(acc, [.. Enumerable.Range(0, slots).SelectMany(k => device.Skip(k * width).Take(4))], expected, "memory-ising energies and targets");
        if (acc.Precision == Precision.Double)
        {
            Assert.Equal(keptSigns, Read(acc, kept));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Dmm_rates_and_steps_match_the_cpu_batch(string backend)
    {
        var acc = Backends.Open(backend);
        // 10 spins, ±1 couplings and fields on some spins: two-literal clauses from the couplings, unit clauses from the fields
        var pairs = new List<(int I, int J, double K)>();
        var rng = new RandomStream(77);
        for (var i = 0; i < 10; i++)
        {
            for (var j = i + 1; j < 10; j++)
            {
                if (rng.NextDouble() < 0.45)
                {
                    pairs.Add((i, j, rng.NextDouble() < 0.5 ? -1 : 1));
                }
            }
        }

        var model = IsingModel.FromPairs(10, pairs, [.. Enumerable.Range(0, 10).Select(i => i % 4 == 1 ? 1.0 : i % 4 == 3 ? -2.0 : 0)], 0);
        var encoding = IsingClauses.From(model);
        var f = encoding.Formula;
        var parameters = new DmmSolver().SpinParameters;
        const int slots = 3, steps = 6;
        var host = new DmmBatch(f, parameters, slots);
        for (var k = 0; k < slots; k++)
        {
            host.Initialise(k, 90 + (ulong)k);
        }

        int n = f.Variables, m = f.ClauseCount, width = DmmStep.StateWidth;
        var state = new double[slots * width];
        for (var k = 0; k < slots; k++)
        {
            state[(k * width) + 1] = double.PositiveInfinity;
        }

        using var formula = DmmFormulaBuffers.Upload(acc, f);
        using var v = Upload(acc, host.V);
        using var xs = Upload(acc, host.Xs);
        using var xl = Upload(acc, host.Xl);
        using var dv = Poisoned(acc, slots * n);
        using var clause = Poisoned(acc, slots * m);
        using var arg = Poisoned(acc, slots * m);
        using var second = Poisoned(acc, slots * m);
        using var slotState = Upload(acc, state);
        using var kept = Poisoned(acc, slots * n);
        var step = DmmStep.Of(parameters, host.LongMemoryMax, encoding.Energy(0), 2);
        var best = Enumerable.Repeat(double.PositiveInfinity, slots).ToArray();
        var keptSigns = new double[slots * n];
        var energies = new double[slots];
        for (var s = 0; s < steps; s++)
        {
            acc.KernelSet<DmmKernels>().Rates(formula, v, xs, xl, dv, clause, arg, second, slotState, kept, n, m, slots, step);
            acc.KernelSet<DmmKernels>().Advance(formula, v, xs, xl, dv, clause, slotState, n, m, slots, step);
            for (var k = 0; k < slots; k++)
            {
                energies[k] = encoding.Energy(host.Rates(k));
                if (energies[k] < best[k] - 1e-12)
                {
                    best[k] = energies[k];
                    for (var i = 0; i < n; i++)
                    {
                        keptSigns[(k * n) + i] = host.V[(k * n) + i] >= 0 ? 1 : -1;
                    }
                }

                host.Advance(k);
            }
        }

        Check(acc, Read(acc, v), host.V, "dmm voltages");
        Check(acc, Read(acc, xs), host.Xs, "dmm short-term memories");
        Check(acc, Read(acc, xl), host.Xl, "dmm long-term memories");
        Check(acc, Read(acc, dv), host.Dv, "dmm rates");
        var device = Read(acc, slotState);
        Check(acc, [.. Enumerable.Range(0, slots).SelectMany(k => new[] { device[k * width], device[(k * width) + 1], device[(k * width) + 5] })],
            [.. Enumerable.Range(0, slots).SelectMany(k => new[] { energies[k], best[k], host.Time[k] })], "dmm energies and model times");
        if (acc.Precision == Precision.Double)
        {
            Assert.Equal(keptSigns, Read(acc, kept));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Kernels_refuse_foreign_dead_and_short_buffers(string backend)
    {
        var acc = Backends.Open(backend);
        using var other = Kernels.Backends.AcceleratorCatalog.CreateCpu();
        using var a = acc.Allocate(10);
        using var foreign = other.Allocate(10);
        Assert.Throws<ArgumentException>(() => acc.Kernels.Axpby(a, foreign, a, 1, 1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.Kernels.Axpby(a, a, a, 1, 1, 11));
        var dead = acc.Allocate(10);
        dead.Dispose();
        Assert.Throws<ObjectDisposedException>(() => acc.Kernels.Axpby(a, dead, a, 1, 1, 10));
        Assert.Throws<ArgumentException>(() => acc.Kernels.MatVec(a, a, a, new ProductShape(2, 2, 1), default));
    }

    internal static RealBuffer Upload(IAccelerator acc, double[] data)
    {
        var b = acc.Allocate(data.Length);
        acc.Write(b, data);
        return b;
    }

    internal static RealBuffer Poisoned(IAccelerator acc, int n) => Upload(acc, Enumerable.Repeat(double.NaN, n).ToArray());

    internal static double[] Read(IAccelerator acc, RealBuffer b)
    {
        var r = new double[b.Length];
        acc.Read(b, r);
        return r;
    }

    internal static void Check(IAccelerator acc, double[] actual, double[] expected, string what)
    {
        var e = Reference.RelativeError(actual, expected);
        Assert.True(e < Backends.Tolerance(acc), $"{what} on {acc.Device.Backend}/{acc.Precision}: relative error {e:e2}");
    }

    private static double[] Product(IAccelerator acc, string kernel, double[] w, double[] x, ProductShape shape, ReadConditions read)
    {
        using var bw = Upload(acc, w);
        using var bx = Upload(acc, x);
        using var by = Poisoned(acc, (kernel == "matvec_t" ? shape.Columns : shape.Rows) * shape.Count);
        switch (kernel)
        {
            case "matvec": acc.Kernels.MatVec(bw, bx, by, shape, read); break;
            case "matmat": acc.Kernels.MatMat(bw, bx, by, shape, read); break;
            default: acc.Kernels.MatVecTransposed(bw, bx, by, shape, read); break;
        }

        return Read(acc, by);
    }
}
