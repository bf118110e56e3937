using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>A <c>.subckt name ports [params: a=1 ...]</c> ... <c>.ends</c> block: ports, default parameters (unevaluated) and body lines.</summary>
public sealed class SubcircuitDefinition(string name, IReadOnlyList<string> ports, IReadOnlyList<(string Name, Token Value, SourceLocation Location)> defaults, SourceLocation location)
{
    /// <summary>Lower-case name.</summary>
    public string Name { get; } = name;

    /// <summary>Port node names in order.</summary>
    public IReadOnlyList<string> Ports { get; } = ports;

    /// <summary>Default parameter values, evaluated per instance.</summary>
    public IReadOnlyList<(string Name, Token Value, SourceLocation Location)> Defaults { get; } = defaults;

    /// <summary>Where the definition starts.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>Lines between .subckt and .ends (nested definitions removed).</summary>
    public List<NetlistLine> Body { get; } = [];

    /// <summary>The subcircuits defined inside this one: local to it, as in ngspice.</summary>
    public Dictionary<string, SubcircuitDefinition> Locals { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a subcircuit named inside the body is looked up: its own locals, then those of each enclosing definition, then the top level.</summary>
    public IReadOnlyList<Dictionary<string, SubcircuitDefinition>> Lookup { get; set; } = [];

    /// <summary>The enclosing definition, if nested.</summary>
    public SubcircuitDefinition? Parent { get; set; }

    /// <summary>Model names defined in this scope (or an enclosing one) that other scopes define too, and the unique names they are stored under.</summary>
    public Dictionary<string, string> ModelNames { get; } = new(StringComparer.Ordinal);

    /// <summary>This definition's own <c>.model</c> lines (name, the name stored under, line): evaluated again per instance, whose parameters they may read.</summary>
    public List<(string Name, string Key, NetlistLine Line)> LocalModels { get; } = [];

    /// <summary>Reads the header line.</summary>
    public static SubcircuitDefinition FromHeader(NetlistLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var r = new LineReader(line, ".subckt name port1 port2 ... [params: name=value ...]");
        var name = r.Word("subcircuit name");
        var ports = new List<string>();
        while (!r.AtEnd && !r.AtAssignment && r.Peek is { Kind: TokenKind.Word } w && w.Text != "params:")
        {
            ports.Add(r.Word("port"));
        }

        r.AcceptWord("params:");
        var defaults = r.Assignments();
        var dup = ports.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new UserInputException(line.Location, $"port '{dup.Key}' appears twice in .subckt {name}");
        }

        return new SubcircuitDefinition(name, ports, defaults, line.Location);
    }
}
