namespace Neuromorph.Figures;

/// <summary>Counts of values in equal-width bins, as <see cref="Bars"/> for a panel (final cuts over restarts).</summary>
public static class Histogram
{
    /// <summary>
    /// Bins the finite values of <paramref name="values"/>: integers spanning at most 40 values get one bin per integer
    /// (a cut of 11624 is its own bar); anything else gets about √n bins (1 to 40) between the smallest and largest value.
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
        if (v.All(x => x == Math.Round(x)) && hi - lo <= 40)
        {
            var positions = Enumerable.Range(0, (int)(hi - lo) + 1).Select(k => lo + k).ToArray();
            return new Bars(name, positions, [.. positions.Select(p => (double)v.Count(x => x == p))], 0.8);
        }

        var bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(v.Length)), 1, 40);
        var width = hi > lo ? (hi - lo) / bins : 1;
        var counts = new double[bins];
        foreach (var x in v)
        {
            counts[Math.Min(bins - 1, (int)((x - lo) / width))]++;
        }

        return new Bars(name, [.. Enumerable.Range(0, bins).Select(k => lo + ((k + 0.5) * width))], counts, width * 0.9);
    }
}
