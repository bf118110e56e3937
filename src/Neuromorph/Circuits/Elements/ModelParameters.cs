using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements;

/// <summary>
/// Reads a <c>.model</c> card's parameters against what a device supports: defaults filled in, aliases resolved, SPICE
/// parameters the device does not model warned about once, anything else a located error with a did-you-mean hint.
/// </summary>
public sealed class ModelParameters
{
    private readonly Dictionary<string, double> _values;
    private readonly HashSet<string> _given;

    private ModelParameters(Dictionary<string, double> values, HashSet<string> given)
    {
        _values = values;
        _given = given;
    }

    /// <summary>A parameter's value (its default when not given).</summary>
    public double this[string name] => _values[name];

    /// <summary>True when the card gave <paramref name="name"/>.</summary>
    public bool Given(string name) => _given.Contains(name);

    /// <summary>
    /// Reads <paramref name="card"/>: <paramref name="known"/> are (name, default) pairs, <paramref name="aliases"/> map
    /// other spellings to known names, <paramref name="ignored"/> are valid SPICE parameters this device does not model.
    /// </summary>
    public static ModelParameters Read(ModelCard card, IReadOnlyList<(string Name, double Default)> known, BuildContext ctx,
        IReadOnlyDictionary<string, string>? aliases = null, IReadOnlyCollection<string>? ignored = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(ctx);
        var values = known.ToDictionary(k => k.Name, k => k.Default, StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (raw, value) in card.Parameters)
        {
            var name = aliases is not null && aliases.TryGetValue(raw, out var a) ? a : raw;
            if (values.ContainsKey(name))
            {
                values[name] = value;
                given.Add(name);
            }
            else if (ignored?.Contains(name) == true || name == "level")
            {
                ctx.Warn(Diagnostic.Warning(card.At(raw), $"model {card.Name}: parameter '{raw}' is not modelled and is ignored", $"{card.Type} models use: {string.Join(" ", known.Select(k => k.Name))}"));
            }
            else
            {
                throw new UserInputException(card.At(raw), $"model {card.Name} ({card.Type}) has no parameter '{raw}'", Suggestions.Hint(raw, known.Select(k => k.Name).ToList()));
            }
        }

        return new ModelParameters(values, given);
    }
}
