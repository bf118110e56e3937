using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>
/// Checked values of the solver settings a run was given (<see cref="SolverSetting.Check"/>), by setting; an options
/// record reads its own fields from them (<see cref="ISolverOptions{TSelf}.From"/>).
/// </summary>
public sealed class SolverSettingValues
{
    private readonly Dictionary<string, object> _values;

    private SolverSettingValues(Dictionary<string, object> values) => _values = values;

    /// <summary>No settings given: every solver's defaults.</summary>
    public static SolverSettingValues None { get; } = new([]);

    /// <summary>
    /// Checks each of <paramref name="given"/> (keyed by neutral setting name) against its setting in
    /// <paramref name="settings"/>; a bad value is an input error spelled by <paramref name="names"/>.
    /// </summary>
    public static SolverSettingValues Check(IEnumerable<SolverSetting> settings, IReadOnlyDictionary<string, SettingValue> given, SettingNames names)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(given);
        var known = settings.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            var setting = known.TryGetValue(name, out var s) ? s : throw new ArgumentException($"no solver setting '{name}'", nameof(given));
            values[name] = setting.Check(value, names);
        }

        return new SolverSettingValues(values);
    }

    /// <summary>The count given for <paramref name="setting"/>, or null.</summary>
    public int? Count(CountSetting setting) => _values.TryGetValue(Name(setting), out var v) ? (int)v : null;

    /// <summary>The pairs given for <paramref name="setting"/> (lower-case key to number), or null.</summary>
    public IReadOnlyDictionary<string, double>? Pairs(PairsSetting setting) => _values.TryGetValue(Name(setting), out var v) ? (IReadOnlyDictionary<string, double>)v : null;

    private static string Name(SolverSetting setting) => (setting ?? throw new ArgumentNullException(nameof(setting))).Name;
}
