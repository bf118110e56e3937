using System.Diagnostics;
using Neuromorph.Crossbars;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Crossbars;

/// <summary>
/// VMM with wire resistance: time to factorise, time per input vector with the factor reused, and the time a solve
/// from scratch (assemble + factorise + solve) would take per vector. Run:
/// dotnet run -c Release --project benchmarks/Neuromorph.Benchmarks -- crossbar-vmm 64 128 256
/// </summary>
public static class CrossbarVmm
{
    /// <summary>Runs the sizes given (square arrays) with a batch of up to 1000 vectors.</summary>
    public static void Run(IEnumerable<int> sizes)
    {
        Console.WriteLine("| size | unknowns | factor (ms) | per vector, reused factor (ms) | per vector from scratch (ms) | speed-up of reuse | transfer matrix (ms, m solves) | per vector via transfer matrix (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var n in sizes)
        {
            var rng = new RandomStream(n);
            var g = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    g[i, j] = 1e-6 + (99e-6 * rng.NextDouble());
                }
            }

            var array = new CrossbarArray(g, 1, 1);
            var clock = Stopwatch.StartNew();
            var solver = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Direct });
            var factorMs = clock.Elapsed.TotalMilliseconds;
            var batch = n <= 256 ? 1000 : 100;
            var v = new double[n];
            var y = new double[n];
            clock.Restart();
            for (var k = 0; k < batch; k++)
            {
                for (var i = 0; i < n; i++)
                {
                    v[i] = rng.NextDouble() * 0.2;
                }

                solver.Multiply(v, y);
            }

            var perVector = clock.Elapsed.TotalMilliseconds / batch;
            var scratch = factorMs + perVector;
            clock.Restart();
            var t = new CrossbarArray(solver.EffectiveConductance());
            var transferMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            for (var k = 0; k < 1000; k++)
            {
                v[k % n] += 1e-3;
                t.MultiplyIdeal(v, y);
            }

            var perVectorT = clock.Elapsed.TotalMilliseconds / 1000;
            Console.WriteLine($"| {n}x{n} | {2 * n * n} | {factorMs:0.0} | {perVector:0.000} | {scratch:0.0} | {scratch / perVector:0}x | {transferMs:0} | {perVectorT:0.0000} |");
        }
    }
}
