using System.Diagnostics;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// DC sweep of one or two independent sources (the second is the outer loop, as in SPICE); each point starts
/// Newton from the previous solution.
/// </summary>
public sealed class DcSweepAnalysis(Circuit circuit, SimulationSettings settings)
{
    /// <summary>Runs the sweep; the independent column is the inner source's value.</summary>
    public AnalysisResult Run(DcCard card, IReadOnlyList<OutputProbe> probes, IReadOnlyList<OutputProbe>? hidden = null)
    {
        hidden ??= [];
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(probes);
        var clock = Stopwatch.StartNew();
        var newton = new NewtonSolver(circuit, settings.Tolerances);
        var ctx = settings.Context(useDcValues: true);
        var u = new double[circuit.System.Size];
        circuit.Initialise(u);
        var all = probes.Concat(hidden).ToList();
        var first = true;

        var inner = Source(card.Sweeps[0], card);
        (Func<double> Get, Action<double> Set)? outer = card.Sweeps.Count > 1 ? Source(card.Sweeps[1], card) : null;
        var outerValues = card.Sweeps.Count > 1 ? Values(card.Sweeps[1]) : [double.NaN];
        var x = new List<double>();
        var columns = all.Select(_ => new List<double>()).ToArray();
        var originalInner = inner.Get();
        var originalOuter = outer?.Get() ?? 0;
        foreach (var ov in outerValues)
        {
            outer?.Set(ov);
            foreach (var iv in Values(card.Sweeps[0]))
            {
                inner.Set(iv);
                OperatingPoint.Solve(newton, ctx, u, $"dc sweep point {card.Sweeps[0].Source} = {iv:G6}", settings.InitialConditions, first ? settings.NodeSets : null);
                first = false;
                ctx.Solution = u;
                x.Add(iv);
                for (var k = 0; k < all.Count; k++)
                {
                    columns[k].Add(all[k].Read(ctx));
                }
            }
        }

        inner.Set(originalInner);
        outer?.Set(originalOuter);
        var stats = new SimulationStatistics(x.Count, x.Count, 0, newton.Iterations, newton.Factorisations, clock.Elapsed);
        return new AnalysisResult("dc", card.Sweeps[0].Source, [.. x], probes.Select((p, k) => new ResultColumn(p.Header, [.. columns[k]])).ToList(), stats)
        {
            Vectors = [.. hidden.Select((p, k) => new ResultColumn(p.Header, [.. columns[probes.Count + k]]))],
        };
    }

    /// <summary>The values a sweep takes, start to stop.</summary>
    internal static double[] Values(DcSweep s)
    {
        var n = (int)Math.Floor(((s.Stop - s.Start) / s.Step) + 1e-9) + 1;
        return [.. Enumerable.Range(0, n).Select(k => s.Start + (k * s.Step))];
    }

    private (Func<double> Get, Action<double> Set) Source(DcSweep sweep, DcCard card) => Source(circuit, sweep, card);

    /// <summary>Reads and sets the DC value of the independent source <paramref name="sweep"/> varies; a located error otherwise.</summary>
    internal static (Func<double> Get, Action<double> Set) Source(Circuit circuit, DcSweep sweep, DcCard card)
    {
        if (!circuit.ElementIndex.TryGetValue(sweep.Source, out var e) || e is not (VoltageSource or CurrentSource))
        {
            throw new UserInputException(card.Location, $".dc sweeps '{sweep.Source}', which is not an independent source",
                Suggestions.Hint(sweep.Source, circuit.Elements.Where(el => el is VoltageSource or CurrentSource).Select(el => el.Name).ToList()));
        }

        return e is VoltageSource v ? (() => v.Dc, d => v.Dc = d) : (() => ((CurrentSource)e).Dc, d => ((CurrentSource)e).Dc = d);
    }
}
