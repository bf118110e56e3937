namespace Neuromorph.Optimization.Registry;

/// <summary>The options of a solver that takes none beyond the shared restart controls.</summary>
public sealed record NoOptions : ISolverOptions<NoOptions>
{
    /// <inheritdoc />
    public static IReadOnlyList<SolverSetting> Settings { get; } = [];

    /// <inheritdoc />
    public static NoOptions From(SolverSettingValues values) => new();
}
