using System.Diagnostics;
using Neuromorph.Circuits.Engine;

namespace Neuromorph.Circuits.Analyses;

/// <summary><c>.op</c>: the DC operating point (device states at their initial values, <c>.ic</c> nodes held).</summary>
public sealed class OperatingPointAnalysis(Circuit circuit, SimulationSettings settings)
{
    /// <summary>Solves and reads <paramref name="probes"/> (and <paramref name="hidden"/> vectors) at the solution.</summary>
    public AnalysisResult Run(IReadOnlyList<OutputProbe> probes, IReadOnlyList<OutputProbe>? hidden = null)
    {
        ArgumentNullException.ThrowIfNull(probes);
        var clock = Stopwatch.StartNew();
        var newton = new NewtonSolver(circuit, settings.Tolerances);
        var ctx = settings.Context(useDcValues: true);
        var u = Solve(circuit, settings, newton, ctx, "operating point");
        var stats = new SimulationStatistics(1, 1, 0, newton.Iterations, newton.Factorisations, clock.Elapsed);
        return new AnalysisResult("op", "", [], probes.Select(p => new ResultColumn(p.Header, [p.Read(ctx)])).ToList(), stats)
        {
            Vectors = [.. (hidden ?? []).Select(p => new ResultColumn(p.Header, [p.Read(ctx)]))],
        };
    }

    /// <summary>Solves the operating point of <paramref name="circuit"/> from the device initial states; the solution is left in <paramref name="ctx"/>.</summary>
    public static double[] Solve(Circuit circuit, SimulationSettings settings, NewtonSolver newton, LoadContext ctx, string what)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ctx);
        var u = new double[circuit.System.Size];
        circuit.Initialise(u);
        OperatingPoint.Solve(newton, ctx, u, what, settings.InitialConditions, settings.NodeSets, OperatingPoint.HasCapacitorIc(circuit));
        ctx.Solution = u;
        return u;
    }
}
