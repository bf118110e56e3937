using Neuromorph.Circuits.Elements;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// Runs every analysis of a parsed netlist (.op, .dc, .tran, .ac, in the order the netlist gives) with the MNA engine
/// and returns one <see cref="AnalysisResult"/> per analysis, with the columns <see cref="OutputProbe.Columns"/> lists
/// for it: those its <c>.print</c> asks for (or every node voltage) and the vectors its measurements and control-block
/// outputs read.
/// </summary>
public static class CircuitSimulator
{
    /// <summary>Runs the netlist's analyses in order.</summary>
    public static IReadOnlyList<AnalysisResult> Run(
        Netlist netlist,
        IProgress<double>? progress = null,
        Func<ModelCard, ElementCard, IMemristorModel>? resolveModel = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        var circuit = CircuitBuilder.Build(netlist, resolveModel);
        var settings = SimulationSettings.From(netlist, circuit);
        var analyses = netlist.Analyses.Count > 0 ? netlist.Analyses : [new OpCard(new(netlist.SourceFile, 1, 1))];
        var results = new List<AnalysisResult>();
        for (var k = 0; k < analyses.Count; k++)
        {
            var analysis = analyses[k];
            var columns = OutputProbe.Columns(netlist, analysis);
            if (analysis is AcCard ac)
            {
                results.Add(new AcAnalysis(circuit, settings).Run(ac, columns.Table, columns.Recorded));
                continue;
            }

            if (analysis is TfCard tf)
            {
                results.Add(new TransferFunctionAnalysis(circuit, settings).Run(tf));
                continue;
            }

            if (analysis is SensCard sens)
            {
                results.Add(new SensitivityAnalysis(circuit, settings, netlist).Run(sens));
                continue;
            }

            if (analysis is DcCard temp && temp.Sweeps.Any(s => s.IsTemperature))
            {
                results.Add(TemperatureSweep.Run(netlist, temp, columns, resolveModel));
                continue;
            }

            var probes = columns.Table.Select(i => OutputProbe.Create(circuit, i)).ToList();
            var hidden = columns.Recorded.Select(v => OutputProbe.Create(circuit, v)).ToList();
            var result = analysis switch
            {
                OpCard => new OperatingPointAnalysis(circuit, settings).Run(probes, hidden),
                DcCard dc => new DcSweepAnalysis(circuit, settings).Run(dc, probes, hidden),
                TranCard tran => new TransientAnalysis(circuit, settings).Run(
                    new TransientSettings(tran.Step, tran.Stop, tran.Start, tran.MaxStep ?? MaxStepOption(netlist), tran.UseInitialConditions,
                        netlist.TextOptions.GetValueOrDefault("method") == "gear" ? IntegrationMethod.Gear2 : IntegrationMethod.Trapezoidal, netlist.InitialConditions),
                    probes,
                    progress,
                    cancel,
                    hidden),
                _ => throw new InvalidOperationException($"unknown analysis {analysis}"),
            };
            results.Add(result);
        }

        return results;
    }

    private static double? MaxStepOption(Netlist netlist) =>
        netlist.Options.TryGetValue("maxstep", out var m) && m > 0 ? m : null;
}
