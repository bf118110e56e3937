using System.Diagnostics;
using Neuromorph.Circuits.Elements;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// ngspice's <c>.dc temp start stop step</c> (alone or nested with a source sweep): at each temperature the netlist is
/// re-read and the circuit rebuilt, so temperature laws and <c>temper</c> in parameters, models and instances follow it;
/// each point starts Newton from the previous solution. The independent vector is ngspice's <c>temp-sweep</c>.
/// </summary>
public static class TemperatureSweep
{
    /// <summary>Runs the sweep of <paramref name="card"/> and records <paramref name="columns"/>.</summary>
    public static AnalysisResult Run(Netlist netlist, DcCard card, OutputColumns columns, Func<ModelCard, ElementCard, IMemristorModel>? resolveModel = null)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(columns);
        var clock = Stopwatch.StartNew();
        var reread = netlist.AtTemperature
            ?? throw new UserInputException(card.Location, ".dc temp needs a netlist read from text", "set the temperature with .temp instead");
        var innerIsTemperature = card.Sweeps[0].IsTemperature;
        if (card.Sweeps.Count > 1 && card.Sweeps[1].IsTemperature == innerIsTemperature)
        {
            throw new UserInputException(card.Location, ".dc sweeps the temperature twice", "sweep the temperature and one source");
        }

        var outerValues = card.Sweeps.Count > 1 ? DcSweepAnalysis.Values(card.Sweeps[1]) : [double.NaN];
        var all = columns.Table.Concat(columns.Recorded).ToList();
        var data = all.Select(_ => new List<double>()).ToArray();
        var x = new List<double>();
        double[]? u = null;
        (double T, Circuit Circuit, SimulationSettings Settings, NewtonSolver Newton, List<OutputProbe> Probes)? built = null;
        int iterations = 0, factorisations = 0;
        foreach (var ov in outerValues)
        {
            foreach (var iv in DcSweepAnalysis.Values(card.Sweeps[0]))
            {
                var t = innerIsTemperature ? iv : ov;
                if (built is not { } b || b.T != t)
                {
                    if (built is { } old)
                    {
                        iterations += old.Newton.Iterations;
                        factorisations += old.Newton.Factorisations;
                    }

                    var n = reread(t);
                    var circuit = CircuitBuilder.Build(n, resolveModel);
                    var settings = SimulationSettings.From(n, circuit);
                    built = (t, circuit, settings, new NewtonSolver(circuit, settings.Tolerances), [.. all.Select(v => OutputProbe.Create(circuit, v))]);
                    if (u is null)
                    {
                        u = new double[circuit.System.Size];
                        circuit.Initialise(u);
                    }
                }

                var (_, c, s, newton, probes) = built.Value;
                if (card.Sweeps.Count > 1)
                {
                    var (sweep, value) = innerIsTemperature ? (card.Sweeps[1], ov) : (card.Sweeps[0], iv);
                    DcSweepAnalysis.Source(c, sweep, card).Set(value);
                }

                var ctx = s.Context(useDcValues: true);
                OperatingPoint.Solve(newton, ctx, u!, $"dc sweep point temp = {t:G6}", s.InitialConditions, x.Count == 0 ? s.NodeSets : null);
                ctx.Solution = u!;
                x.Add(iv);
                for (var k = 0; k < all.Count; k++)
                {
                    data[k].Add(probes[k].Read(ctx));
                }
            }
        }

        if (built is { } last)
        {
            iterations += last.Newton.Iterations;
            factorisations += last.Newton.Factorisations;
        }

        var table = columns.Table.Count;
        var stats = new SimulationStatistics(x.Count, x.Count, 0, iterations, factorisations, clock.Elapsed);
        return new AnalysisResult("dc", innerIsTemperature ? DcSweep.TemperatureVector : card.Sweeps[0].Source, [.. x],
            columns.Table.Select((p, k) => new ResultColumn(p.Header, [.. data[k]])).ToList(), stats)
        {
            Vectors = [.. columns.Recorded.Select((p, k) => new ResultColumn(p.Header, [.. data[table + k]]))],
        };
    }
}
