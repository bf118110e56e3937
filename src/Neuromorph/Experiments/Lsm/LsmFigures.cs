using Neuromorph.Figures;
using Neuromorph.Networks.Spiking;

namespace Neuromorph.Experiments.Lsm;

/// <summary>The spike raster of a liquid: one marker per spike, time against neuron, excitatory and inhibitory neurons in two colours.</summary>
public static class LsmFigures
{
    /// <summary>Spikes of the liquid (neurons 0..<paramref name="excitatory"/>−1 excitatory, the rest inhibitory) between <paramref name="from"/> and <paramref name="to"/> (s).</summary>
    public static Figure Raster(IReadOnlyList<Spike> spikes, int neurons, int excitatory, double from, double to)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        var shown = spikes.Where(s => s.Time >= from && s.Time < to).ToList();
        var e = shown.Where(s => s.Neuron < excitatory).ToList();
        var i = shown.Where(s => s.Neuron >= excitatory).ToList();
        var panel = new Panel(new FigureAxis("Time (s)"), new FigureAxis("Neuron") { IntegerTicks = true },
        [
            new LineSeries("excitatory", [.. e.Select(s => s.Time)], [.. e.Select(s => (double)s.Neuron)]) { Style = LineStyle.Markers, Color = "#0072B2" },
            new LineSeries("inhibitory", [.. i.Select(s => s.Time)], [.. i.Select(s => (double)s.Neuron)]) { Style = LineStyle.Markers, Color = "#D55E00" },
        ]);
        return Figure.Single("raster", panel) with
        {
            Title = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Spike raster of {neurons} liquid neurons, {to - from:G3} s"),
            Width = 860,
        };
    }
}
