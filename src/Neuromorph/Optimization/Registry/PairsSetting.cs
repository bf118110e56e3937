using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>
/// A setting that is a map of KEY NUMBER pairs (the ctd schedule: <c>alpha</c>, <c>bias</c>, <c>ramp</c>, <c>time</c>);
/// checked to a dictionary from lower-case key to number, keys absent when not given.
/// </summary>
/// <param name="Name">Neutral name.</param>
/// <param name="Help">What it does (<c>time-dependent controls</c>).</param>
/// <param name="Keys">The keys it accepts, each with its range.</param>
/// <param name="Example">A good value as pairs of key and number text, for help and hints.</param>
/// <param name="RangeHint">The ranges in words, the hint for a number out of range.</param>
public sealed record PairsSetting(string Name, string Help, IReadOnlyList<PairKey> Keys, IReadOnlyList<(string Key, string Value)> Example, string RangeHint) : SolverSetting(Name, Help)
{
    /// <summary>The key names, in order.</summary>
    public IReadOnlyList<string> KeyNames => [.. Keys.Select(k => k.Name)];

    /// <inheritdoc />
    public override object Check(SettingValue value, SettingNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (value is not PairsValue pairs)
        {
            throw new ArgumentException($"{Name} takes KEY NUMBER pairs, not {value?.GetType().Name}", nameof(value));
        }

        var checkedPairs = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var pair in pairs.Pairs)
        {
            var key = Keys.FirstOrDefault(k => string.Equals(k.Name, pair.Key, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                throw Error(pair, names, $"{names.Name(Name)}: unknown key '{pair.Key}'", Suggestions.Hint(pair.Key, [.. KeyNames]));
            }

            if (!double.IsFinite(pair.Value) || !key.Accepts(pair.Value))
            {
                throw Error(pair, names, $"{names.Name(Name)}: {names.Pair(pair.Key, pair.Text)} is out of range", RangeHint);
            }

            checkedPairs[key.Name] = pair.Value;
        }

        return checkedPairs;
    }

    private UserInputException Error(SettingPair pair, SettingNames names, string message, string hint) =>
        pair.At is { } at ? new UserInputException(at, message, hint) : names.Error(Name, message, hint);
}
