namespace Neuromorph.Optimization.Registry;

/// <summary>
/// A solver's own options record: the settings it takes beyond the shared restart controls, each one field of the
/// record described by one <see cref="SolverSetting"/>. The record lists those settings and reads itself from checked
/// values; its <see cref="SolverEntry{TOptions}"/> hands it to the solver's factory. Adding a setting to a solver is a
/// field, its <see cref="SolverSetting"/> and its line in <see cref="From"/>; the command line and YAML pick it up.
/// </summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface ISolverOptions<TSelf>
    where TSelf : ISolverOptions<TSelf>
{
    /// <summary>The settings the record's fields hold.</summary>
    static abstract IReadOnlyList<SolverSetting> Settings { get; }

    /// <summary>The record for <paramref name="values"/> (fields not given keep the solver's defaults).</summary>
    static abstract TSelf From(SolverSettingValues values);
}
