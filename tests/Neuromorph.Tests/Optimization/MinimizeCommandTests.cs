using System.Globalization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

public class MinimizeCommandTests
{
    // Cut recomputed here from the raw file lines and solution.txt, sharing no code with the solver or evaluator.
    private static double CutFromFiles(string graph, string solution)
    {
        var side = new Dictionary<int, int>();
        foreach (var line in File.ReadLines(solution).Where(l => !l.StartsWith('#')))
        {
            var t = line.Split(' ');
            side[int.Parse(t[0], CultureInfo.InvariantCulture)] = int.Parse(t[1], CultureInfo.InvariantCulture);
        }

        var cut = 0.0;
        foreach (var line in File.ReadLines(graph).Skip(1).Where(l => l.Trim().Length > 0))
        {
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (side[int.Parse(t[0], CultureInfo.InvariantCulture)] != side[int.Parse(t[1], CultureInfo.InvariantCulture)])
            {
                cut += double.Parse(t[2], CultureInfo.InvariantCulture);
            }
        }

        return cut;
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Writes_outputs_and_the_solution_cut_matches_an_independent_count()
    {
        using var dir = new TempDirectory("nm-min");
        var graph = Path.Combine(dir, "ring.txt");

        // 7-cycle with unit weights: the maximum cut of an odd cycle is n - 1 = 6.
        File.WriteAllLines(graph, ["7 7", .. Enumerable.Range(1, 7).Select(i => $"{i} {(i % 7) + 1} 1")]);
        foreach (var solver in new[] { "hopfield", "annealing", "continuous-hopfield" })
        {
            var outDir = Path.Combine(dir, solver);
            var (code, stdout, err) = CliHarness.Run("minimize", graph, "--solver", solver, "--restarts", "4", "--target", "6", "--seed", "3", "-o", outDir);
            Assert.True(code == 0, err);
            Assert.Contains("best cut: 6 ", stdout, StringComparison.Ordinal);
            // the success probability is the share of restarts whose own cut is the maximum 6 (an annealing restart may end
            // in a local optimum with three domain walls, cut 4), counted here from final.csv
            var finals = File.ReadLines(Path.Combine(outDir, "final.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            var reached = finals.Count(r => double.Parse(r[2], CultureInfo.InvariantCulture) == 6);
            Assert.Equal(4, finals.Count);
            Assert.True(reached > 0, solver);
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"success probability: {reached / 4.0:F3} ({reached}/4 completed restarts)"), stdout, StringComparison.Ordinal);
            Assert.Equal(6, CutFromFiles(graph, Path.Combine(outDir, "solution.txt")));
            foreach (var f in new[] { "energy.csv", "summary.txt", "energy.png", "final_histogram.png" })
            {
                Assert.True(File.Exists(Path.Combine(outDir, f)), f);
            }

            Assert.StartsWith("seconds,sweep,restart,energy,best_so_far,cut", File.ReadLines(Path.Combine(outDir, "energy.csv")).First(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Malformed_file_exits_2_with_file_and_line()
    {
        using var dir = new TempDirectory("nm-min");
        var graph = Path.Combine(dir, "bad.txt");
        File.WriteAllText(graph, "3 2\n1 2 1\n1 5 1\n");
        var (code, _, err) = CliHarness.Run("minimize", graph, "-o", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("bad.txt:3:1: error: index 5 out of range 1..3", err, StringComparison.Ordinal);
        var (code2, _, err2) = CliHarness.Run("minimize", graph, "--solver", "anneal");
        Assert.Equal(2, code2);
        Assert.Contains("annealing", err2, StringComparison.Ordinal);
    }

    [Fact]
    public void G1_cut_from_the_solution_file_matches_the_independent_count_and_is_near_the_best_known()
    {
        var g1 = RepoPaths.InRepo("circuits", "gset", "G1.txt");
        using var outDir = new TempDirectory("nm-g1");
        var (code, stdout, err) = CliHarness.Run("minimize", g1, "--solver", "annealing", "--restarts", "2", "--sweeps", "1500", "--target", "11624", "-o", outDir);
        Assert.True(code == 0, err);
        var cut = CutFromFiles(g1, Path.Combine(outDir, "solution.txt"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"best cut: {cut} "), stdout, StringComparison.Ordinal);
        Assert.True(cut >= 11624 * 0.995, $"cut {cut} more than 0.5 % below the best known 11624");
    }
}

public class ProblemExampleTests
{
    [Theory]
    [InlineData("qubo_small.txt", "qubo", "best qubo_value: -2 ")]
    [InlineData("ising_ring.txt", "ising", "best ising_energy: -4 ")]
    public void Example_problems_reach_their_hand_computed_minimum(string file, string format, string expected)
    {
        using var outDir = new TempDirectory("nm-ex");
        var (code, stdout, err) = CliHarness.Run("minimize", RepoPaths.InRepo("circuits", "problems", file), "--format", format, "--restarts", "2", "-o", outDir);
        Assert.True(code == 0, err);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
    }
}
