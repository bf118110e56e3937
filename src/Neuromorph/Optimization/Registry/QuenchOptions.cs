namespace Neuromorph.Optimization.Registry;

/// <summary>Options of the memcomputing solvers (dmm, memory-ising): the periodic greedy quench of the sign read-out.</summary>
/// <param name="QuenchEvery">Quench every this many steps and keep the result when it beats the best so far (null: the solver's default, 0: only at the end).</param>
public sealed record QuenchOptions(int? QuenchEvery) : ISolverOptions<QuenchOptions>
{
    /// <summary>The <c>quench-every</c> setting (spin problems only).</summary>
    public static CountSetting QuenchEverySetting { get; } = new(
        "quench-every",
        "on spin problems: greedy-quench the sign read-out every N steps and keep the best (0: only the best read-out at the end; default dmm 100, memory-ising 0)",
        "only at the end",
        500)
    {
        AppliesTo = SolverProblems.Spin,
    };

    /// <inheritdoc />
    public static IReadOnlyList<SolverSetting> Settings { get; } = [QuenchEverySetting];

    /// <inheritdoc />
    public static QuenchOptions From(SolverSettingValues values) => new((values ?? throw new ArgumentNullException(nameof(values))).Count(QuenchEverySetting));
}
