using Neuromorph.Circuits.Engine.Elements;
using Neuromorph.Circuits.Netlist;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// Turns a parsed netlist into a <see cref="Circuit"/>: numbers the nodes, creates element behaviours, builds
/// memristor devices through <see cref="MemristorCatalog"/>, and rejects circuits SPICE cannot solve
/// (a node with no DC path to ground, a loop of voltage sources and inductors) with located messages.
/// </summary>
public static class CircuitBuilder
{
    /// <summary>Builds the circuit; <paramref name="resolveModel"/> replaces the catalog (tests, studies).</summary>
    public static Circuit Build(Netlist.Netlist netlist, Func<ModelCard, MemristorCard, IMemristorModel>? resolveModel = null)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        resolveModel ??= MemristorCatalog.Create;
        var nodeNames = new List<string>();
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Node(string name)
        {
            if (name == "0")
            {
                return -1;
            }

            if (!nodeIndex.TryGetValue(name, out var i))
            {
                i = nodeNames.Count;
                nodeIndex[name] = i;
                nodeNames.Add(name);
            }

            return i;
        }

        if (netlist.Elements.Count == 0)
        {
            throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), "the netlist has no elements", "add elements between the title line and .end");
        }

        var elements = new List<ElementBehavior>();
        foreach (var card in netlist.Elements)
        {
            var n = card.Nodes.Select(Node).ToArray();
            elements.Add(card switch
            {
                ResistorCard r => new Resistor(r.Name, n[0], n[1], r.Resistance),
                CapacitorCard c => new Capacitor(c.Name, n[0], n[1], c.Capacitance),
                InductorCard l => new Inductor(l.Name, n[0], n[1], l.Inductance),
                SourceCard { Kind: SourceKind.Voltage } v => new VoltageSource(v.Name, n[0], n[1], v.Dc, v.Waveform),
                SourceCard i => new CurrentSource(i.Name, n[0], n[1], i.Dc, i.Waveform),
                ControlledSourceCard { Kind: ControlledSourceKind.Vcvs } e => new Vcvs(e.Name, n, e.Gain),
                ControlledSourceCard g => new Vccs(g.Name, n, g.Gain),
                MemristorCard m => new Memristor(m.Name, n[0], n[1], resolveModel(FindModel(netlist, m), m)),
                _ => throw new UserInputException(card.Location, $"element '{card.Name}' is not supported by the circuit engine"),
            });
        }

        CheckTopology(netlist, nodeNames);
        return new Circuit(nodeNames, elements);
    }

    private static ModelCard FindModel(Netlist.Netlist netlist, MemristorCard m)
    {
        if (netlist.Models.TryGetValue(m.ModelName, out var model))
        {
            return model;
        }

        throw new UserInputException(m.Location, $"unknown model '{m.ModelName}' for memristor {m.Name}", Suggestions.Closest(m.ModelName, netlist.Models.Keys) is { } c
            ? $"did you mean '{c}'?"
            : $"define it with .model {m.ModelName} memristor (level=... )");
    }

    private static void CheckTopology(Netlist.Netlist netlist, List<string> nodes)
    {
        var index = nodes.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i + 1, StringComparer.Ordinal);
        int Id(string n) => n == "0" ? 0 : index[n];
        var dc = new DisjointSets(nodes.Count + 1);
        var sources = new DisjointSets(nodes.Count + 1);
        foreach (var e in netlist.Elements)
        {
            int a = Id(e.Nodes[0]), b = Id(e.Nodes[1]);
            var conducts = e is ResistorCard or InductorCard or MemristorCard or SourceCard { Kind: SourceKind.Voltage } or ControlledSourceCard { Kind: ControlledSourceKind.Vcvs };
            if (conducts)
            {
                dc.Union(a, b);
            }

            if (e is InductorCard or SourceCard { Kind: SourceKind.Voltage } or ControlledSourceCard { Kind: ControlledSourceKind.Vcvs })
            {
                if (!sources.Union(a, b))
                {
                    throw new UserInputException(e.Location, $"{e.Name} closes a loop of voltage sources and inductors (nodes {e.Nodes[0]}, {e.Nodes[1]})",
                        "the loop's voltages are over-determined; add a series resistance or remove a source");
                }
            }
        }

        foreach (var e in netlist.Elements)
        {
            foreach (var n in e.Nodes)
            {
                if (dc.Find(Id(n)) != dc.Find(0))
                {
                    throw new UserInputException(e.Location, $"node '{n}' has no DC path to ground",
                        "connect it to ground through a resistor, inductor, source or memristor (capacitors and current sources do not count)");
                }
            }
        }
    }

    private sealed class DisjointSets
    {
        private readonly int[] _parent;

        public DisjointSets(int n) => _parent = [.. Enumerable.Range(0, n)];

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        public bool Union(int a, int b)
        {
            int ra = Find(a), rb = Find(b);
            if (ra == rb)
            {
                return false;
            }

            _parent[ra] = rb;
            return true;
        }
    }
}
