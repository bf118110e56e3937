using Neuromorph.Circuits.Expressions;

namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// Where an element line is being expanded: the name prefix of the enclosing subcircuit instances
/// (<c>x1:x2:</c>, empty at top level), the port map, the parameters in scope and the <c>.global</c> nodes.
/// </summary>
public sealed class InstanceContext(string prefix, IReadOnlyDictionary<string, string> ports, ParameterScope scope, IReadOnlyList<string> subcircuitStack, IReadOnlySet<string> globals)
{
    /// <summary>The top level of the netlist.</summary>
    public static InstanceContext Top(ParameterScope globals, IReadOnlySet<string>? globalNodes = null) =>
        new("", new Dictionary<string, string>(), globals, [], globalNodes ?? new HashSet<string>());

    /// <summary>Prefix added to element and internal node names.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>Parameters visible here.</summary>
    public ParameterScope Scope { get; } = scope;

    /// <summary>Subcircuits being expanded, outermost first (for recursion detection).</summary>
    public IReadOnlyList<string> SubcircuitStack { get; } = subcircuitStack;

    /// <summary>Node names declared by <c>.global</c> (never prefixed).</summary>
    public IReadOnlySet<string> Globals { get; } = globals;

    /// <summary>The flattened name of an element.</summary>
    public string Name(string local) => Prefix + local;

    /// <summary>The flattened name of a node: ground and globals stay global, ports map to the caller's nodes, others get the prefix.</summary>
    public string Node(string local) =>
        local is "0" or "gnd" or "gnd!" ? "0"
        : ports.TryGetValue(local, out var outer) ? outer
        : Globals.Contains(local) ? local
        : Prefix + local;

    /// <summary>How names resolve in a behavioural value here: parameters, functions, nodes and elements of this instance.</summary>
    public BindingScope Behavioral(string context) => new()
    {
        Parameter = Scope.Lookup,
        Function = Scope.Function,
        Names = () => Scope.Names,
        Node = Node,
        Element = Name,
        Context = context,
        Temperature = Scope.Temperature,
    };

    /// <summary>Parses and binds a behavioural expression in this instance.</summary>
    public Expression Bind(ExpressionSource source, string context)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ExpressionBinder.Bind(Scope.Parse(source), source, Behavioral(context));
    }
}
