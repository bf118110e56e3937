using System.Diagnostics;
using System.Globalization;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Kernels.Backends;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization;

namespace Neuromorph.Benchmarks.Compute;

/// <summary>
/// <c>compute-bench BACKEND N[,N..] B[,B..] [single|double] [HOPFIELD_N[,..] [SWEEPS]]</c>: on one accelerator, the measured device copy bandwidth
/// (device-to-device copy of a large buffer: the peak the kernels are compared against), then for each size N and
/// batch B the batched product y = W x (matvec below 32 vectors, register-blocked matmat from 32) as time, achieved
/// bandwidth, GFLOP/s and fraction of the copy bandwidth, and the batched Hopfield machine (HOPFIELD_N spins, default
/// the sizes up to 4096; B restarts; SWEEPS noisy sweeps, default 20, then the quench) in restarts and spin updates per second. Wall-clock timing after synchronisation, median of several runs. CSV on stdout.
/// </summary>
public static class ComputeBench
{
    /// <summary>Runs the benchmark.</summary>
    public static void Run(string backend, int[] sizes, int[] batches, string? precision, int[]? hopfieldSizes = null, int sweeps = 20)
    {
        var p = precision switch { "double" => Precision.Double, "single" => Precision.Single, _ => (Precision?)null };
        using var acc = AcceleratorCatalog.Open(backend, p, out var choice);
        Console.Error.WriteLine($"# {choice}, {acc.Precision} precision; {acc.Device}");
        var bytes = acc.Precision == Precision.Double ? 8.0 : 4.0;
        var copyGBs = CopyBandwidth(acc, bytes);
        Console.WriteLine("op,n,batch,ms,GB_s,GFLOP_s,fraction_of_copy,rate");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copy,0,1,0,{copyGBs:G4},0,1,"));
        foreach (var n in sizes)
        {
            if ((long)n * n * bytes > acc.Device.GlobalMemoryBytes * 0.6 || (long)n * n > int.MaxValue)
            {
                Console.Error.WriteLine($"# skip N = {n}: the matrix does not fit");
                continue;
            }

            var rng = new RandomStream(1);
            var w = new double[n * n];
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = rng.NextDouble() - 0.5;
            }

            using var weights = new DeviceWeights(acc, w, n, n);
            foreach (var batch in batches)
            {
                using var x = acc.Allocate(n * batch);
                using var y = acc.Allocate(n * batch);
                acc.Write(x, Enumerable.Range(0, n * batch).Select(k => (k % 3) - 1.0).ToArray());
                var reps = acc.Device.Backend == BackendKind.IlgpuCpu ? 1 : Math.Max(3, (int)Math.Min(50, 2e10 / ((double)n * n * batch))); // the emulator: a dry run
                var ms = Time(acc, () => weights.Multiply(x, y, batch), reps);
                var traffic = ((double)n * n * bytes) + (2.0 * n * batch * bytes);
                var gbs = traffic / (ms * 1e6);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"product,{n},{batch},{ms:G4},{gbs:G4},{2.0 * n * n * batch / (ms * 1e6):G4},{gbs / copyGBs:G3},"));
            }

        }

        foreach (var n in hopfieldSizes ?? [.. sizes.Where(s => s <= 4096)])
        {
            foreach (var restarts in batches)
            {
                var model = RandomIsing(n, Math.Min(1.0, 16.0 / n), 7);
                var clock = Stopwatch.StartNew();
                new DeviceHopfieldMachine(acc).Solve(model, new SolverOptions { Restarts = restarts, Sweeps = sweeps, Seed = 1, TracePoints = 2 });
                var s = clock.Elapsed.TotalSeconds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hopfield_restarts,{n},{restarts},{s * 1e3:G4},0,0,0,{restarts / s:G4} restarts/s ({sweeps} sweeps + quench; {(double)restarts * sweeps * n / s:G4} spin updates/s)"));
            }
        }
    }

    /// <summary>Device-to-device copy bandwidth in GB/s (read + write), the reference for memory-bound kernels.</summary>
    private static double CopyBandwidth(IAccelerator acc, double bytes)
    {
        var n = (int)Math.Min(64L << 20, acc.Device.GlobalMemoryBytes / 16 / (long)bytes);
        if (acc is IlgpuAccelerator<float, Neuromorph.Kernels.Fp32> f)
        {
            return DeviceCopy(f.Native, n, 4, acc);
        }

        if (acc is IlgpuAccelerator<double, Neuromorph.Kernels.Fp64> d)
        {
            return DeviceCopy(d.Native, n / 2, 8, acc);
        }

        var a = new double[n / 2];
        var b = new double[n / 2];
        var ms = Time(acc, () => a.AsSpan().CopyTo(b), 5);
        return 2.0 * a.Length * 8 / (ms * 1e6);
    }

    private static double DeviceCopy(Accelerator native, int n, int size, IAccelerator acc)
    {
        using var a = native.Allocate1D<byte>((long)n * size);
        using var b = native.Allocate1D<byte>((long)n * size);
        var ms = Time(acc, () => a.View.CopyTo(b.View), 5);
        return 2.0 * n * size / (ms * 1e6);
    }

    private static IsingModel RandomIsing(int n, double density, int seed)
    {
        var r = new RandomStream((ulong)seed);
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (r.NextDouble() < density)
                {
                    pairs.Add((i, j, r.NextDouble() < 0.5 ? 1.0 : -1.0));
                }
            }
        }

        return IsingModel.FromPairs(n, pairs, new double[n], 0);
    }

    /// <summary>Median milliseconds of <paramref name="reps"/> runs after one warm-up, each ending in a synchronisation.</summary>
    internal static double Time(IAccelerator acc, Action work, int reps)
    {
        work();
        acc.Synchronize();
        var times = new List<double>();
        for (var r = 0; r < reps; r++)
        {
            var sw = Stopwatch.StartNew();
            work();
            acc.Synchronize();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
