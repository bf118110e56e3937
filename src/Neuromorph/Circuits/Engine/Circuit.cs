namespace Neuromorph.Circuits.Engine;

/// <summary>
/// A circuit ready to simulate: its elements' behaviours, the node names (index = unknown number), and the
/// frozen MNA system. Built from a parsed netlist by the circuit builder (Circuits/Elements).
/// </summary>
public sealed class Circuit
{
    private readonly IInitialStateBehavior[] _stateful;
    private int[]? _diagonal;

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
            e.CreateUnknowns(System);
        }

        ElementIndex = elements.ToDictionary(e => e.Name, e => e, StringComparer.Ordinal);
        var setup = new SetupContext(System, ElementIndex);
        foreach (var e in elements)
        {
            e.Setup(setup);
        }

        System.Freeze();
        foreach (var e in elements)
        {
            e.Bind(System);
        }

        NodeIndex = nodeNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        _stateful = [.. elements.OfType<IInitialStateBehavior>()];
        IsLinear = elements.All(e => e.IsLinear);
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

    /// <summary>True when every element is linear (one Newton solve suffices).</summary>
    public bool IsLinear { get; }

    /// <summary>Loads every element at the iterate in <paramref name="ctx"/>, adding gmin from each node to ground.</summary>
    public void Load(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        System.Clear();
        ctx.NonConvergence = 0;
        foreach (var e in Elements)
        {
            e.Load(System, ctx);
        }

        foreach (var (node, value) in ctx.HeldNodes)
        {
            const double hold = 1e10;
            System.Add(Diagonal(node), hold);
            System.AddResidual(node, hold * (ctx.Solution[node] - value));
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

    /// <summary>Stores history after an accepted point: element-specific first, then every integration state.</summary>
    public void Accept(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var e in Elements)
        {
            e.Accept(ctx);
        }

        AcceptStates(ctx);
    }

    /// <summary>Stores every integration state's present value as history (the start of a transient with <c>uic</c>, whose values the elements' IC= set).</summary>
    public void AcceptStates(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var d in System.Derivatives)
        {
            d.Accept(ctx);
        }
    }

    /// <summary>Writes device initial states into <paramref name="u"/>.</summary>
    public void Initialise(double[] u)
    {
        foreach (var s in _stateful)
        {
            s.Initialise(u);
        }
    }

    /// <summary>Keeps device states inside their ranges.</summary>
    public void Clamp(double[] u)
    {
        foreach (var s in _stateful)
        {
            s.Clamp(u);
        }
    }

    /// <summary>The value index of diagonal entry (i, i).</summary>
    public int Diagonal(int i)
    {
        _diagonal ??= [.. Enumerable.Range(0, System.Size).Select(k => System.Matrix.IndexOf(k, k))];
        return _diagonal[i];
    }

    /// <summary>The unknown's name and the nonlinear elements its equation involves, for messages (e.g. <c>v(x1:x) (x1:bx, x1:cx)</c>).</summary>
    public string Describe(int unknown)
    {
        var names = Elements.Where(e => !e.IsLinear && (e.Nodes.Contains(unknown) || e.OwnUnknowns.Contains(unknown))).Select(e => e.Name).Take(4).ToList();
        return names.Count == 0 ? System.Names[unknown] : $"{System.Names[unknown]} (element {string.Join(", ", names)})";
    }

    /// <summary>
    /// The element whose stamps are not finite at the iterate in <paramref name="ctx"/>, or null. Nonlinear elements
    /// (expressions, device models) are searched first: a linear element only overflows when the iterate itself has
    /// already run away, so it is named only when no nonlinear element produced a non-finite value.
    /// </summary>
    public ElementBehavior? FindNonFinite(LoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        foreach (var e in Elements.Where(e => !e.IsLinear).Concat(Elements.Where(e => e.IsLinear)))
        {
            System.Clear();
            e.Load(System, ctx);
            if (System.Matrix.Values.Any(v => !double.IsFinite(v)) || System.Residual.Any(v => !double.IsFinite(v)))
            {
                return e;
            }
        }

        return null;
    }
}
