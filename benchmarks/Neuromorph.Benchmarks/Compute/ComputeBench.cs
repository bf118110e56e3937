using System.Diagnostics;
using System.Globalization;
using Neuromorph.Compute;
using Neuromorph.Gpu;
using Neuromorph.Gpu.Cuda;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Compute;

/// <summary>
/// <c>compute-bench BACKEND N[,N..] B[,B..]</c>: on one accelerator, the device copy bandwidth (the measured peak the
/// kernels are compared against), then for each size N and batch B the batched product y = W x (matvec below 32,
/// register-blocked matmat from 32) and one synchronous Hopfield step (product + sign update), reporting time, achieved
/// bandwidth, GFLOP/s and the fraction of copy bandwidth. CUDA timings use events; others use a wall clock after
/// synchronisation. Output is CSV on stdout.
/// </summary>
public static class ComputeBench
{
    /// <summary>Runs the benchmark.</summary>
    public static void Run(string backend, int[] sizes, int[] batches, string? precision)
    {
        var p = precision switch { "double" => Precision.Double, "single" => Precision.Single, _ => (Precision?)null };
        using var acc = AcceleratorCatalog.Open(backend, p, out var choice);
        Console.Error.WriteLine($"# {choice}, {acc.Precision} precision; {acc.Device}");
        var bytes = acc.Precision == Precision.Double ? 8.0 : 4.0;

        // Copy bandwidth: 256 MiB read + written (less on small devices).
        var copyN = (int)Math.Min(64L << 20, acc.Device.GlobalMemoryBytes / 16 / (long)bytes);
        using (var a = acc.Allocate(copyN))
        using (var b = acc.Allocate(copyN))
        {
            acc.Write(a, new double[copyN]);
            var ms = Time(acc, () => acc.Launch(Kernels.Copy, new LaunchGrid(copyN), a, b, copyN), 5);
            CopyGBs = 2 * copyN * bytes / (ms * 1e6);
            Console.WriteLine($"op,n,batch,ms,GB_s,GFLOP_s,fraction_of_copy");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copy,{copyN},1,{ms:G4},{CopyGBs:G4},0,1"));
        }

        foreach (var n in sizes)
        {
            if ((long)n * n * bytes > acc.Device.GlobalMemoryBytes * 0.6)
            {
                Console.Error.WriteLine($"# skip N = {n}: the matrix does not fit");
                continue;
            }

            var w = new double[(long)n * n > int.MaxValue ? 0 : n * n];
            var rng = new RandomStream(1);
            for (var i = 0; i < w.Length; i++)
            {
                w[i] = rng.NextDouble() - 0.5;
            }

            using var weights = new DeviceWeights(acc, w, n, n);
            using var bias = acc.Allocate(n);
            acc.Write(bias, new double[n]);
            foreach (var batch in batches)
            {
                using var x = acc.Allocate(n * batch);
                using var y = acc.Allocate(n * batch);
                acc.Write(x, Enumerable.Range(0, n * batch).Select(k => (k % 3) - 1.0).ToArray());
                var reps = Math.Max(3, (int)Math.Min(50, 2e10 / ((double)n * n * batch)));
                var ms = Time(acc, () => weights.Multiply(x, y, batch), reps);
                var traffic = ((double)n * n * bytes) + (2.0 * n * batch * bytes);
                var flops = 2.0 * n * n * batch;
                Report("product", n, batch, ms, traffic, flops);
                var step = Time(acc, () =>
                {
                    weights.Multiply(x, y, batch);
                    acc.Launch(Kernels.SignUpdate, new LaunchGrid(n, batch), y, bias, x, n, batch, 0.0, 0u, 0u, 0u);
                }, reps);
                Report("hopfield_step", n, batch, step, traffic + (3.0 * n * batch * bytes), flops);
            }
        }
    }

    private static double CopyGBs { get; set; }

    private static void Report(string op, int n, int batch, double ms, double traffic, double flops)
    {
        var gbs = traffic / (ms * 1e6);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{op},{n},{batch},{ms:G4},{gbs:G4},{flops / (ms * 1e6):G4},{gbs / CopyGBs:G3}"));
    }

    /// <summary>Median milliseconds of <paramref name="reps"/> runs after one warm-up.</summary>
    private static double Time(IAccelerator acc, Action work, int reps)
    {
        work();
        acc.Synchronize();
        var times = new List<double>();
        for (var r = 0; r < reps; r++)
        {
            if (acc is CudaAccelerator cuda)
            {
                times.Add(cuda.TimeMilliseconds(work));
            }
            else
            {
                var sw = Stopwatch.StartNew();
                work();
                acc.Synchronize();
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
