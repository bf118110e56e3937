namespace Neuromorph.Plotting;

/// <summary>
/// Reduces long series to what a pixel grid can show, so a 10⁵-point transient makes a small SVG and a fast PNG without
/// visible change. Monotonic x keeps the first, lowest, highest and last point of every pixel column (the envelope and
/// the joins survive exactly); a curve that turns back (a pinched current–voltage loop) keeps a point each time it has
/// moved half a pixel from the last one kept. Coordinates are plot coordinates; scales are pixels per unit.
/// </summary>
internal static class Thinning
{
    /// <summary>The indices of the points to keep, in order.</summary>
    public static int[] Keep(IReadOnlyList<double> x, IReadOnlyList<double> y, double pixelsPerX, double pixelsPerY)
    {
        var n = x.Count;
        var columns = Math.Abs(pixelsPerX) * (n > 0 ? Math.Abs(x[n - 1] - x[0]) : 0);
        if (n <= 4 * Math.Max(columns, 1) || n < 1000)
        {
            return [.. Enumerable.Range(0, n)];
        }

        return Monotonic(x) ? PerColumn(x, y, pixelsPerX) : ByDistance(x, y, pixelsPerX, pixelsPerY);
    }

    /// <summary>True when x never decreases.</summary>
    public static bool Monotonic(IReadOnlyList<double> x)
    {
        for (var i = 1; i < x.Count; i++)
        {
            if (x[i] < x[i - 1])
            {
                return false;
            }
        }

        return true;
    }

    private static int[] PerColumn(IReadOnlyList<double> x, IReadOnlyList<double> y, double pixelsPerX)
    {
        var keep = new List<int>();
        var i = 0;
        while (i < x.Count)
        {
            var column = Math.Floor(x[i] * pixelsPerX);
            int lo = i, hi = i, j = i;
            while (j < x.Count && Math.Floor(x[j] * pixelsPerX) == column)
            {
                lo = y[j] < y[lo] ? j : lo;
                hi = y[j] > y[hi] ? j : hi;
                j++;
            }

            keep.Add(i);
            var (a, b) = lo < hi ? (lo, hi) : (hi, lo);
            if (a != i)
            {
                keep.Add(a);
            }

            if (b != a && b != i)
            {
                keep.Add(b);
            }

            if (j - 1 != b && j - 1 != i)
            {
                keep.Add(j - 1);
            }

            i = j;
        }

        return [.. keep];
    }

    private static int[] ByDistance(IReadOnlyList<double> x, IReadOnlyList<double> y, double pixelsPerX, double pixelsPerY)
    {
        var keep = new List<int> { 0 };
        var last = 0;
        for (var i = 1; i < x.Count - 1; i++)
        {
            if (Math.Abs((x[i] - x[last]) * pixelsPerX) >= 0.5 || Math.Abs((y[i] - y[last]) * pixelsPerY) >= 0.5)
            {
                keep.Add(i);
                last = i;
            }
        }

        keep.Add(x.Count - 1);
        return [.. keep];
    }

    /// <summary>Every k-th index (and the last) so that at most <paramref name="limit"/> remain: for bands, which are smooth fills.</summary>
    public static int[] Stride(int count, int limit)
    {
        var k = Math.Max(1, (int)Math.Ceiling(count / (double)Math.Max(1, limit)));
        var keep = Enumerable.Range(0, count).Where(i => i % k == 0).ToList();
        if (count > 0 && keep[^1] != count - 1)
        {
            keep.Add(count - 1);
        }

        return [.. keep];
    }
}
