using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class CrossbarIterativeSolverTests
{
    private static CrossbarArray Random(int m, int n, int seed, double rWire, double rMin = 1e3, double rMax = 100e3)
    {
        var rng = new RandomStream(seed);
        var g = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                g[i, j] = 1 / (rMin + ((rMax - rMin) * rng.NextDouble()));
            }
        }

        return new CrossbarArray(g, rWire, rWire * 1.5, rWire * 2, rWire * 0.5);
    }

    private static double[][] Inputs(int m, int count, int seed)
    {
        var rng = new RandomStream(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, m).Select(_ => (rng.NextDouble() * 0.4) - 0.1).ToArray())];
    }

    [Theory]
    [InlineData(3, 4, 2.5, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(16, 5, 2.5, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(4, 20, 10, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(40, 40, 1, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(96, 24, 5, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(12, 150, 0.5, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(64, 64, 2, CrossbarPreconditioner.LineGaussSeidel)]
    [InlineData(30, 20, 2, CrossbarPreconditioner.LineJacobi)]
    [InlineData(30, 20, 2, CrossbarPreconditioner.IncompleteCholesky)]
    [InlineData(30, 20, 2, CrossbarPreconditioner.Jacobi)]
    public void Iterative_reads_match_the_direct_cholesky_solve_to_1e9(int m, int n, double rWire, CrossbarPreconditioner preconditioner)
    {
        var array = Random(m, n, (m * 31) + n, rWire);
        var direct = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Direct });
        var iterative = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Iterative, Preconditioner = preconditioner });
        Assert.False(direct.IsIterative);
        Assert.True(iterative.IsIterative);
        var expected = new double[n];
        var actual = new double[n];
        foreach (var v in Inputs(m, 4, m + n))
        {
            // a batch: every solve after the first starts from the previous solution
            direct.Multiply(v, expected);
            iterative.Multiply(v, actual);
            var scale = expected.Max(Math.Abs);
            for (var j = 0; j < n; j++)
            {
                Assert.True(Math.Abs(actual[j] - expected[j]) <= 1e-9 * scale, $"column {j}: {actual[j]} vs {expected[j]}");
            }

            var vScale = direct.NodeVoltages.Max(Math.Abs);
            for (var k = 0; k < direct.NodeVoltages.Length; k++)
            {
                Assert.True(Math.Abs(iterative.NodeVoltages[k] - direct.NodeVoltages[k]) <= 1e-9 * vScale, $"node {k}");
            }
        }

        Assert.True(iterative.TotalIterations > 0);
    }

    [Fact]
    public void Line_preconditioner_needs_far_fewer_iterations_than_jacobi_and_transfer_matrices_agree()
    {
        var array = Random(48, 48, 5, 2);
        var v = Inputs(48, 1, 9)[0];
        var y = new double[48];
        var iterations = new Dictionary<CrossbarPreconditioner, int>();
        foreach (var p in Enum.GetValues<CrossbarPreconditioner>())
        {
            var s = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Iterative, Preconditioner = p });
            s.Multiply(v, y);
            iterations[p] = s.LastIterations;
        }

        Assert.True(iterations[CrossbarPreconditioner.LineGaussSeidel] * 10 < iterations[CrossbarPreconditioner.Jacobi], string.Join(", ", iterations));
        Assert.True(iterations[CrossbarPreconditioner.LineGaussSeidel] < iterations[CrossbarPreconditioner.LineJacobi], string.Join(", ", iterations));
        var tDirect = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Direct }).EffectiveConductance();
        var tIterative = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Iterative }).EffectiveConductance();
        var scale = tDirect.Cast<double>().Max(Math.Abs);
        Assert.All(Enumerable.Range(0, 48 * 48), k => Assert.True(Math.Abs(tIterative[k / 48, k % 48] - tDirect[k / 48, k % 48]) <= 1e-9 * scale));
    }

    [Fact]
    public void Iteration_cap_reached_is_a_simulation_error_with_count_and_residual()
    {
        var array = Random(30, 30, 2, 5);
        var s = new NodalSolver(array, new NodalSolverOptions { Method = NodalSolverMethod.Iterative, Preconditioner = CrossbarPreconditioner.Jacobi, MaxIterations = 3 });
        var e = Assert.Throws<SimulationException>(() => s.Multiply(Inputs(30, 1, 1)[0], new double[30]));
        Assert.Contains("after 3 iterations", e.Message, StringComparison.Ordinal);
        Assert.Contains("relative residual", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_picks_direct_for_small_arrays_and_iterative_above_the_threshold()
    {
        Assert.False(new NodalSolver(Random(20, 20, 1, 1)).IsIterative);
        var rows = (NodalSolverOptions.AutoIterativeThreshold / (2 * 64)) + 1;
        Assert.True(new NodalSolver(Random(rows, 64, 1, 1)).IsIterative);
    }

    [Fact]
    public void Yaml_solver_option_selects_the_solver_and_both_give_the_same_outputs()
    {
        using var dir = new TempDirectory("nm-xbpcg");
        string Run(string solver)
        {
            var path = Path.Combine(dir, $"{solver.Replace(' ', '_').Replace(':', '_').Replace('{', '_').Replace('}', '_').Replace(',', '_')}.yaml");
            File.WriteAllText(path, $"""
                kind: crossbar
                array: {"{"} resistances: [[10k, 20k, 5k], [5k, 40k, 8k], [1k, 3k, 90k]], wire_resistance: 30 {"}"}
                inputs: [[0.2, 0.1, -0.1], [0.3, -0.1, 0.2]]
                solver: {solver}
                """);
            var outDir = Path.Combine(dir, Path.GetFileNameWithoutExtension(path));
            var (code, output, error) = CliHarness.Run("run", path, "-o", outDir);
            Assert.True(code == 0, error);
            Assert.Equal(solver.Contains("iterative", StringComparison.Ordinal), output.Contains("iterative solver (PCG)", StringComparison.Ordinal));
            return Path.Combine(outDir, "outputs.csv");
        }

        var (_, direct) = CsvTable.Read(Run("direct"));
        foreach (var form in new[] { "iterative", "{ method: iterative, tolerance: 1e-13, max_iterations: 500, preconditioner: ic0 }" })
        {
            var (_, iterative) = CsvTable.Read(Run(form));
            for (var c = 0; c < direct.Length; c++)
            {
                for (var r = 0; r < direct[c].Length; r++)
                {
                    Assert.Equal(direct[c][r], iterative[c][r], Math.Abs(direct[c][r]) * 1e-9);
                }
            }
        }
    }

    [Theory]
    [InlineData("solver: cholesky", "unknown solver 'cholesky'")]
    [InlineData("solver: { method: iterative, tolerance: -1 }", "tolerance")]
    [InlineData("solver: { method: iterative, max_iterations: 0 }", "max_iterations")]
    [InlineData("solver: { preconditioner: ilu }", "unknown preconditioner 'ilu'")]
    public void Bad_solver_settings_are_located_user_errors(string line, string message)
    {
        using var pathDir = new TempDirectory("nm-xbs");
        var path = Path.Combine(pathDir, "x.yaml");
        File.WriteAllText(path, "kind: crossbar\narray: { resistances: [[1k, 2k], [3k, 4k]], wire_resistance: 1 }\ninputs: [[0.1, 0.2]]\n" + line + "\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(Path.GetDirectoryName(path)!, "out"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Matches(@"x\.yaml:4:\d+", error);
    }
}
