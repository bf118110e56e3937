using System.Diagnostics;
using Neuromorph.Circuits.Netlist;
using Neuromorph.Devices;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// Runs every analysis of a parsed netlist (.op, .dc, .tran) with the MNA engine and returns one
/// <see cref="AnalysisResult"/> per analysis, with the columns its <c>.print</c> asks for (or every node voltage).
/// </summary>
public static class CircuitSimulator
{
    /// <summary>Runs the netlist's analyses in file order.</summary>
    public static IReadOnlyList<AnalysisResult> Run(
        Netlist.Netlist netlist,
        IProgress<double>? progress = null,
        Func<ModelCard, MemristorCard, IMemristorModel>? resolveModel = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        var circuit = CircuitBuilder.Build(netlist, resolveModel);
        var tolerances = new SolverTolerances(
            netlist.Options.GetValueOrDefault("reltol", 1e-3),
            netlist.Options.GetValueOrDefault("abstol", 1e-12),
            netlist.Options.GetValueOrDefault("vntol", 1e-6),
            netlist.Options.GetValueOrDefault("trtol", 7));
        var analyses = netlist.Analyses.Count > 0 ? netlist.Analyses : [new OpCard(new(netlist.SourceFile, 1, 1))];
        var results = new List<AnalysisResult>();
        foreach (var analysis in analyses)
        {
            results.Add(analysis switch
            {
                OpCard => Op(circuit, tolerances, Probes(circuit, netlist, PrintAnalysis.Op)),
                DcCard dc => new DcSweepAnalysis(circuit, tolerances).Run(dc, Probes(circuit, netlist, PrintAnalysis.Dc)),
                TranCard tran => new TransientAnalysis(circuit, tolerances).Run(
                    new TransientSettings(tran.Step, tran.Stop, tran.Start, tran.MaxStep ?? MaxStepOption(netlist), tran.UseInitialConditions,
                        netlist.TextOptions.GetValueOrDefault("method") == "gear" ? IntegrationMethod.Gear2 : IntegrationMethod.Trapezoidal, netlist.InitialConditions),
                    Probes(circuit, netlist, PrintAnalysis.Tran),
                    progress,
                    cancel),
                _ => throw new InvalidOperationException($"unknown analysis {analysis}"),
            });
        }

        return results;
    }

    private static double? MaxStepOption(Netlist.Netlist netlist) =>
        netlist.Options.TryGetValue("maxstep", out var m) && m > 0 ? m : null;

    private static AnalysisResult Op(Circuit circuit, SolverTolerances tolerances, List<OutputProbe> probes)
    {
        var clock = Stopwatch.StartNew();
        var newton = new NewtonSolver(circuit, tolerances);
        var ctx = new LoadContext { UseDcValues = true };
        var u = new double[circuit.System.Size];
        foreach (var m in circuit.Elements.OfType<Elements.Memristor>())
        {
            u[m.State] = m.InitialState;
        }

        OperatingPoint.Solve(newton, ctx, u, "operating point");
        ctx.Solution = u;
        var stats = new SimulationStatistics(1, 1, 0, newton.Iterations, newton.Factorisations, clock.Elapsed);
        return new AnalysisResult("op", "", [], probes.Select(p => new ResultColumn(p.Header, [p.Read(ctx)])).ToList(), stats);
    }

    private static List<OutputProbe> Probes(Circuit circuit, Netlist.Netlist netlist, PrintAnalysis kind)
    {
        var items = netlist.Prints.Where(p => p.Analysis == kind).SelectMany(p => p.Items).ToList();
        return items.Count == 0 ? OutputProbe.Defaults(circuit) : [.. items.Select(i => OutputProbe.Create(circuit, i))];
    }
}
