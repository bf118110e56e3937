using System.Globalization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>The minimize command on CNF, portfolio and crossbar inputs: outputs, independent re-evaluation, bad input.</summary>
public sealed class MinimizeSatAndFlagsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nm-minsat").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    // Clauses read from the DIMACS text here, and the assignment from solution.txt: no library code involved.
    private static int UnsatisfiedFromFiles(string cnf, string solution)
    {
        var value = File.ReadLines(solution).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' ')).ToDictionary(t => int.Parse(t[0], CultureInfo.InvariantCulture), t => t[1] == "1");
        var tokens = File.ReadLines(cnf).Where(l => !l.StartsWith('c') && !l.StartsWith('p'))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(int.Parse);
        int unsat = 0;
        var satisfied = false;
        foreach (var lit in tokens)
        {
            if (lit == 0)
            {
                unsat += satisfied ? 0 : 1;
                satisfied = false;
                continue;
            }

            satisfied |= value[Math.Abs(lit)] == lit > 0;
        }

        return unsat;
    }

    [Theory]
    [InlineData("dmm")]
    [InlineData("walksat")]
    [InlineData("annealing")]
    public void Cnf_example_is_solved_and_the_solution_file_satisfies_every_clause(string solver)
    {
        var cnf = RepoPaths.InRepo("circuits", "problems", "planted_3sat_50.cnf");
        var outDir = Path.Combine(_dir, solver);
        var (code, stdout, err) = CliHarness.Run("minimize", cnf, "--solver", solver, "--restarts", "4", "-o", outDir);
        Assert.True(code == 0, err);
        Assert.Contains("clauses satisfied: 213 of 213", stdout, StringComparison.Ordinal);
        Assert.Contains("success probability: 1.000", stdout, StringComparison.Ordinal);
        Assert.Equal(0, UnsatisfiedFromFiles(cnf, Path.Combine(outDir, "solution.txt")));
        Assert.Contains($"to {Path.GetFullPath(outDir)}", stdout, StringComparison.Ordinal);
        Assert.StartsWith("restart,energy,unsatisfied_clauses,seconds,finished_at,completed,reached_target", File.ReadLines(Path.Combine(outDir, "final.csv")).First(), StringComparison.Ordinal);
    }

    [Fact]
    public void Dmm_writes_voltages_and_memories_within_their_bounds()
    {
        var outDir = Path.Combine(_dir, "mem");
        var (code, _, err) = CliHarness.Run("minimize", RepoPaths.InRepo("circuits", "problems", "maxsat_12.wcnf"), "--solver", "dmm", "--restarts", "2", "--sweeps", "400", "--target", "17", "-o", outDir);
        Assert.True(code == 0, err);
        var mem = File.ReadAllLines(Path.Combine(outDir, "memory.csv"));
        var header = mem[0].Split(',');
        Assert.True(mem.Length > 10);
        foreach (var row in mem.Skip(1).Select(l => l.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray()))
        {
            for (var k = 0; k < header.Length; k++)
            {
                if (header[k].StartsWith("xs", StringComparison.Ordinal))
                {
                    Assert.InRange(row[k], 0, 1);
                }
                else if (header[k].StartsWith("xl", StringComparison.Ordinal))
                {
                    Assert.InRange(row[k], 1, 1e4 * 46);
                }
            }
        }

        var states = File.ReadAllLines(Path.Combine(outDir, "states.csv"));
        Assert.StartsWith("restart,time,wall_seconds,v_1,", states[0], StringComparison.Ordinal);
        Assert.All(states.Skip(1).SelectMany(l => l.Split(',').Skip(3)), x => Assert.InRange(double.Parse(x, CultureInfo.InvariantCulture), -1, 1));
    }

    [Theory]
    [InlineData("p cnf 3 2\n1 2 0\n-1 5 0\n", "bad.cnf:3:4: error: literal 5 out of range")]
    [InlineData("p cnf 3 3\n1 2 0\n-1 3 0\n", "bad.cnf:1:1: error: header announces 3 clauses but the file has 2")]
    public void Malformed_cnf_exits_2_with_a_located_message(string text, string expected)
    {
        var path = Path.Combine(_dir, "bad.cnf");
        File.WriteAllText(path, text);
        var (code, _, err) = CliHarness.Run("minimize", path, "--solver", "dmm", "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains(expected, err, StringComparison.Ordinal);
        Assert.Contains("hint:", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--time-limit", "-1", "--time-limit must be a positive number of seconds")]
    [InlineData("--time-limit", "0", "--time-limit must be a positive number of seconds, got 0")]
    [InlineData("--sweeps", "-5", "--sweeps must be ≥ 0")]
    [InlineData("--budget", "9", "impossible budget")]
    [InlineData("--ctd-schedule", "alpha=2", "out of range")]
    [InlineData("--quench-every", "-1", "--quench-every must be ≥ 0")]
    [InlineData("--quench-every", "10", "--quench-every applies to --solver dmm or memory-ising")]
    public void Bad_flags_exit_2(string flag, string value, string message)
    {
        var problem = flag == "--budget" ? RepoPaths.InRepo("circuits", "problems", "prices_8.csv") : RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt");
        string[] format = flag == "--budget" ? ["--format", "prices"] : [];
        string[] solver = flag == "--ctd-schedule" ? ["--solver", "ctd"] : [];
        var (code, _, err) = CliHarness.Run(["minimize", problem, flag, value, .. format, .. solver, "-o", Path.Combine(_dir, "o")]);
        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
    }

    [Fact]
    public void Walksat_on_a_spin_problem_is_refused_with_the_valid_solvers()
    {
        var (code, _, err) = CliHarness.Run("minimize", RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt"), "--solver", "walksat", "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("only solves CNF formulas", err, StringComparison.Ordinal);
        Assert.Contains("dmm", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_symmetric_covariance_exits_2_located()
    {
        var path = Path.Combine(_dir, "cov.csv");
        File.WriteAllText(path, "asset,return,A,B\nA,0.1,0.04,0.01\nB,0.2,0.02,0.09\n");
        var (code, _, err) = CliHarness.Run("minimize", path, "--format", "portfolio", "-o", Path.Combine(_dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("cov.csv:3:3: error: covariance is not symmetric", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Crossbar_runs_keep_hardware_energies_out_of_the_cut_column_and_time_to_target_after_the_first_trace_point()
    {
        var outDir = Path.Combine(_dir, "xbar");
        var (code, stdout, err) = CliHarness.Run("minimize", RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt"), "--substrate", RepoPaths.InRepo("benchmarks", "scripts", "crossbar_g.yaml"),
            "--restarts", "4", "--sweeps", "300", "--target", "150", "-o", outDir);
        Assert.True(code == 0, err);
        var energy = File.ReadAllLines(Path.Combine(outDir, "energy.csv"));
        Assert.Equal("seconds,sweep,restart,hardware_energy,hardware_best_so_far", energy[0]);
        var final = File.ReadAllLines(Path.Combine(outDir, "final.csv"));
        Assert.StartsWith("restart,energy,cut,", final[0], StringComparison.Ordinal);
        var line = stdout.Split('\n').First(l => l.StartsWith("time to target:", StringComparison.Ordinal));
        var ttt = double.Parse(line.Split(' ')[3], CultureInfo.InvariantCulture);
        var firstTrace = energy.Skip(1).Min(l => double.Parse(l.Split(',')[0], CultureInfo.InvariantCulture));
        Assert.True(ttt >= firstTrace, $"time to target {ttt} s before the first trace point at {firstTrace} s");
    }
}
