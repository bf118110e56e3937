using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements;

/// <summary>
/// Turns a parsed netlist into a <see cref="Circuit"/>: numbers the nodes, builds every element through its kind in
/// the <see cref="ElementCatalog"/>, and rejects circuits SPICE cannot solve (a node with no DC path to ground, a loop
/// of voltage sources and inductors) with located messages.
/// </summary>
public static class CircuitBuilder
{
    /// <summary>Builds the circuit; <paramref name="resolveModel"/> replaces the memristor catalog (tests, studies).</summary>
    public static Circuit Build(Netlist netlist, Func<ModelCard, ElementCard, IMemristorModel>? resolveModel = null)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        if (netlist.Elements.Count == 0)
        {
            throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), "the netlist has no elements", "add elements between the title line and .end");
        }

        var nodeNames = new List<string>();
        var nodeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in netlist.Elements.SelectMany(e => e.Nodes))
        {
            if (name != "0" && !nodeIndex.ContainsKey(name))
            {
                nodeIndex[name] = nodeNames.Count;
                nodeNames.Add(name);
            }
        }

        var ctx = new BuildContext(netlist, nodeIndex, resolveModel);
        var elements = new List<ElementBehavior>(netlist.Elements.Count);
        foreach (var card in netlist.Elements)
        {
            var kind = ElementCatalog.ForCard(card.GetType())
                ?? throw new UserInputException(card.Location, $"element '{card.Name}' is not supported by the circuit engine", $"supported element letters: {ElementCatalog.Letters}");
            var element = kind.Build(card, ctx);
            element.Location = card.Location;
            elements.Add(element);
            foreach (var auxiliary in element.Auxiliaries)
            {
                auxiliary.Location = card.Location;
                elements.Add(auxiliary);
            }
        }

        CheckTopology(netlist, nodeIndex);
        return new Circuit(nodeNames, elements);
    }

    private static void CheckTopology(Netlist netlist, Dictionary<string, int> nodes)
    {
        int Id(string n) => n == "0" ? 0 : nodes[n] + 1;
        var dc = new DisjointSets(nodes.Count + 1);
        var sources = new DisjointSets(nodes.Count + 1);
        // Nodes held by .ic (without uic) and circuits whose transients all start with uic need no DC path.
        var needsOperatingPoint = netlist.Analyses.Count == 0 || netlist.Analyses.Any(a => a is not TranCard { UseInitialConditions: true });
        foreach (var e in netlist.Elements)
        {
            foreach (var (a, b) in e.DcPaths)
            {
                dc.Union(Id(e.Nodes[a]), Id(e.Nodes[b]));
            }

            // an inductor fixes its voltage (a short) only at the operating point; with uic there is none, and a
            // source across an inductor is a current ramp, i = V t / L, as in ngspice
            if (!needsOperatingPoint && e is InductorCard)
            {
                continue;
            }

            foreach (var (a, b) in e.FixedVoltages)
            {
                if (!sources.Union(Id(e.Nodes[a]), Id(e.Nodes[b])))
                {
                    throw new UserInputException(e.Location, $"{e.Name} closes a loop of voltage sources and inductors (nodes {e.Nodes[a]}, {e.Nodes[b]})",
                        "the loop's voltages are over-determined; add a series resistance or remove a source");
                }
            }
        }

        if (!needsOperatingPoint)
        {
            return;
        }

        foreach (var n in netlist.InitialConditions.Keys.Where(nodes.ContainsKey))
        {
            dc.Union(Id(n), 0);
        }

        // a capacitor with IC= is held at that voltage during the operating point (Xyce's semantics)
        foreach (var c in netlist.Elements.OfType<CapacitorCard>().Where(c => c.InitialVoltage is not null))
        {
            dc.Union(Id(c.Nodes[0]), Id(c.Nodes[1]));
        }

        foreach (var e in netlist.Elements)
        {
            foreach (var n in e.Nodes)
            {
                if (dc.Find(Id(n)) != dc.Find(0))
                {
                    throw new UserInputException(e.Location, $"node '{n}' has no DC path to ground",
                        "connect it to ground through a resistor, inductor, source or memristor (capacitors and current sources do not count), or set .ic v(node)=...");
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
