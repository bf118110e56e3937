using Neuromorph.Figures;

namespace Neuromorph.Experiments.Ctd;

/// <summary>
/// The pictures of a CTD run: <c>trajectory</c> (mean memristor state with its min..max band and a few chosen states),
/// <c>energy</c> (the Lyapunov function over the raster of every state x_i(t), sharing the time axis), and with a
/// QUBO search <c>qubo_restarts</c> (histogram of the restarts' binary energies).
/// </summary>
public static class CtdFigures
{
    /// <summary>The figures of a run with times (s), states per time, Lyapunov values and the states shown one by one.</summary>
    public static IReadOnlyList<Figure> Of(IReadOnlyList<double> times, IReadOnlyList<double[]> states, IReadOnlyList<double> energy, IReadOnlyList<int> shownStates, IReadOnlyList<double>? restartEnergies)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(energy);
        ArgumentNullException.ThrowIfNull(shownStates);
        var time = new FigureAxis("Time", "s");
        var mean = states.Select(s => s.Average()).ToArray();
        var trajectory = new List<Layer>
        {
            new Band("min..max", times, [.. states.Select(s => s.Min())], [.. states.Select(s => s.Max())]),
            new LineSeries("mean", times, mean) { Width = 2.2 },
        };
        trajectory.AddRange(shownStates.Take(6).Select(i => new LineSeries($"x{i}", times, [.. states.Select(s => s[i])]) { Style = LineStyle.Dashed }));
        var figures = new List<Figure>
        {
            Figure.Single("trajectory", new Panel(time, new FigureAxis("Memristor state x"), trajectory)) with { Title = "Memristor states" },
        };

        var (raster, rows) = Raster.Of(times, states, new FigureAxis("x_i"), maxRows: 96);
        var rowAxis = new FigureAxis("Memristor i") { Ticks = Raster.RowTicks(rows, k => k.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        figures.Add(new Figure("energy", [
            new Panel(time, new FigureAxis("Lyapunov function L"), [new LineSeries("L(x(t))", times, energy)]) { Legend = LegendPlacement.None },
            new Panel(time, rowAxis, [raster]) { Legend = LegendPlacement.None },
        ])
        { Title = $"Lyapunov function and memristor states ({(states.Count > 0 ? states[0].Length : 0)} memristors)", SharedX = true, PanelHeight = 300 });

        if (restartEnergies is { Count: > 0 })
        {
            var panel = new Panel(new FigureAxis("QUBO energy of the binary read-out") { IntegerTicks = Histogram.Integral(restartEnergies) }, new FigureAxis("Restarts") { IntegerTicks = true }, [Histogram.Of("restarts", restartEnergies)]) { Legend = LegendPlacement.None };
            figures.Add(Figure.Single("qubo_restarts", panel) with { Title = $"QUBO energies over {restartEnergies.Count} restarts", PanelHeight = 380 });
        }

        return figures;
    }
}
