namespace Neuromorph.Figures;

/// <summary>Counts of values in equal-width bins, as <see cref="Bars"/> for a panel (final cuts over restarts).</summary>
public static class Histogram
{
    /// <summary>Whole numbers up to this size are counted one bar per integer (beyond, neighbouring integers are not distinct doubles).</summary>
    private const double ExactIntegers = 1L << 52;

    /// <summary>
    /// Bins the finite values of <paramref name="values"/>: integers spanning at most 40 values get one bar per integer
    /// (a cut of 11624 is its own bar); values that are all equal (to the last digits of a double) get one bar centred on
    /// them, 20 % of their size wide (1 wide around zero); anything else gets about √n bins (1 to 40) between the
    /// smallest and largest value. Every value lies in the bin that counts it.
    /// </summary>
    public static Bars Of(string name, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var v = values.Where(double.IsFinite).Order().ToArray();
        if (v.Length == 0)
        {
            return new Bars(name, [], [], 1);
        }

        double lo = v[0], hi = v[^1];
        if (Integral(v) && hi - lo <= 40)
        {
            var positions = Enumerable.Range(0, (int)(hi - lo) + 1).Select(k => lo + k).ToArray();
            return new Bars(name, positions, [.. positions.Select(p => (double)v.Count(x => x == p))], 0.8);
        }

        // halves first, so that the width of [-1e308, 1e308] does not overflow
        var half = (hi / 2) - (lo / 2);
        if (!(half > Math.Max(Math.Abs(lo), Math.Abs(hi)) * 0.5e-12) || !(half > 1e-280))
        {
            var centre = lo + half;
            var size = Math.Abs(centre) * 0.2;
            return new Bars(name, [centre], [v.Length], size >= 1e-280 ? size : 1);
        }

        var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(v.Length)), 1, 40);
        var width = half / bins * 2;
        var counts = new double[bins];
        foreach (var x in v)
        {
            counts[Math.Clamp(Bin(x, lo, width), 0, bins - 1)]++;
        }

        return new Bars(name, [.. Enumerable.Range(0, bins).Select(k => lo + ((k + 0.5) * width))], counts, width * 0.9);
    }

    /// <summary>True when every finite value is a whole number small enough to be counted exactly (cuts, clauses).</summary>
    public static bool Integral(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Where(double.IsFinite).All(x => x == Math.Round(x) && Math.Abs(x) < ExactIntegers);
    }

    /// <summary>The index of the bin of <paramref name="x"/> (half-differences, so that no width overflows).</summary>
    private static int Bin(double x, double lo, double width) => (int)Math.Floor(((x / 2) - (lo / 2)) / width * 2);
}
