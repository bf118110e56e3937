using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>What every analysis of one netlist shares: tolerances, temperature, junction gmin, held and guessed nodes.</summary>
public sealed record SimulationSettings(
    SolverTolerances Tolerances,
    double Temperature,
    double JunctionGmin,
    IReadOnlyList<(int Node, double Value)> InitialConditions,
    IReadOnlyList<(int Node, double Value)> NodeSets)
{
    /// <summary>Reads the settings of <paramref name="netlist"/> for <paramref name="circuit"/>; unknown .ic/.nodeset nodes are located errors.</summary>
    public static SimulationSettings From(Netlist netlist, Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(circuit);
        var tolerances = new SolverTolerances(
            netlist.Options.GetValueOrDefault("reltol", 1e-3),
            netlist.Options.GetValueOrDefault("abstol", 1e-12),
            netlist.Options.GetValueOrDefault("vntol", 1e-6),
            netlist.Options.GetValueOrDefault("trtol", 7));
        List<(int, double)> Nodes(Dictionary<string, double> values, string what) => [.. values.Select(p => circuit.NodeIndex.TryGetValue(p.Key, out var i)
            ? (i, p.Value)
            : throw new UserInputException(new SourceLocation(netlist.SourceFile, 1, 1), $"{what} sets v({p.Key}), but there is no node '{p.Key}'", Suggestions.Hint(p.Key, circuit.NodeNames.ToList())))];
        return new SimulationSettings(tolerances, netlist.Temperature, netlist.Options.GetValueOrDefault("gmin", 1e-12), Nodes(netlist.InitialConditions, ".ic"), Nodes(netlist.NodeSets, ".nodeset"));
    }

    /// <summary>A load context for an analysis, at the netlist's temperature.</summary>
    public LoadContext Context(bool useDcValues) => new() { UseDcValues = useDcValues, Temperature = Temperature, JunctionGmin = JunctionGmin };
}
