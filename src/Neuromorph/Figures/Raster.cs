namespace Neuromorph.Figures;

/// <summary>
/// A raster of many state variables over time (memristor states x_i(t) of a CTD run, voltages of a memcomputing
/// machine) as a heatmap: one row per variable, columns on a uniform time grid, linearly interpolated between the
/// recorded samples (which an adaptive integrator spaces unevenly).
/// </summary>
public static class Raster
{
    /// <summary>
    /// The heatmap of <paramref name="samples"/> (one array of all variables per time in <paramref name="times"/>), for at
    /// most <paramref name="maxRows"/> evenly spaced variables and <paramref name="columns"/> time columns. Row k is the
    /// k-th shown variable, drawn from the bottom; <see cref="RowTicks"/> labels them.
    /// </summary>
    public static (HeatmapLayer Map, int[] Rows) Of(IReadOnlyList<double> times, IReadOnlyList<double[]> samples, FigureAxis colorAxis, int maxRows = 64, int columns = 300)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(samples);
        var size = samples.Count > 0 ? samples[0].Length : 0;
        var rows = size <= maxRows ? [.. Enumerable.Range(0, size)] : Enumerable.Range(0, maxRows).Select(k => (int)((long)k * size / maxRows)).ToArray();
        var n = Math.Min(times.Count, samples.Count);
        double t0 = n > 0 ? times[0] : 0, t1 = n > 0 ? times[n - 1] : 1;
        var cols = n < 2 || !(t1 > t0) ? 1 : Math.Min(columns, Math.Max(2 * n, 2));
        var values = new double[rows.Length, cols];
        var j = 0;
        for (var c = 0; c < cols; c++)
        {
            var t = cols == 1 ? t0 : t0 + ((t1 - t0) * (c + 0.5) / cols);
            while (j + 1 < n - 1 && times[j + 1] <= t)
            {
                j++;
            }

            var k = Math.Min(j + 1, n - 1);
            var f = n == 0 ? 0 : times[k] > times[j] ? Math.Clamp((t - times[j]) / (times[k] - times[j]), 0, 1) : 0;
            for (var r = 0; r < rows.Length; r++)
            {
                values[r, c] = n == 0 ? double.NaN : samples[j][rows[r]] + (f * (samples[k][rows[r]] - samples[j][rows[r]]));
            }
        }

        var map = new HeatmapLayer(values, colorAxis)
        {
            XExtent = t1 > t0 ? (t0, t1) : (t0 - 0.5, t0 + 0.5),
            YExtent = (-0.5, rows.Length - 0.5),
            RowZeroAtTop = false,
        };
        return (map, rows);
    }

    /// <summary>Labelled ticks for the rows of a raster (about a dozen), naming each variable with <paramref name="label"/>.</summary>
    public static IReadOnlyList<AxisTick> RowTicks(IReadOnlyList<int> rows, Func<int, string> label)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(label);
        var every = Math.Max(1, (int)Math.Ceiling(rows.Count / 12.0));
        return [.. Enumerable.Range(0, rows.Count).Where(r => r % every == 0).Select(r => new AxisTick(r, label(rows[r])))];
    }
}
