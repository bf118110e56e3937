using System.Diagnostics;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// <c>.tf</c>: ngspice's TFanal. At the operating point, a unit excitation of the input source (1 V on a voltage
/// source's branch, 1 A through a current source) gives the transfer function (the output's response) and the input
/// resistance (-1/branch current, or the voltage across the current source); a unit current into the output node pair
/// (or 1 V in the output source's branch) gives the output resistance. The columns carry ngspice's names:
/// <c>transfer_function</c>, <c>vin#input_impedance</c>, <c>output_impedance_at_v(out)</c> or <c>vout#output_impedance</c>.
/// </summary>
public sealed class TransferFunctionAnalysis(Circuit circuit, SimulationSettings settings)
{
    /// <summary>ngspice's stand-in for an infinite resistance (a branch current below 1e-20).</summary>
    public const double Infinite = 1e20;

    /// <summary>Runs the analysis of <paramref name="card"/>.</summary>
    public AnalysisResult Run(TfCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var clock = Stopwatch.StartNew();
        if (!circuit.ElementIndex.TryGetValue(card.Source, out var input) || input is not (VoltageSource or CurrentSource))
        {
            throw new UserInputException(card.Location, input is null ? $".tf: no source '{card.Source}'" : $".tf: '{card.Source}' is not an independent voltage or current source",
                Suggestions.Hint(card.Source, [.. circuit.Elements.Where(e => e is VoltageSource or CurrentSource).Select(e => e.Name)]));
        }

        var (pos, neg, outBranch) = Output(card.Output);
        var lin = DcLinearisation.At(circuit, settings, ".tf analysis");
        var x = input is VoltageSource v ? lin.Excitation(v.Branch, -1) : lin.Excitation(input.Nodes[1], input.Nodes[0]);
        lin.Solve(x);
        var transfer = outBranch >= 0 ? x[outBranch] : DcLinearisation.Difference(x, pos, neg);
        var inputResistance = input is VoltageSource vs
            ? Math.Abs(x[vs.Branch]) < 1e-20 ? Infinite : -1 / x[vs.Branch]
            : DcLinearisation.Difference(x, input.Nodes[1], input.Nodes[0]);
        double outputResistance;
        if (outBranch >= 0 && string.Equals(card.Output.Target, card.Source, StringComparison.OrdinalIgnoreCase))
        {
            outputResistance = inputResistance;
        }
        else if (outBranch >= 0)
        {
            var y = lin.Excitation(outBranch, -1);
            lin.Solve(y);
            outputResistance = 1 / Math.Max(1e-20, y[outBranch]);
        }
        else
        {
            var y = lin.Excitation(neg, pos);
            lin.Solve(y);
            outputResistance = DcLinearisation.Difference(y, neg, pos);
        }

        var outputName = outBranch >= 0 ? $"{card.Output.Target}#output_impedance" : $"output_impedance_at_{card.Output.Header}";
        var stats = new SimulationStatistics(1, 1, 0, lin.NewtonIterations, 1, clock.Elapsed);
        return new AnalysisResult("tf", "", [],
            [
                new ResultColumn("transfer_function", [transfer]),
                new ResultColumn($"{card.Source}#input_impedance", [inputResistance]),
                new ResultColumn(outputName, [outputResistance]),
            ],
            stats);
    }

    /// <summary>The output's node pair, or its branch (a current i(vsrc)).</summary>
    private (int Pos, int Neg, int Branch) Output(OutputVariable v)
    {
        if (v.Kind == OutputKind.Voltage)
        {
            return (OutputProbe.NodeOf(circuit, v.Target, v), v.Reference is null ? -1 : OutputProbe.NodeOf(circuit, v.Reference, v), -1);
        }

        var e = OutputProbe.ElementOf(circuit, v.Target, v);
        return e.Branch >= 0 ? (-1, -1, e.Branch)
            : throw new UserInputException(v.Location, $"{v.Header}: the output current must be a voltage source's (or another element with a branch current)", $"put a 0 V source in series with {v.Target} and name its current");
    }
}
