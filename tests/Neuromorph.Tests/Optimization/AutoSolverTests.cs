using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>
/// <c>--solver auto</c> (and <c>solver: auto</c>): annealing on spin problems, WalkSAT on CNF formulas, said on a
/// note line; the result equals naming that solver; solver settings next to auto are refused.
/// </summary>
public class AutoSolverTests
{
    [Theory]
    [InlineData("maxcut_48.txt", "annealing", "best cut: 172")]
    [InlineData("qubo_small.txt", "annealing", "")]
    [InlineData("planted_3sat_50.cnf", "walksat", "best unsatisfied_clauses: 0")]
    [InlineData("maxsat_12.wcnf", "walksat", "")]
    public void Auto_picks_by_the_problem_and_equals_the_named_solver(string file, string picked, string best)
    {
        using var dir = new TempDirectory("nm-auto-");
        var problem = RepoPaths.InRepo("circuits", "problems", file);
        var format = file.EndsWith(".txt", StringComparison.Ordinal) && file.StartsWith("qubo", StringComparison.Ordinal) ? new[] { "--format", "qubo" } : [];
        var (code, output, error) = CliHarness.Run(["minimize", problem, "--solver", "auto", "--seed", "2", "-o", Path.Combine(dir, "a"), .. format]);
        Assert.True(code == 0, error);
        Assert.Contains($"solver auto: picked {picked}, ", output + error, StringComparison.Ordinal);
        Assert.Contains($"solver: {picked},", output, StringComparison.Ordinal);
        Assert.Contains(best, output, StringComparison.Ordinal);
        var (code2, output2, error2) = CliHarness.Run(["minimize", problem, "--solver", picked, "--seed", "2", "-o", Path.Combine(dir, "b"), .. format]);
        Assert.True(code2 == 0, error2);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "b", "solution.txt")), File.ReadAllText(Path.Combine(dir, "a", "solution.txt")));
        Assert.DoesNotContain("picked", output2 + error2, StringComparison.Ordinal);
    }

    [Fact]
    public void A_solver_setting_beside_auto_is_an_input_error()
    {
        var (code, _, error) = CliHarness.Run("minimize", RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt"), "--solver", "auto", "--quench-every", "10");
        Assert.Equal(2, code);
        Assert.Contains("--quench-every is a setting of a named solver; --solver auto picks annealing for this problem", error, StringComparison.Ordinal);
        Assert.Contains("--solver dmm or memory-ising", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Yaml_takes_solver_auto_and_locates_its_errors()
    {
        var problem = RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt");
        var yaml = YamlSection.Parse($"kind: minimize\nproblem: {problem}\nsolver: auto\nrestarts: 2\nseed: 1\n", "m.yaml");
        var report = ExperimentCatalog.Select(yaml).Run(yaml, new ExperimentContext(null, TextWriter.Null));
        Assert.Equal(172, report.Metrics["best_cut"]);

        var bad = YamlSection.Parse($"kind: minimize\nproblem: {problem}\nsolver: auto\nquench_every: 5\n", "m.yaml");
        var ex = Assert.Throws<UserInputException>(() => MinimizeSpecReader.Read(bad));
        Assert.Equal(4, ex.Diagnostic.Location.Line);
        Assert.Contains("picks annealing", ex.Diagnostic.Message, StringComparison.Ordinal);
    }
}
