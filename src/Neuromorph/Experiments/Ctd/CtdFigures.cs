using Neuromorph.Figures;

namespace Neuromorph.Experiments.Ctd;

/// <summary>
/// The pictures of a CTD run: <c>trajectory</c> (mean memristor state with its min..max band and a few chosen states),
/// <c>energy</c> (the Lyapunov function, the number of devices held at a bound, and the raster of every state x_i(t),
/// sharing the time axis), and with a QUBO search <c>qubo_restarts</c> (histogram of the restarts' binary energies).
/// Under <c>bounds: hold</c> L is a Lyapunov function only while no device is held: the curve says so in its title and
/// the held-device count shows when that stops being true; under <c>projected</c> it never rises.
/// </summary>
public static class CtdFigures
{
    /// <summary>The figures of a run with times (s), states per time, Lyapunov values and the states shown one by one.</summary>
    /// <param name="times">Output times, seconds.</param>
    /// <param name="states">States at each output time.</param>
    /// <param name="energy">L(x) at each output time.</param>
    /// <param name="shownStates">States drawn one by one in the trajectory.</param>
    /// <param name="restartEnergies">QUBO restart energies (null: no search).</param>
    /// <param name="projected">True when the run projects the flow onto the box (L is then a Lyapunov function throughout).</param>
    public static IReadOnlyList<Figure> Of(IReadOnlyList<double> times, IReadOnlyList<double[]> states, IReadOnlyList<double> energy, IReadOnlyList<int> shownStates, IReadOnlyList<double>? restartEnergies, bool projected = false)
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
        var held = HeldCounts(states);
        var firstHeld = held.FindIndex(h => h > 0);
        var energyLayers = new List<Layer> { new LineSeries("L(x(t))", times, energy) };
        if (!projected && firstHeld >= 0)
        {
            // from here on the held dynamics are not the gradient flow of L: mark it on the curve itself
            energyLayers.Add(new ReferenceLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"first device held (t = {times[firstHeld]:G3} s); L then rises by up to {MaxRise(energy):G3}"), times[firstHeld], ReferenceOrientation.Vertical));
        }

        var honest = projected || firstHeld < 0;
        figures.Add(new Figure("energy", [
            new Panel(time, new FigureAxis(honest ? "Lyapunov function L" : "L(x): Lyapunov only while none held"), energyLayers) { Legend = honest ? LegendPlacement.None : LegendPlacement.Auto },
            new Panel(time, new FigureAxis("Devices held") { IntegerTicks = true }, [new LineSeries("held", times, [.. held.Select(h => (double)h)])]) { Legend = LegendPlacement.None },
            new Panel(time, rowAxis, [raster]) { Legend = LegendPlacement.None },
        ])
        {
            Title = honest
                ? $"Lyapunov function and memristor states ({(states.Count > 0 ? states[0].Length : 0)} memristors)"
                : $"L and memristor states ({(states.Count > 0 ? states[0].Length : 0)} memristors; bounds: hold)",
            SharedX = true,
            PanelHeight = 260,
        });

        if (restartEnergies is { Count: > 0 })
        {
            var panel = new Panel(new FigureAxis("QUBO energy of the binary read-out") { IntegerTicks = Histogram.Integral(restartEnergies) }, new FigureAxis("Restarts") { IntegerTicks = true }, [Histogram.Of("restarts", restartEnergies)]) { Legend = LegendPlacement.None };
            figures.Add(Figure.Single("qubo_restarts", panel) with { Title = $"QUBO energies over {restartEnergies.Count} restarts", PanelHeight = 380 });
        }

        return figures;
    }

    /// <summary>The number of devices at a bound (x ≤ 0 or x ≥ 1) at each output time.</summary>
    public static List<int> HeldCounts(IReadOnlyList<double[]> states)
    {
        ArgumentNullException.ThrowIfNull(states);
        return [.. states.Select(x => x.Count(v => v <= 0 || v >= 1))];
    }

    /// <summary>How far L climbs above its running minimum: the largest L(t) − min over s ≤ t of L(s) (0 when it never rises).</summary>
    public static double MaxRise(IReadOnlyList<double> energy)
    {
        ArgumentNullException.ThrowIfNull(energy);
        var low = double.PositiveInfinity;
        var rise = 0.0;
        foreach (var e in energy)
        {
            low = Math.Min(low, e);
            rise = Math.Max(rise, e - low);
        }

        return rise;
    }
}
