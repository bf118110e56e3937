using Neuromorph.Figures;

namespace Neuromorph.Experiments.Continuous;

/// <summary>
/// The pictures of a CTRNN run: <c>trajectories</c> (every neuron's state y_i against time, up to eight) and, with two
/// or more neurons, <c>phase_plane</c> (y2 against y1, the start marked).
/// </summary>
public static class CtrnnFigures
{
    /// <summary>Neurons drawn at most in the trajectory figure.</summary>
    public const int MaxNeurons = 8;

    /// <summary>The figures of a run with accepted times and the states at them.</summary>
    public static IReadOnlyList<Figure> Of(IReadOnlyList<double> times, IReadOnlyList<double[]> states)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(states);
        var n = states.Count > 0 ? states[0].Length : 0;
        var traces = Enumerable.Range(0, Math.Min(n, MaxNeurons))
            .Select(i => (Layer)new LineSeries($"y{i + 1}", times, [.. states.Select(s => s[i])]) { Color = Palette.At(i) }).ToList();
        var figures = new List<Figure>
        {
            Figure.Single("trajectories", new Panel(new FigureAxis("Time"), new FigureAxis("Neuron state y"), traces))
                with { Title = n > MaxNeurons ? $"Neuron states (first {MaxNeurons} of {n})" : "Neuron states" },
        };
        if (n >= 2 && states.Count > 0)
        {
            var orbit = new LineSeries("trajectory", [.. states.Select(s => s[0])], [.. states.Select(s => s[1])]);
            var start = new LineSeries("start", [states[0][0]], [states[0][1]]) { Style = LineStyle.Markers };
            figures.Add(Figure.Single("phase_plane", new Panel(new FigureAxis("y1"), new FigureAxis("y2"), [orbit, start])) with { Title = "Phase plane of neurons 1 and 2" });
        }

        return figures;
    }
}
