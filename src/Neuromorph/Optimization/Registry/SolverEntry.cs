using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>
/// One solver in <see cref="SolverCatalog"/>: its name, a one-line description, the problems it serves, the settings
/// of its options record and its factories. The <c>--solver</c> help, the YAML keys and the checks of which settings
/// and problems go with which solver are all generated from these entries.
/// </summary>
/// <param name="Name">The name users write (<c>--solver dmm</c>, <c>solver: dmm</c>).</param>
/// <param name="Description">One line for help and docs.</param>
public abstract record SolverEntry(string Name, string Description)
{
    /// <summary>The problems it solves.</summary>
    public abstract SolverProblems Serves { get; }

    /// <summary>The settings of its options record.</summary>
    public abstract IReadOnlyList<SolverSetting> Settings { get; }

    /// <summary>True when it runs its restarts on a compute device when one is given (the others run on the CPU).</summary>
    public bool Accelerated { get; init; }

    /// <summary>Why a sweep count does not apply and what sets a restart's length instead; null when it counts sweeps.</summary>
    public SweepsRefusal? RefusesSweeps { get; init; }

    /// <summary>Creates the spin solver with the options read from <paramref name="settings"/>.</summary>
    public abstract ISpinSolver CreateSpin(SolverSettingValues settings, SolverPlatform platform);

    /// <summary>Creates the CNF solver with the options read from <paramref name="settings"/>.</summary>
    public abstract ISatSolver CreateSat(SolverSettingValues settings);
}

/// <summary>A solver whose options record is <typeparamref name="TOptions"/>.</summary>
/// <typeparam name="TOptions">Its options record.</typeparam>
/// <param name="Name">The name users write.</param>
/// <param name="Description">One line for help and docs.</param>
/// <param name="Spin">Creates it for spin problems (null: it solves none).</param>
/// <param name="Sat">Creates it for CNF formulas (null: it solves none).</param>
public sealed record SolverEntry<TOptions>(string Name, string Description, Func<TOptions, SolverPlatform, ISpinSolver>? Spin = null, Func<TOptions, ISatSolver>? Sat = null)
    : SolverEntry(Name, Description)
    where TOptions : ISolverOptions<TOptions>
{
    /// <inheritdoc />
    public override SolverProblems Serves => (Spin is null ? SolverProblems.None : SolverProblems.Spin) | (Sat is null ? SolverProblems.None : SolverProblems.Cnf);

    /// <inheritdoc />
    public override IReadOnlyList<SolverSetting> Settings => TOptions.Settings;

    /// <inheritdoc />
    public override ISpinSolver CreateSpin(SolverSettingValues settings, SolverPlatform platform) =>
        Spin is { } create ? create(TOptions.From(settings), platform) : throw new InvalidOperationException($"solver '{Name}' solves no spin problems");

    /// <inheritdoc />
    public override ISatSolver CreateSat(SolverSettingValues settings) =>
        Sat is { } create ? create(TOptions.From(settings)) : throw new InvalidOperationException($"solver '{Name}' solves no CNF formulas");
}

/// <summary>Why a solver takes no sweep count, and how its restarts' length is set instead.</summary>
/// <param name="Reason">Why, after a colon (<c>it integrates for a model time, not a number of sweeps</c>).</param>
/// <param name="Hint">What sets the length, spelled by the front end.</param>
public sealed record SweepsRefusal(string Reason, Func<SettingNames, string> Hint);
