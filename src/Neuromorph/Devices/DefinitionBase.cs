
namespace Neuromorph.Devices;

/// <summary>Shared plumbing for <see cref="IMemristorModelDefinition"/>s: name, selection and parameter list.</summary>
public abstract class DefinitionBase(string name, string description, MemristorSyntax syntax, int? level, IReadOnlyList<ParameterSpec> parameters)
    : IMemristorModelDefinition
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string Description { get; } = description;

    /// <inheritdoc />
    public MemristorSyntax Syntax { get; } = syntax;

    /// <inheritdoc />
    public int? Level { get; } = level;

    /// <inheritdoc />
    public IReadOnlyList<ParameterSpec> Parameters { get; } = parameters;

    /// <inheritdoc />
    public abstract IMemristorModel Create(IReadOnlyDictionary<string, double> parameters);

    /// <summary>A parameter value by canonical name.</summary>
    protected static double P(IReadOnlyDictionary<string, double> p, string name)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p[name];
    }
}
