using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Io.Yaml;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Registry;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Minimize;

/// <summary>The YAML front end: keys mirror the flags, and every broken rule is reported at its key in the file's words.</summary>
public sealed class MinimizeSpecReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new("nm-minspec");

    public MinimizeSpecReaderTests()
    {
        foreach (var c in TinyProblems.All.Values)
        {
            File.WriteAllText(Path.Combine(_dir, c.FileName), c.Text);
        }
    }

    public void Dispose() => _dir.Dispose();

    private MinimizeSpec Read(string body) => MinimizeSpecReader.Read(YamlSection.Parse(body, Path.Combine(_dir, "run.yaml")));

    [Fact]
    public void Every_key_is_read_into_the_spec()
    {
        var spec = Read("kind: minimize\nproblem: market.csv\nformat: portfolio\nsolver: dmm\nrestarts: 3\ntime_limit: 2.5\nseed: 42\nsweeps: 700\n"
            + "target: -0.1\nbudget: 2\nrisk_aversion: 0.5\npenalty: 3\nquench_every: 25\n");
        Assert.Equal(Path.Combine(_dir, "market.csv"), spec.Problem);
        Assert.Equal(("portfolio", "dmm", 3, 2.5, 42UL, 700), (spec.Format, spec.Solver, spec.Restarts, spec.TimeLimit ?? 0, spec.Seed, spec.Sweeps ?? 0));
        Assert.Equal((-0.1, 2, 0.5, 3.0), (spec.Target ?? 0, spec.Budget ?? 0, spec.RiskAversion ?? 0, spec.Penalty ?? 0));
        Assert.Equal(new CountValue(25), spec.SolverSettings["quench-every"]);
        Assert.Equal(new QuenchOptions(25), QuenchOptions.From(spec.CheckedSolverSettings));
    }

    [Fact]
    public void The_ctd_schedule_is_a_map_of_the_same_keys_as_the_flag()
    {
        var spec = Read("problem: graph.txt\nsolver: ctd\nctd_schedule:\n  alpha: 0.1\n  bias: -0.5\n  ramp: 0.6\n  time: 12\n");
        var options = CtdOptions.From(spec.CheckedSolverSettings);
        Assert.Equal(new CtdOptions(new CtdControls { AlphaStart = 0.1, BiasStart = -0.5, Ramp = 0.6 }, 12), options);
        Assert.Equal(["alpha", "bias", "ramp", "time"], CtdOptions.Schedule.KeyNames);
        Assert.Contains("ctd_schedule", MinimizeSpecReader.Keys);
        Assert.Contains("quench_every", MinimizeSpecReader.Keys);
    }

    [Theory]
    [InlineData("restarts: 0", "run.yaml:3:11", "restarts must be at least 1, got 0")]
    [InlineData("time_limit: -1", "run.yaml:3:13", "time_limit must be a positive number of seconds, got -1")]
    [InlineData("time_limit: 0", "run.yaml:3:13", "time_limit must be a positive number of seconds, got 0")]
    [InlineData("sweeps: -3", "run.yaml:3:9", "sweeps must be ≥ 0 (0: automatic), got -3")]
    [InlineData("quench_every: -2", "run.yaml:3:15", "quench_every must be ≥ 0 (0: only at the end), got -2")]
    [InlineData("quench_every: 10", "run.yaml:3:15", "quench_every applies to solver: dmm or memory-ising, not 'hopfield'")]
    [InlineData("budget: 3", "run.yaml:3:9", "budget applies to portfolio problems only (format: portfolio or prices)")]
    [InlineData("risk_aversion: 2", "run.yaml:3:16", "risk_aversion applies to portfolio problems only")]
    [InlineData("format: qbuo", "run.yaml:3:9", "unknown format 'qbuo'")]
    [InlineData("ctd_schedule:\n  ramp: 0.5", "run.yaml:4:3", "ctd_schedule applies to solver: ctd, not 'hopfield'")]
    [InlineData("ctd_schedule:\n  alpha: 2", "run.yaml:4:10", "ctd_schedule: {alpha: 2} is out of range")]
    [InlineData("ctd_schedule:\n  speed: 2", "run.yaml:4:10", "ctd_schedule: unknown key 'speed'")]
    [InlineData("solver: walksat", "run.yaml:3:9", "solver 'walksat' only solves CNF formulas (.cnf, .wcnf)")]
    [InlineData("solver: anealing", "run.yaml:3:9", "unknown solver 'anealing'")]
    [InlineData("quench-every: 5", "run.yaml:3:1", "unknown key 'quench-every'")]
    public void A_broken_rule_is_located_at_its_key_and_spelled_as_the_file_writes_it(string line, string at, string message)
    {
        var error = Assert.Throws<UserInputException>(() => Read($"kind: minimize\nproblem: graph.txt\n{line}\n")).Diagnostic;
        Assert.Equal(Path.Combine(_dir, at), error.Location.ToString());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweeps_for_ctd_are_refused_with_the_key_that_sets_its_time()
    {
        var error = Assert.Throws<UserInputException>(() => Read("problem: graph.txt\nsolver: ctd\nsweeps: 100\n")).Diagnostic;
        Assert.Equal(Path.Combine(_dir, "run.yaml:3:9"), error.Location.ToString());
        Assert.Equal("sweeps does not apply to solver: ctd: it integrates for a model time, not a number of sweeps", error.Message);
        Assert.Equal("drop sweeps; set the time with ctd_schedule: {time: SECONDS} (default 30)", error.Hint);
    }

    [Theory]
    [InlineData("formula.cnf", "quench_every: 5\nsolver: dmm", "run.yaml:3:15", "quench_every applies to Max-Cut, QUBO, Ising and portfolio problems, not CNF formulas")]
    [InlineData("formula.cnf", "solver: hopfield", "run.yaml:3:9", "solver 'hopfield' only solves Max-Cut, QUBO, Ising and portfolio problems")]
    [InlineData("formula.cnf", "substrate:\n  levels: 0", "run.yaml:4:3", "CNF formulas run on the CPU without a crossbar substrate")]
    [InlineData("missing.txt", "solver: hopfield", "run.yaml:2:10", "problem file 'missing.txt' not found")]
    public void Problem_dependent_rules_are_located_too(string problem, string lines, string at, string message)
    {
        var error = Assert.Throws<UserInputException>(() => Read($"kind: minimize\nproblem: {problem}\n{lines}\n")).Diagnostic;
        Assert.Equal(Path.Combine(_dir, at), error.Location.ToString());
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_reads_as_another_format_is_told_which_key_to_add()
    {
        var spec = Read("problem: market.csv\n");
        var error = Assert.Throws<UserInputException>(() => MinimizeRuns.Run(spec)).Diagnostic;
        Assert.Equal("the file reads as format portfolio: add format: portfolio", error.Hint);
        Assert.StartsWith(Path.Combine(_dir, "market.csv"), error.Location.ToString(), StringComparison.Ordinal);
    }
}
