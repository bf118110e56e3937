using System.Globalization;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Figures;
using Neuromorph.Networks.Memory.Training;

namespace Neuromorph.Experiments.Ntm;

/// <summary>
/// The pictures of an NTM run: <c>training</c> (loss per bit on a log scale and bit errors per sequence against
/// training sequences), <c>generalisation</c> (held-out bit errors per sequence against length) and <c>memory</c>
/// (write and read weightings of one example, memory row against time step), <c>crossbar_study</c> (bit error
/// rate on crossbars against device variability).
/// </summary>
public static class NtmFigures
{
    /// <summary>The learning curve.</summary>
    public static Figure Training(IReadOnlyList<NtmCurvePoint> curve, string taskName = "copy")
    {
        ArgumentNullException.ThrowIfNull(curve);
        var x = curve.Select(p => (double)p.Sequences).ToArray();
        var style = curve.Count < 40 ? LineStyle.LineAndMarkers : LineStyle.Solid;
        var loss = new Panel(new FigureAxis("Training sequences"), FigureAxis.Log("Loss (cross-entropy per bit)"),
            [new LineSeries("train loss", x, [.. curve.Select(p => Math.Max(p.Loss, 1e-12))]) { Style = style }]);
        var errors = new Panel(new FigureAxis("Training sequences"), new FigureAxis("Bit errors per sequence") { Min = 0 },
            [new LineSeries("training sequences", x, [.. curve.Select(p => p.BitErrorsPerSequence)]) { Style = style }]);
        return new Figure("training", [loss, errors]) { Title = $"NTM learning curve ({taskName.Replace('_', ' ')} task)", SharedX = true };
    }

    /// <summary>Held-out bit errors per sequence against length, exact and (when given) with read noise and of the LSTM baseline.</summary>
    public static Figure Generalisation(double[] lengths, double[] exact, double[]? noisy, double[]? baseline, IMemoryTask task)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(exact);
        List<LineSeries> series = [new LineSeries("exact reads", lengths, exact) { Style = LineStyle.LineAndMarkers }];
        if (noisy is not null)
        {
            series.Add(new LineSeries("noisy reads", lengths, noisy) { Style = LineStyle.LineAndMarkers });
        }

        if (baseline is not null)
        {
            series.Add(new LineSeries("LSTM baseline", lengths, baseline) { Style = LineStyle.Dashed });
        }

        var panel = new Panel(new FigureAxis(task is CopyTask ? "Sequence length L" : "Items in the list") { IntegerTicks = true }, new FigureAxis("Bit errors per sequence") { Min = 0 }, series);
        return Figure.Single("generalisation", panel) with { Title = task is CopyTask ? $"Held-out copy sequences (trained on L ≤ {task.MaxLength})" : $"Held-out recall lists (trained on {task.MinLength}–{task.MaxLength} items)" };
    }

    /// <summary>Write and read weightings (T × N each) of one example as memory row against time step.</summary>
    public static Figure Memory(double[,] write, double[,] read, string title)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(read);
        Panel Heat(double[,] w, string name)
        {
            var (steps, rows) = (w.GetLength(0), w.GetLength(1));
            var map = new double[rows, steps];
            for (var t = 0; t < steps; t++)
            {
                for (var i = 0; i < rows; i++)
                {
                    map[i, t] = w[t, i];
                }
            }

            return new Panel(new FigureAxis("Time step") { IntegerTicks = true }, new FigureAxis($"Memory row ({name})") { IntegerTicks = true },
                [new HeatmapLayer(map, new FigureAxis($"{name} weight")) { RowZeroAtTop = true }]) { Legend = LegendPlacement.None };
        }

        var rows = write.GetLength(1);
        return new Figure("memory", [Heat(write, "write"), Heat(read, "read")])
        {
            Title = title,
            Width = (int)Math.Max(520, (write.GetLength(0) * 12) + 260),
            PanelHeight = (int)Math.Clamp(rows * 4, 260, 520),
        };
    }

    /// <summary>
    /// Bit error rate (%) against device variability, one line per memory read noise with a band of ± one standard
    /// deviation over the repeats, one panel per copy length, and the 1 % tolerance as a reference line.
    /// </summary>
    public static Figure CrossbarStudy(IReadOnlyList<NtmCrossbarPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var panels = new List<Panel>();
        foreach (var length in points.Select(p => p.Length).Distinct())
        {
            var layers = new List<Layer>();
            foreach (var noise in points.Select(p => p.ReadNoise).Distinct())
            {
                var line = points.Where(p => p.Length == length && p.ReadNoise == noise).OrderBy(p => p.Variability).ToList();
                var x = line.Select(p => p.Variability).ToArray();
                var rate = line.Select(p => 100 * p.BitErrorRate).ToArray();
                var spread = line.Select(p => 100 * p.StdBitErrorRate).ToArray();
                layers.Add(new Band("", x, [.. rate.Select((r, i) => Math.Max(0, r - spread[i]))], [.. rate.Select((r, i) => r + spread[i])]));
                layers.Add(new LineSeries(string.Create(CultureInfo.InvariantCulture, $"read noise σ = {noise:G3}"), x, rate) { Style = LineStyle.LineAndMarkers });
            }

            layers.Add(new ReferenceLine("1 %", 1));
            panels.Add(new Panel(new FigureAxis("Device variability σ_G (relative)"), new FigureAxis($"Bit error rate at L = {length} (%)") { Min = 0 }, layers));
        }

        var repeats = points.Count > 0 ? points[0].Repeats : 0;
        return new Figure("crossbar_study", panels) { Title = $"NTM copy on crossbars (mean ± std over {repeats} programmed arrays)", SharedX = true };
    }
}
