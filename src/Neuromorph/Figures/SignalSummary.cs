using System.Globalization;
using System.Numerics;

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
    public static IReadOnlyList<Layer> Layers(IReadOnlyList<double> x, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> signals) =>
        Layers(x, signals, 4_000_000);

    /// <summary><see cref="Layers(IReadOnlyList{double}, IReadOnlyList{ValueTuple{string, IReadOnlyList{double}}})"/> gathering at most <paramref name="gathered"/> values at a time (at least one x).</summary>
    internal static IReadOnlyList<Layer> Layers(IReadOnlyList<double> x, IReadOnlyList<(string Name, IReadOnlyList<double> Values)> signals, long gathered)
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
        // the values at each x are gathered signal by signal (each signal's values are read in order, not one value
        // from each of 10^5 arrays per x), a block of x at a time; each x is then summarised on its own, so the result
        // is the same on any number of threads, and 10^5 signals use every core
        var block = (int)Math.Clamp(gathered / n, 1, Math.Max(1, x.Count));
        var columns = new double[block][];
        var counts = new int[block];
        for (var b0 = 0; b0 < x.Count; b0 += block)
        {
            var width = Math.Min(block, x.Count - b0);
            Array.Clear(counts);
            for (var i = 0; i < width; i++)
            {
                columns[i] ??= new double[n];
            }

            for (var k = 0; k < n; k++)
            {
                var values = signals[k].Values;
                for (var i = 0; i < width; i++)
                {
                    var v = values[b0 + i];
                    if (!double.IsNaN(v))
                    {
                        columns[i][counts[i]++] = v;
                    }
                }
            }

            void Summarise(int i)
            {
                var values = columns[i].AsSpan(0, counts[i]);
                (lower[b0 + i], median[b0 + i], upper[b0 + i]) = (Unsorted(values, 5), Unsorted(values, 50), Unsorted(values, 95));
            }

            if ((long)n * width < 1_000_000)
            {
                for (var i = 0; i < width; i++)
                {
                    Summarise(i);
                }
            }
            else
            {
                Parallel.For(0, width, Summarise);
            }
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

    /// <summary>
    /// The <paramref name="p"/>-th percentile of <paramref name="values"/> in any order, as <see cref="Percentile"/> gives
    /// it for the sorted values: the two order statistics around it are found by selection (linear time on average),
    /// not by sorting; <paramref name="values"/> is reordered.
    /// </summary>
    internal static double Unsorted(Span<double> values, double p)
    {
        if (values.IsEmpty)
        {
            return double.NaN;
        }

        var (h, lo, hi) = Rank(values.Length, p);
        var below = Select(values, lo);
        // everything after the lo-th smallest is at least it: the next order statistic is their minimum
        var above = below;
        if (hi > lo)
        {
            above = double.PositiveInfinity;
            foreach (var v in values[hi..])
            {
                above = Math.Min(above, v);
            }
        }

        return below + ((h - lo) * (above - below));
    }

    /// <summary>
    /// Reorders <paramref name="values"/> so that position <paramref name="k"/> holds the k-th smallest, with nothing
    /// larger before it and nothing smaller after it (quickselect with median-of-three pivots; a range that shrinks too
    /// slowly is sorted instead, so the worst case stays n log n). Returns that value.
    /// </summary>
    private static double Select(Span<double> values, int k)
    {
        int left = 0, right = values.Length - 1;
        var budget = 2 * (BitOperations.Log2((uint)values.Length) + 4);
        while (right > left)
        {
            if (budget-- == 0 || right - left < 16)
            {
                values[left..(right + 1)].Sort();
                return values[k];
            }

            // median of three as the pivot, then Hoare's partition
            var mid = left + ((right - left) / 2);
            double a = values[left], b = values[mid], c = values[right];
            var pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // now values[left..j] <= pivot <= values[i..right], and anything between equals the pivot
            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    /// <summary>The <paramref name="p"/>-th percentile of sorted values (linear interpolation; NaN when empty).</summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var (h, lo, hi) = Rank(sorted.Length, p);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>The fractional rank h of the <paramref name="p"/>-th percentile among <paramref name="length"/> values and the order statistics around it.</summary>
    private static (double H, int Lo, int Hi) Rank(int length, double p)
    {
        var h = (length - 1) * p / 100;
        var lo = (int)Math.Floor(h);
        return (h, lo, Math.Min(lo + 1, length - 1));
    }
}
