using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// The figures of one analysis of a netlist run (<c>simulate</c>, <c>kind: netlist</c>): a stack of panels sharing the x axis, one per quantity (voltages,
/// currents, memristor states, resistances) for .tran and .dc, a panel of more than a few dozen signals drawn as their
/// median, 5–95 % band and a few sample traces (<see cref="SignalSummary"/>); a Bode plot (magnitude in dB and phase in degrees against
/// log frequency) for .ac; and one figure per <see cref="PlotRequest"/> "Y vs X" (an I–V loop drawn as traced). Stepped decks get one
/// series per <c>.step</c> value (<see cref="SteppedRun"/>).
/// </summary>
public static class ResultPlots
{
    /// <summary>The figures of <paramref name="output"/>, named after it (<c>tran</c>, <c>tran_plot1</c> ...); none for op.</summary>
    public static IReadOnlyList<Figure> Figures(AnalysisOutput output, IReadOnlyList<PlotRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(requests);
        var first = output.Runs[0].Result;
        if (output.Kind == "op" || first.Independent.Length < 2)
        {
            return [];
        }

        var figures = new List<Figure>();
        var stepped = output.StepNames.Count > 0;
        figures.Add(output.Kind == "ac" ? Bode(output) : stepped ? SteppedRun.Figure(output) : Stacked(output.Name, first));
        for (var k = 0; k < requests.Count; k++)
        {
            if (Request(output, requests[k], $"{output.Name}_plot{k + 1}") is { } figure)
            {
                figures.Add(figure);
            }
        }

        return figures;
    }

    /// <summary>The x axis of an analysis: time, the swept source (V or A), or frequency on a log scale.</summary>
    public static FigureAxis XAxis(AnalysisOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = output.Runs[0].Result.IndependentName;
        return output.Kind switch
        {
            "tran" => new FigureAxis("Time", "s"),
            "ac" => FigureAxis.Log("Frequency", "Hz"),
            _ => new FigureAxis(name, name.StartsWith('i') ? "A" : "V"),
        };
    }

    /// <summary>Quantity and unit of a result column from its header: v( volts, i( amperes, r( ohms, x( memristor state.</summary>
    public static (string Label, string Unit) Quantity(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return header switch
        {
            "time" => ("Time", "s"),
            "frequency" => ("Frequency", "Hz"),
            _ when header.StartsWith("vdb(", StringComparison.Ordinal) || header.StartsWith("idb(", StringComparison.Ordinal) => ("Magnitude", "dB"),
            _ when header.StartsWith("vp(", StringComparison.Ordinal) || header.StartsWith("ip(", StringComparison.Ordinal) => ("Phase", "rad"),
            _ when header.StartsWith('v') && header.Contains('(', StringComparison.Ordinal) => ("Voltage", "V"),
            _ when header.StartsWith('i') && header.Contains('(', StringComparison.Ordinal) => ("Current", "A"),
            _ when header.StartsWith("r(", StringComparison.Ordinal) || header.EndsWith(":r)", StringComparison.Ordinal) => ("Resistance", "Ω"),
            _ when header.StartsWith("x(", StringComparison.Ordinal) || header.EndsWith("_x)", StringComparison.Ordinal) => ("Memristor state", ""),
            _ => (header, ""),
        };
    }

    private static Figure Stacked(string name, AnalysisResult result)
    {
        var x = XAxis(new AnalysisOutput(name, result.Kind, [], [new StepRun(new Dictionary<string, double>(), result)]));
        var panels = result.Columns.GroupBy(c => Quantity(c.Header))
            .Select(g => new Panel(x, new FigureAxis(g.Key.Label, g.Key.Unit), SignalSummary.Layers(result.Independent, [.. g.Select(c => (c.Header, (IReadOnlyList<double>)c.Values))])))
            .ToList();
        return new Figure(name, panels) { Title = $"{result.Kind} analysis", SharedX = true };
    }

    /// <summary>
    /// Bode plot of an .ac analysis: magnitudes (vm, v, im, i) as 20·log10 in dB with vdb columns, phases (vp, ip) in
    /// degrees, real and imaginary parts in a third panel; one series per column (and per step).
    /// </summary>
    private static Figure Bode(AnalysisOutput output)
    {
        var x = XAxis(output);
        var magnitude = new List<Layer>();
        var phase = new List<Layer>();
        var parts = new List<Layer>();
        foreach (var (step, result) in output.Runs)
        {
            var suffix = output.StepNames.Count == 0 ? "" : " " + SteppedRun.Label(output.StepNames, step);
            foreach (var c in result.Columns)
            {
                var h = c.Header;
                if (h.StartsWith("vp(", StringComparison.Ordinal) || h.StartsWith("ip(", StringComparison.Ordinal))
                {
                    phase.Add(new LineSeries(h + suffix, result.Independent, [.. c.Values.Select(v => v * 180 / Math.PI)]));
                }
                else if (h.StartsWith("vdb(", StringComparison.Ordinal) || h.StartsWith("idb(", StringComparison.Ordinal))
                {
                    magnitude.Add(new LineSeries(h + suffix, result.Independent, c.Values));
                }
                else if (h.StartsWith("vr(", StringComparison.Ordinal) || h.StartsWith("vi(", StringComparison.Ordinal) || h.StartsWith("ir(", StringComparison.Ordinal) || h.StartsWith("ii(", StringComparison.Ordinal))
                {
                    parts.Add(new LineSeries(h + suffix, result.Independent, c.Values));
                }
                else
                {
                    magnitude.Add(new LineSeries($"20·log10 {h}{suffix}", result.Independent, [.. c.Values.Select(v => v > 0 ? 20 * Math.Log10(v) : double.NaN)]));
                }
            }
        }

        var panels = new List<Panel>();
        if (magnitude.Count > 0)
        {
            panels.Add(new Panel(x, new FigureAxis("Magnitude", "dB"), magnitude));
        }

        if (phase.Count > 0)
        {
            panels.Add(new Panel(x, new FigureAxis("Phase", "°"), phase));
        }

        if (parts.Count > 0)
        {
            panels.Add(new Panel(x, new FigureAxis("Real / imaginary part"), parts));
        }

        return new Figure(output.Name, panels) { Title = "ac analysis (Bode plot)", SharedX = true };
    }

    private static Figure? Request(AnalysisOutput output, PlotRequest request, string name)
    {
        var layers = new List<Layer>();
        foreach (var run in output.Runs)
        {
            if (PlotRequest.Resolve(run, request.Y) is not { } y || PlotRequest.Resolve(run, request.X) is not { } x)
            {
                return null;
            }

            layers.Add(new LineSeries(output.StepNames.Count == 0 ? y.Header : SteppedRun.Label(output.StepNames, run.Step), x.Values, y.Values));
        }

        var (yq, xq) = (Quantity(request.Y), Quantity(request.X));
        var xAxis = request.X == "frequency" ? FigureAxis.Log(request.X, "Hz") : new FigureAxis(request.X, xq.Unit);
        var panel = new Panel(xAxis, new FigureAxis(request.Y, yq.Unit), layers) { Legend = layers.Count > 1 ? LegendPlacement.Auto : LegendPlacement.None };
        return new Figure(name, [panel]) { Title = $"{request.Y} vs {request.X}", Width = 620, PanelHeight = 520 };
    }
}
