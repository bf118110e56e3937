using Neuromorph.Devices.CtdLinear;
using Neuromorph.Devices.HpLinearDrift;
using Neuromorph.Devices.Knowm;
using Neuromorph.Devices.Team;
using Neuromorph.Devices.ThresholdXspice;
using Neuromorph.Devices.Yakopcic;
using Neuromorph.Diagnostics;

namespace Neuromorph.Devices;

/// <summary>
/// Every memristor model Neuromorph knows, and the rules that turn parameter values into a device: select by
/// syntax and <c>LEVEL</c>, resolve aliases, fill defaults, check limits. Knows nothing of netlists.
/// </summary>
public static class MemristorCatalog
{
    /// <summary>The registered models, one line each.</summary>
    public static IReadOnlyList<IMemristorModelDefinition> All { get; } =
    [
        new HpLinearDriftDefinition(),
        new TeamDefinition(),
        new YakopcicDefinition(),
        new TeamDefinition(voltageControlled: true),
        new KnowmDefinition(),
        new CtdLinearDefinition(),
        new ThresholdXspiceDefinition(),
    ];

    /// <summary>Finds the definition a model card selects, or null.</summary>
    public static IMemristorModelDefinition? Find(MemristorSyntax syntax, int? level) =>
        All.FirstOrDefault(d => d.Syntax == syntax && (syntax == MemristorSyntax.XSpice || d.Level == (level ?? 1)));

    /// <summary>Finds a definition by its short name (<c>team</c>, <c>hp</c> ...), or null.</summary>
    public static IMemristorModelDefinition? FindByName(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Builds a device of <paramref name="definition"/> from parameter values given in order (later ones win, e.g. a model
    /// card's then an instance's), each with where it was written: fills defaults and checks every value against its limits.
    /// </summary>
    public static IMemristorModel Create(IMemristorModelDefinition definition, IEnumerable<(string Name, double Value, SourceLocation At)> given, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(given);
        var values = definition.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value, at) in given)
        {
            Merge(definition, new Dictionary<string, double> { [name] = value }, values, _ => at);
        }

        return Build(definition, values, location);
    }

    /// <summary>Builds a device of a named model from parameter values (for crossbars and studies); unknown names and bad values are user errors.</summary>
    public static IMemristorModel Create(string modelName, IReadOnlyDictionary<string, double> parameters, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var definition = FindByName(modelName)
            ?? throw new UserInputException(location, $"unknown memristor model '{modelName}'", Suggestions.Hint(modelName, All.Select(d => d.Name).ToList()));
        var values = definition.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.OrdinalIgnoreCase);
        Merge(definition, parameters, values, _ => location);
        return Build(definition, values, location);
    }

    private static void Merge(IMemristorModelDefinition definition, IReadOnlyDictionary<string, double> given, Dictionary<string, double> into, Func<string, SourceLocation> at)
    {
        foreach (var (name, value) in given)
        {
            if (name.Equals("level", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            into[Checked(definition, name, value, at(name)).Name] = value;
        }
    }

    /// <summary>
    /// The parameter of <paramref name="definition"/> that <paramref name="name"/> names (aliases accepted), after checking
    /// <paramref name="value"/> against its limits: an unknown name or a value outside them is a user error at
    /// <paramref name="at"/>, worded as when a model card gives it.
    /// </summary>
    public static ParameterSpec Checked(IMemristorModelDefinition definition, string name, double value, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var spec = definition.Parameters.FirstOrDefault(p => p.Accepts(name))
            ?? throw new UserInputException(at, $"model {definition.Name} has no parameter '{name}'",
                Suggestions.Hint(name, definition.Parameters.Select(p => p.Name).ToList()));
        if (!(value >= spec.Min && value <= spec.Max))
        {
            throw new UserInputException(at, $"{definition.Name} parameter {spec.Name} = {value} is outside [{spec.Min}, {spec.Max}]", spec.Description);
        }

        return spec;
    }

    private static IMemristorModel Build(IMemristorModelDefinition definition, Dictionary<string, double> values, SourceLocation location)
    {
        try
        {
            return definition.Create(values);
        }
        catch (UserInputException ex) when (ex.Diagnostic.Location.Line == 0)
        {
            throw new UserInputException(location, ex.Diagnostic.Message, ex.Diagnostic.Hint);
        }
    }
}
