using Neuromorph.Circuits.Engine.Elements;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// A circuit ready to simulate: its elements' behaviours, the node names (index = unknown number), and the
/// frozen MNA system. Built from a parsed netlist by <see cref="CircuitBuilder"/>.
/// </summary>
public sealed class Circuit
{
    /// <summary>Creates the circuit and sets up the MNA system for <paramref name="elements"/>.</summary>
    public Circuit(IReadOnlyList<string> nodeNames, IReadOnlyList<ElementBehavior> elements)
    {
        ArgumentNullException.ThrowIfNull(nodeNames);
        ArgumentNullException.ThrowIfNull(elements);
        NodeNames = nodeNames;
        Elements = elements;
        foreach (var n in nodeNames)
        {
            System.AddUnknown($"v({n})", UnknownKind.Voltage);
        }

        foreach (var e in elements)
        {
            e.Setup(System);
        }

        System.Freeze();
        foreach (var e in elements)
        {
            e.Bind(System);
        }

        NodeIndex = nodeNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        ElementIndex = elements.ToDictionary(e => e.Name, e => e, StringComparer.Ordinal);
    }

    /// <summary>Non-ground node names; node i is unknown i.</summary>
    public IReadOnlyList<string> NodeNames { get; }

    /// <summary>Node unknown by name (ground is not in it).</summary>
    public IReadOnlyDictionary<string, int> NodeIndex { get; }

    /// <summary>Elements in netlist order.</summary>
    public IReadOnlyList<ElementBehavior> Elements { get; }

    /// <summary>Elements by name.</summary>
    public IReadOnlyDictionary<string, ElementBehavior> ElementIndex { get; }

    /// <summary>The MNA system.</summary>
    public MnaSystem System { get; } = new();

    /// <summary>Loads every element at the iterate in <paramref name="ctx"/>, adding gmin from each node to ground.</summary>
    public void Load(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        System.Clear();
        foreach (var e in Elements)
        {
            e.Load(System, ctx);
        }

        if (ctx.Gmin > 0)
        {
            for (var i = 0; i < NodeNames.Count; i++)
            {
                System.Add(Diagonal(i), ctx.Gmin);
                System.AddResidual(i, ctx.Gmin * ctx.Solution[i]);
            }
        }
    }

    private int[]? _diagonal;

    private int Diagonal(int i)
    {
        _diagonal ??= [.. Enumerable.Range(0, System.Size).Select(k => System.Matrix.IndexOf(k, k))];
        return _diagonal[i];
    }
}
