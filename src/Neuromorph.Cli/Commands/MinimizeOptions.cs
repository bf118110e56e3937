using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// The flags of <c>neuromorph minimize</c> and how they become a <see cref="MinimizeSpec"/>: each flag is the CLI
/// spelling of a spec field (<c>--time-limit</c> for <c>time-limit</c>), the solver settings are generated from
/// the solver registry, and the spec is checked by <see cref="MinimizeRules"/>, the same rules a
/// <c>kind: minimize</c> file meets. <see cref="Parse"/> does all this without running anything.
/// </summary>
public sealed class MinimizeOptions
{
    /// <summary>The problem file.</summary>
    public Argument<string> Problem { get; } = new("problem") { Description = "problem file (G-set text, QUBO text or CSV, Ising text, DIMACS .cnf/.wcnf, portfolio or price CSV)" };

    /// <summary><c>--output</c>, <c>-o</c>.</summary>
    public Option<string?> Output { get; } = new("--output", "-o") { Description = "output folder (default: named after the problem file)" };

    /// <summary><c>--substrate</c>.</summary>
    public Option<string> Substrate { get; } = new("--substrate") { Description = "ideal, or a crossbar YAML (the recall experiment's substrate keys) whose programmed, wired array computes the couplings", DefaultValueFactory = _ => "ideal" };

    /// <summary><c>--backend</c> and <c>--precision</c>.</summary>
    public BackendOptions Backend { get; } = new();

    /// <summary><c>--plot-format</c>.</summary>
    public PlotFormatOption PlotFormat { get; } = new();

    /// <summary><c>--table-format csv|parquet</c> for energy, final, states and memory.</summary>
    public TableFormatOption TableFormat { get; } = new();

    /// <summary><c>--overwrite</c>.</summary>
    public OverwriteOption Overwrite { get; } = new();

    private readonly Option<string> _solver = new("--solver") { Description = SolverHelp(), DefaultValueFactory = _ => MinimizeSpec.DefaultSolver };
    private readonly Option<string?> _format = new("--format") { Description = $"{string.Join(" | ", MinimizeChoices.FormatNames)} (default: by extension: .cnf, .wcnf, .csv = dense QUBO, else gset)" };
    private readonly Option<int> _restarts = new("--restarts") { Description = "independent restarts", DefaultValueFactory = _ => 8 };
    private readonly Option<double?> _timeLimit = new("--time-limit") { Description = "wall-clock budget in seconds (default: none)" };
    private readonly Option<ulong> _seed = new("--seed") { Description = "random seed", DefaultValueFactory = _ => 1UL };
    private readonly Option<int> _sweeps = new("--sweeps") { Description = "sweeps per restart (dmm: integration steps; 0: automatic)", DefaultValueFactory = _ => 0 };
    private readonly Option<double?> _target = new("--target") { Description = "target objective (cut for Max-Cut), a finite number, for gap, success probability and time-to-target (CNF: 0 by default)" };
    private readonly Option<int?> _budget = new("--budget") { Description = "portfolio: number of assets to hold (default: half)" };
    private readonly Option<double> _risk = new("--risk-aversion") { Description = "portfolio: weight q ≥ 0 of the variance xᵀΣx", DefaultValueFactory = _ => 1 };
    private readonly Option<double?> _penalty = new("--penalty") { Description = "portfolio: budget penalty P > 0 (default: automatic, large enough to meet the budget)" };
    private readonly SolverSettingOptions _solverSettings = new();

    /// <summary>The <c>minimize</c> command with every flag, without an action.</summary>
    public Command Command()
    {
        var command = new Command("minimize", "Minimise a Max-Cut / QUBO / Ising / portfolio / SAT problem with neuromorphic dynamics or annealing.")
        {
            Problem, _solver, _format, _restarts, _timeLimit, _seed, _sweeps, _target, Output, _budget, _risk, _penalty,
        };
        foreach (var option in _solverSettings.Options)
        {
            command.Options.Add(option);
        }

        command.Options.Add(Substrate);
        Backend.AddTo(command);
        PlotFormat.AddTo(command);
        TableFormat.AddTo(command);
        Overwrite.AddTo(command);
        return command;
    }

    /// <summary>The crossbar YAML of <c>--substrate</c>, or null for ideal arithmetic.</summary>
    public string? SubstratePath(ParseResult parse) => parse?.GetValue(Substrate) is { } named && named != "ideal" ? named : null;

    /// <summary>The checked spec the flags describe (reads the substrate file); a broken rule is an input error in the flags' words.</summary>
    public MinimizeSpec Spec(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var spec = new MinimizeSpec
        {
            Problem = parse.GetValue(Problem)!,
            Format = parse.GetValue(_format),
            Solver = parse.GetValue(_solver) ?? MinimizeSpec.DefaultSolver,
            Restarts = parse.GetValue(_restarts),
            TimeLimit = parse.GetValue(_timeLimit),
            Seed = parse.GetValue(_seed),
            Sweeps = Given(parse, _sweeps) ? parse.GetValue(_sweeps) : null,
            Target = parse.GetValue(_target),
            Budget = parse.GetValue(_budget),
            RiskAversion = Given(parse, _risk) ? parse.GetValue(_risk) : null,
            Penalty = parse.GetValue(_penalty),
            SolverSettings = _solverSettings.Values(parse),
            Names = FlagNames.Instance,
        };
        if (SubstratePath(parse) is { } path)
        {
            spec = MinimizeChoices.WithSubstrateFile(spec, path);
        }

        MinimizeRules.Check(spec);
        return spec;
    }

    /// <summary>
    /// Parses <paramref name="argv"/> (the arguments after <c>minimize</c>) into a checked spec, running nothing:
    /// the spec, or null and the errors (the parser's, or the first broken rule).
    /// </summary>
    public static (MinimizeSpec? Spec, IReadOnlyList<Diagnostic> Errors) Parse(params string[] argv)
    {
        var options = new MinimizeOptions();
        return ParsedOptions.Parse(options.Command(), argv, options.Spec);
    }

    /// <summary>The <c>--solver</c> help, generated from the solver registry.</summary>
    private static string SolverHelp() => MinimizeChoices.SolverHelp();

    /// <summary>True when the user gave <paramref name="option"/> (not just its default).</summary>
    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
