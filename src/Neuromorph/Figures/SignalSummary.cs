using System.Globalization;

namespace Neuromorph.Figures;

/// <summary>
/// How a panel with many signals is drawn: above <see cref="Threshold"/> traces, a median line, a band from the 5th to
/// the 95th percentile across the signals at each x, and <see cref="Samples"/> labelled sample traces spread evenly
/// over the columns. Drawing stays fast and readable at 10^5 signals; the full data stays in the table.
/// </summary>
public static class SignalSummary
{
    /// <summary>More traces than this in one panel are summarised.</summary>
    public const int Threshold = 40;

    /// <summary>Sample traces drawn beside the band.</summary>
    public const int Samples = 5;

    /// <summary>
    /// The layers of a panel of <paramref name="signals"/> (name and values at <paramref name="x"/>): every trace when
    /// there are at most <see cref="Threshold"/>, else the summary. Percentiles interpolate linearly between order
    /// statistics (NumPy's default); NaN values are left out at their x.
    /// </summary>
    public static IReadOnlyList<Layer> Layers(IReadOnlyList<double> x, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> signals)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Count <= Threshold)
        {
            return [.. signals.Select(s => new LineSeries(s.Name, x, s.Values))];
        }

        var n = signals.Count;
        var lower = new double[x.Count];
        var median = new double[x.Count];
        var upper = new double[x.Count];
        // each x is summarised on its own (the same result on any number of threads); 10^5 signals use every core
        void Summarise(int i, double[] column)
        {
            var m = 0;
            for (var k = 0; k < n; k++)
            {
                var v = signals[k].Values[i];
                if (!double.IsNaN(v))
                {
                    column[m++] = v;
                }
            }

            var sorted = column.AsSpan(0, m);
            sorted.Sort();
            (lower[i], median[i], upper[i]) = (Percentile(sorted, 5), Percentile(sorted, 50), Percentile(sorted, 95));
        }

        if ((long)n * x.Count < 1_000_000)
        {
            var column = new double[n];
            for (var i = 0; i < x.Count; i++)
            {
                Summarise(i, column);
            }
        }
        else
        {
            Parallel.For(0, x.Count, () => new double[n], (i, _, column) =>
            {
                Summarise(i, column);
                return column;
            }, _ => { });
        }

        var count = n.ToString("N0", CultureInfo.InvariantCulture);
        var layers = new List<Layer>
        {
            new Band($"5–95 % of {count} signals", x, lower, upper),
            new LineSeries($"median of {count}", x, median),
        };
        for (var s = 0; s < Samples; s++)
        {
            var k = (int)((long)s * (n - 1) / (Samples - 1));
            layers.Add(new LineSeries(signals[k].Name, x, signals[k].Values));
        }

        return layers;
    }

    /// <summary>The <paramref name="p"/>-th percentile of sorted values (linear interpolation; NaN when empty).</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var h = (sorted.Length - 1) * p / 100;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
