using System.Diagnostics;
using System.Globalization;
using Neuromorph.Crossbars;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Crossbars;

/// <summary>
/// Iterative (preconditioned conjugate gradient) crossbar reads with wire resistance against the direct sparse
/// Cholesky: set-up time, time and iterations per input vector over a batch, largest relative output difference.
/// Run: dotnet run -c Release --project benchmarks/Neuromorph.Benchmarks -- crossbar-pcg [--batch B]
/// [--preconditioners LineGaussSeidel,LineJacobi,IncompleteCholesky,Jacobi] [--direct] [--cold] [--tolerance T] SIZE...
/// where SIZE is N (square) or MxN. Arrays as in crossbar-vmm: G uniform in [1, 100] µS, 1 Ω segments.
/// </summary>
public static class CrossbarPcg
{
    /// <summary>Parses the arguments and prints one table row per size and solver.</summary>
    public static void Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var batch = 20;
        var direct = false;
        var warm = true;
        var tolerance = new NodalSolverOptions().Tolerance;
        var preconditioners = new List<CrossbarPreconditioner> { CrossbarPreconditioner.LineGaussSeidel };
        var sizes = new List<(int M, int N)>();
        for (var k = 0; k < args.Length; k++)
        {
            switch (args[k])
            {
                case "--batch": batch = int.Parse(args[++k], CultureInfo.InvariantCulture); break;
                case "--direct": direct = true; break;
                case "--cold": warm = false; break;
                case "--tolerance": tolerance = double.Parse(args[++k], CultureInfo.InvariantCulture); break;
                case "--preconditioners": preconditioners = [.. args[++k].Split(',').Select(Enum.Parse<CrossbarPreconditioner>)]; break;
                default:
                    var parts = args[k].Split('x');
                    var m = int.Parse(parts[0], CultureInfo.InvariantCulture);
                    sizes.Add((m, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : m));
                    break;
            }
        }

        Console.WriteLine($"batch {batch}, tolerance {tolerance:G3}, {(warm ? "warm" : "cold")} start");
        Console.WriteLine("| size | unknowns | solver | set-up (ms) | per vector (ms) | iterations: first / mean of rest | max rel. diff vs direct |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (m, n) in sizes)
        {
            var rng = new RandomStream(m * 7919 + n);
            var g = new double[m, n];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    g[i, j] = 1e-6 + (99e-6 * rng.NextDouble());
                }
            }

            var array = new CrossbarArray(g, 1, 1);
            var inputs = Enumerable.Range(0, batch).Select(_ => Enumerable.Range(0, m).Select(_ => rng.NextDouble() * 0.2).ToArray()).ToArray();
            double[][]? reference = null;
            if (direct)
            {
                reference = Measure(array, new NodalSolverOptions { Method = NodalSolverMethod.Direct }, inputs, null, $"{m}x{n}", "direct (Cholesky)");
            }

            foreach (var p in preconditioners)
            {
                var options = new NodalSolverOptions { Method = NodalSolverMethod.Iterative, Preconditioner = p, Tolerance = tolerance, WarmStart = warm };
                Measure(array, options, inputs, reference, $"{m}x{n}", $"PCG, {p}");
            }
        }
    }

    private static double[][] Measure(CrossbarArray array, NodalSolverOptions options, double[][] inputs, double[][]? reference, string size, string name)
    {
        var clock = Stopwatch.StartNew();
        var solver = new NodalSolver(array, options);
        var setupMs = clock.Elapsed.TotalMilliseconds;
        var outputs = inputs.Select(_ => new double[array.Columns]).ToArray();
        var first = 0;
        clock.Restart();
        for (var k = 0; k < inputs.Length; k++)
        {
            solver.Multiply(inputs[k], outputs[k]);
            if (k == 0)
            {
                first = solver.LastIterations;
            }
        }

        var perVector = clock.Elapsed.TotalMilliseconds / inputs.Length;
        var rest = inputs.Length > 1 ? (solver.TotalIterations - first) / (double)(inputs.Length - 1) : 0;
        var diff = "-";
        if (reference is not null)
        {
            double worst = 0;
            for (var k = 0; k < inputs.Length; k++)
            {
                var scale = reference[k].Max(Math.Abs);
                for (var j = 0; j < array.Columns; j++)
                {
                    worst = Math.Max(worst, Math.Abs(outputs[k][j] - reference[k][j]) / scale);
                }
            }

            diff = worst.ToString("0.0e0", CultureInfo.InvariantCulture);
        }

        var iterations = solver.IsIterative ? $"{first} / {rest:0.0}" : "-";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size} | {2 * array.Rows * array.Columns} | {name} | {setupMs:0.0} | {perVector:0.00} | {iterations} | {diff} |"));
        return outputs;
    }
}
