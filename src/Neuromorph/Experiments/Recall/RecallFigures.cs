using System.Globalization;
using Neuromorph.Figures;
using Neuromorph.Networks;

namespace Neuromorph.Experiments.Recall;

/// <summary>
/// The pictures of a recall run: <c>overlap</c> (mean overlap with the stored pattern against update step, one panel per
/// load and one line per probe noise) and <c>recall</c> (final overlap against load, one line per probe noise; for a
/// Hopfield network with the classic capacity 0.138 N marked).
/// </summary>
public static class RecallFigures
{
    /// <summary>Loads drawn as panels of the overlap figure at most (evenly chosen).</summary>
    public const int MaxPanels = 4;

    /// <summary>Both figures of <paramref name="result"/>; <paramref name="synchronous"/> when the network updated all neurons at once (on a substrate).</summary>
    public static IReadOnlyList<Figure> Of(RecallSpec spec, RecallResult result, bool synchronous = false)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<Figure>();
        var hopfield = spec.Network == RecallNetwork.Hopfield;
        var loads = result.Trajectories.Select(t => t.Load).Distinct().Order().ToList();
        if (loads.Count > 0)
        {
            var shown = loads.Count <= MaxPanels ? loads : [.. Enumerable.Range(0, MaxPanels).Select(k => loads[k * (loads.Count - 1) / (MaxPanels - 1)]).Distinct()];
            var step = new FigureAxis(hopfield ? (synchronous ? "Synchronous update step" : "Sweep (N asynchronous updates)") : "Iteration (A → B → A)") { IntegerTicks = true };
            var panels = shown.Select(load =>
            {
                var layers = result.Trajectories.Where(t => t.Load == load).OrderBy(t => t.ProbeNoise)
                    .Select(t => (Layer)new LineSeries(string.Create(CultureInfo.InvariantCulture, $"probe noise {t.ProbeNoise:G3}"), [.. Enumerable.Range(0, t.Overlap.Count).Select(i => (double)i)], t.Overlap) { Style = LineStyle.LineAndMarkers })
                    .ToList();
                var name = hopfield ? string.Create(CultureInfo.InvariantCulture, $"Overlap, P/N = {load:G3}") : string.Create(CultureInfo.InvariantCulture, $"Overlap of B, {load:G3} pairs");
                return new Panel(step, new FigureAxis(name), layers) { Legend = LegendPlacement.Outside };
            }).ToList();
            figures.Add(new Figure("overlap", panels) { Title = $"{(hopfield ? "Hopfield" : "BAM")} recall: overlap with the stored pattern during recall", SharedX = true, Width = 860, PanelHeight = 220 });
        }

        var table = hopfield
            ? result.Hopfield.Select(c => (X: c.Load, c.ProbeNoise, c.Overlap)).ToList()
            : result.Bam.Select(c => (X: (double)c.Pairs, c.ProbeNoise, Overlap: c.OverlapB)).ToList();
        if (table.Select(c => c.X).Distinct().Count() > 1)
        {
            var layers = table.GroupBy(c => c.ProbeNoise).OrderBy(g => g.Key)
                .Select(g => (Layer)new LineSeries(string.Create(CultureInfo.InvariantCulture, $"probe noise {g.Key:G3}"), [.. g.Select(c => c.X)], [.. g.Select(c => c.Overlap)]) { Style = LineStyle.LineAndMarkers })
                .ToList();
            if (hopfield)
            {
                layers.Add(new ReferenceLine("capacity 0.138 N (Amit et al.)", 0.138, ReferenceOrientation.Vertical));
            }

            var x = hopfield ? new FigureAxis("Load P/N") : new FigureAxis("Stored pairs") { IntegerTicks = true };
            figures.Add(Figure.Single("recall", new Panel(x, new FigureAxis(hopfield ? "Final overlap" : "Final overlap of B"), layers))
                with { Title = $"{(hopfield ? "Hopfield" : "BAM")} recall against load", PanelHeight = 400 });
        }

        return figures;
    }
}
