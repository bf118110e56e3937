using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Parses and simulates netlist text in one call.</summary>
internal static class Sim
{
    public static IReadOnlyList<AnalysisResult> Run(string netlist) => CircuitSimulator.Run(NetlistParser.Parse(netlist, "test.cir"));

    public static AnalysisResult Tran(string netlist) => Run(netlist).Single(r => r.Kind == "tran");

    public static double[] Col(this AnalysisResult r, string header) => r.Column(header)!.Values;
}
