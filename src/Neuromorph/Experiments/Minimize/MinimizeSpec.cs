using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// Everything one energy-minimisation run needs, typed: the problem file and how to read it, the solver and its own
/// settings, the restart controls and an optional crossbar substrate. Built by <see cref="MinimizeSpecReader"/> from a
/// <c>kind: minimize</c> file or by <c>neuromorph minimize</c> from its flags, and checked by
/// <see cref="MinimizeRules"/> (the one place the rules live) before <see cref="Minimization"/> runs it. Settings the
/// user did not give are null, so that a rule can tell "given" from "default".
/// </summary>
public sealed record MinimizeSpec
{
    /// <summary>The solver when none is named.</summary>
    public const string DefaultSolver = "hopfield";

    /// <summary>The problem file (absolute, or relative to the current directory).</summary>
    public required string Problem { get; init; }

    /// <summary>Its format (<see cref="ProblemLoader.FormatNames"/>; null: by extension).</summary>
    public string? Format { get; init; }

    /// <summary>Solver name (<see cref="SolverCatalog.Names"/>).</summary>
    public string Solver { get; init; } = DefaultSolver;

    /// <summary>Independent restarts, at least 1.</summary>
    public int Restarts { get; init; } = 8;

    /// <summary>Wall-clock budget in seconds for all restarts, &gt; 0 (null: none).</summary>
    public double? TimeLimit { get; init; }

    /// <summary>Base random seed.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Sweeps per restart (dmm: integration steps; 0: automatic; null: not given, automatic).</summary>
    public int? Sweeps { get; init; }

    /// <summary>Target objective in the problem's own units (cut for Max-Cut); null: none (CNF formulas: 0).</summary>
    public double? Target { get; init; }

    /// <summary>Portfolio: assets to hold (null: half).</summary>
    public int? Budget { get; init; }

    /// <summary>Portfolio: risk aversion q ≥ 0 (null: 1).</summary>
    public double? RiskAversion { get; init; }

    /// <summary>Portfolio: budget penalty P &gt; 0 (null: automatic).</summary>
    public double? Penalty { get; init; }

    /// <summary>The solver's own settings as given, by neutral setting name (<see cref="SolverCatalog.Settings"/>).</summary>
    public IReadOnlyDictionary<string, SettingValue> SolverSettings { get; init; } = new Dictionary<string, SettingValue>();

    /// <summary>Crossbar on which the couplings are programmed, or null for ideal arithmetic.</summary>
    public CrossbarSubstrateSpec? Substrate { get; init; }

    /// <summary>How the front end that built the spec spells its settings, so that later errors speak its words.</summary>
    public SettingNames Names { get; init; } = SettingNames.Keys;

    /// <summary>The Markowitz settings for portfolio and price files.</summary>
    public PortfolioSettings Portfolio => new() { Budget = Budget, RiskAversion = RiskAversion ?? 1, Penalty = Penalty };

    /// <summary>True when the problem is read as a CNF formula.</summary>
    public bool IsCnf => ProblemLoader.IsCnf(Problem, Format);

    /// <summary>The solver's settings, checked and typed.</summary>
    public SolverSettingValues CheckedSolverSettings => SolverSettingValues.Check(SolverCatalog.Settings, SolverSettings, Names);
}
