namespace Neuromorph.Optimization.Registry;

/// <summary>
/// One solver in <see cref="SolverCatalog"/>: its name, a one-line description, the problems it serves, the settings
/// of its options record and its factories. The <c>--solver</c> help, the YAML keys and the checks of which settings
/// and problems go with which solver are all generated from these entries.
/// </summary>
/// <param name="Name">The name users write (<c>--solver dmm</c>, <c>solver: dmm</c>).</param>
/// <param name="Description">One line for help and docs (no ';': help joins them as <c>name: line; ...</c>).</param>
public abstract record SolverEntry(string Name, string Description)
{
    /// <summary>The problems it solves.</summary>
    public abstract SolverProblems Serves { get; }

    /// <summary>The settings of its options record.</summary>
    public abstract IReadOnlyList<SolverSetting> Settings { get; }

    /// <summary>True when it runs its restarts on a compute device when one is given (the others run on the CPU).</summary>
    public bool Accelerated { get; init; }

    /// <summary>
    /// True when its own CPU path is faster than its kernels on the managed CPU backend (measured: dmm 4×, memory-ising 9×
    /// on G1, docs/compute.md): a managed backend picked by <c>auto</c> is then not used; one named explicitly is.
    /// </summary>
    public bool PrefersCpuPath { get; init; }

    /// <summary>Settings only its CPU path has: with one of them given, a compute backend is refused (or, chosen by <c>auto</c>, dropped).</summary>
    public IReadOnlyList<SolverSetting> CpuOnly { get; init; } = [];

    /// <summary>Why a sweep count does not apply and what sets a restart's length instead; null when it counts sweeps.</summary>
    public SweepsRefusal? RefusesSweeps { get; init; }

    /// <summary>Creates the spin solver with the options read from <paramref name="settings"/>.</summary>
    public abstract ISpinSolver CreateSpin(SolverSettingValues settings, SolverPlatform platform);

    /// <summary>Creates the CNF solver with the options read from <paramref name="settings"/>.</summary>
    public abstract ISatSolver CreateSat(SolverSettingValues settings);
}
