using Neuromorph.Cli.Commands;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Tests.Cli;

/// <summary>minimize's flags parsed into a spec without running anything: each flag lands in its field, and the errors are the library's rules in the flags' words.</summary>
public class MinimizeOptionsParseTests
{
    [Fact]
    public void Without_flags_the_spec_holds_the_defaults_and_nothing_is_marked_given()
    {
        var (spec, errors) = MinimizeOptions.Parse("G1.txt");
        Assert.Empty(errors);
        Assert.Equal(("G1.txt", null, "hopfield", 8, (double?)null, 1UL), (spec!.Problem, spec.Format, spec.Solver, spec.Restarts, spec.TimeLimit, spec.Seed));
        Assert.Equal((null, null, null, null, null), (spec.Sweeps, spec.Target, spec.Budget, spec.RiskAversion, spec.Penalty));
        Assert.Empty(spec.SolverSettings);
        Assert.Null(spec.Substrate);
        Assert.Equal(1, spec.Portfolio.RiskAversion);
    }

    [Fact]
    public void Each_flag_lands_in_its_field()
    {
        var (spec, errors) = MinimizeOptions.Parse("G1.txt", "--solver", "memory-ising", "--format", "gset", "--restarts", "5", "--time-limit", "2.5", "--seed", "9",
            "--sweeps", "100", "--target", "11624", "--quench-every", "30");
        Assert.Empty(errors);
        Assert.Equal(("gset", "memory-ising", 5, 2.5, 9UL, 100, 11624.0), (spec!.Format, spec.Solver, spec.Restarts, spec.TimeLimit ?? 0, spec.Seed, spec.Sweeps ?? -1, spec.Target ?? 0));
        Assert.Equal(new CountValue(30), spec.SolverSettings["quench-every"]);
        Assert.Equal(new QuenchOptions(30), QuenchOptions.From(spec.CheckedSolverSettings));
    }

    [Fact]
    public void Portfolio_flags_and_the_ctd_schedule_land_in_theirs()
    {
        var (spec, errors) = MinimizeOptions.Parse("m.csv", "--format", "prices", "--budget", "4", "--risk-aversion", "0.5", "--penalty", "2", "--solver", "ctd",
            "--ctd-schedule", "alpha=0.2, bias=-1,time=7");
        Assert.Empty(errors);
        Assert.Equal((4, 0.5, 2.0), (spec!.Budget ?? 0, spec.RiskAversion ?? 0, spec.Penalty ?? 0));
        var pairs = Assert.IsType<PairsValue>(spec.SolverSettings["ctd-schedule"]).Pairs;
        Assert.Equal(["alpha", "bias", "time"], pairs.Select(p => p.Key));
        Assert.Equal([0.2, -1, 7], pairs.Select(p => p.Value));
        var options = CtdOptions.From(spec.CheckedSolverSettings);
        Assert.Equal((0.2, -1.0, 0.8, 7.0), (options.Controls!.AlphaStart, options.Controls.BiasStart, options.Controls.Ramp, options.Time ?? 0));
    }

    [Theory]
    [InlineData("--restarts 0", "--restarts must be at least 1, got 0")]
    [InlineData("--time-limit -1", "--time-limit must be a positive number of seconds, got -1")]
    [InlineData("--time-limit 0", "--time-limit must be a positive number of seconds, got 0")]
    [InlineData("--sweeps -5", "--sweeps must be ≥ 0 (0: automatic), got -5")]
    [InlineData("--target nan", "--target must be a finite number, got NaN")]
    [InlineData("--quench-every -1", "--quench-every must be ≥ 0 (0: only at the end), got -1")]
    [InlineData("--quench-every 5", "--quench-every applies to --solver dmm or memory-ising, not 'hopfield'")]
    [InlineData("--ctd-schedule alpha=0.5", "--ctd-schedule applies to --solver ctd, not 'hopfield'")]
    [InlineData("--solver ctd --ctd-schedule alpha", "--ctd-schedule: expected KEY=NUMBER, found 'alpha'")]
    [InlineData("--solver ctd --ctd-schedule alpha=2", "--ctd-schedule: alpha=2 is out of range")]
    [InlineData("--solver ctd --ctd-schedule speed=2", "--ctd-schedule: unknown key 'speed'")]
    [InlineData("--solver ctd --sweeps 0", "--sweeps does not apply to --solver ctd: it integrates for a model time, not a number of sweeps")]
    [InlineData("--budget 2", "--budget applies to portfolio problems only (--format portfolio or prices)")]
    [InlineData("--format qbuo", "unknown format 'qbuo'")]
    [InlineData("--solver anneal", "unknown solver 'anneal'")]
    [InlineData("--solver walksat", "solver 'walksat' only solves CNF formulas (.cnf, .wcnf)")]
    public void A_broken_rule_is_one_error_in_the_flags_words(string flags, string message)
    {
        var (spec, errors) = MinimizeOptions.Parse(["G1.txt", .. flags.Split(' ')]);
        Assert.Null(spec);
        var error = Assert.Single(errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(SourceLocation.None, error.Location);
        Assert.DoesNotContain("_", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("f.cnf --solver dmm --quench-every 5", "--quench-every applies to Max-Cut, QUBO, Ising and portfolio problems, not CNF formulas")]
    [InlineData("f.txt --format cnf --solver hopfield", "solver 'hopfield' only solves Max-Cut, QUBO, Ising and portfolio problems")]
    public void Cnf_rules_follow_the_extension_or_the_format(string argv, string message)
    {
        var (_, errors) = MinimizeOptions.Parse(argv.Split(' '));
        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void A_value_the_parser_cannot_read_is_its_error_not_a_rule()
    {
        var (spec, errors) = MinimizeOptions.Parse("G1.txt", "--restarts", "many");
        Assert.Null(spec);
        Assert.Contains(errors, e => e.Message.Contains("many", StringComparison.Ordinal));
    }
}
