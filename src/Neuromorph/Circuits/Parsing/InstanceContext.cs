namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Where an element line is being expanded: the name prefix of the enclosing subcircuit instances
/// (<c>x1:x2:</c>, empty at top level), the port map, and the parameters in scope.
/// </summary>
public sealed class InstanceContext(string prefix, IReadOnlyDictionary<string, string> ports, ParameterScope scope, IReadOnlyList<string> subcircuitStack)
{
    /// <summary>The top level of the netlist.</summary>
    public static InstanceContext Top(ParameterScope globals) => new("", new Dictionary<string, string>(), globals, []);

    /// <summary>Prefix added to element and internal node names.</summary>
    public string Prefix { get; } = prefix;

    /// <summary>Parameters visible here.</summary>
    public ParameterScope Scope { get; } = scope;

    /// <summary>Subcircuits being expanded, outermost first (for recursion detection).</summary>
    public IReadOnlyList<string> SubcircuitStack { get; } = subcircuitStack;

    /// <summary>The flattened name of an element.</summary>
    public string Name(string local) => Prefix + local;

    /// <summary>The flattened name of a node: ground stays global, ports map to the caller's nodes, others get the prefix.</summary>
    public string Node(string local) =>
        local is "0" or "gnd" ? "0" : ports.TryGetValue(local, out var outer) ? outer : Prefix + local;
}
