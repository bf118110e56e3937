namespace Neuromorph.Figures;

/// <summary>
/// Whether samples want a logarithmic axis: log-spaced samples (a transient recorded densely at its start, time steps
/// that grow as it settles) squeeze most of the points into the first few percent of a linear axis.
/// </summary>
public static class SampleSpacing
{
    /// <summary>
    /// True when the positive samples span at least two decades and at least half of all finite samples lie in the first
    /// tenth of their linear range: on a log axis they spread out. Samples at or below zero (a start at t = 0) do not
    /// count towards the decades.
    /// </summary>
    public static bool WantsLogAxis(IReadOnlyList<double> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var finite = samples.Where(double.IsFinite).ToList();
        var positive = finite.Where(v => v > 0).ToList();
        if (positive.Count < 3 || finite.Min() < 0)
        {
            return false;
        }

        double lo = positive.Min(), hi = positive.Max();
        if (!(hi / lo >= 100))
        {
            return false;
        }

        var tenth = finite.Min() + ((hi - finite.Min()) / 10);
        return finite.Count(v => v <= tenth) * 2 >= finite.Count;
    }
}
