using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>
/// A setting that some solvers take beyond the restart controls every solver shares (the periodic quench of dmm and
/// memory-ising, the ctd schedule). It is described once, by the options record of the solvers that take it
/// (<see cref="ISolverOptions{TSelf}"/>): the command line generates its flag and help, a YAML experiment its key, and
/// one check, spelled by the front end (<see cref="SettingNames"/>), validates it.
/// </summary>
/// <param name="Name">Neutral name, words joined by '-' (<c>quench-every</c>: <c>--quench-every</c>, <c>quench_every:</c>).</param>
/// <param name="Help">What it does, for help texts and docs.</param>
public abstract record SolverSetting(string Name, string Help)
{
    /// <summary>The problems it applies to (default: every problem its solvers serve); an input error for others.</summary>
    public SolverProblems AppliesTo { get; init; } = SolverProblems.Spin | SolverProblems.Cnf;

    /// <summary>Checks <paramref name="value"/> and returns it typed; a bad value is an input error spelled by <paramref name="names"/>.</summary>
    public abstract object Check(SettingValue value, SettingNames names);
}
