namespace Neuromorph.Optimization.Registry;

/// <summary>A solver whose options record is <typeparamref name="TOptions"/>.</summary>
/// <typeparam name="TOptions">Its options record.</typeparam>
/// <param name="Name">The name users write.</param>
/// <param name="Description">One line for help and docs (no ';': help joins them as <c>name: line; ...</c>).</param>
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
