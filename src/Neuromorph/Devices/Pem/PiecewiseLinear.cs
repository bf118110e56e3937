namespace Neuromorph.Devices.Pem;

/// <summary>
/// A function given as points (x_k, y_k) with increasing x, interpolated linearly between them and held at the end
/// values outside them (slope 0 there).
/// </summary>
public sealed class PiecewiseLinear
{
    private readonly double[] _x;
    private readonly double[] _y;

    /// <summary>The function through <paramref name="x"/> (strictly increasing, at least two points) and <paramref name="y"/>.</summary>
    public PiecewiseLinear(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 2)
        {
            throw new ArgumentException($"a piecewise-linear function needs at least two (x, y) points, got {x.Count} x and {y.Count} y values");
        }

        for (var k = 1; k < x.Count; k++)
        {
            if (!(x[k] > x[k - 1]))
            {
                throw new ArgumentException($"x must increase: point {k + 1} has x = {x[k]} after {x[k - 1]}");
            }
        }

        _x = [.. x];
        _y = [.. y];
    }

    /// <summary>The first x.</summary>
    public double First => _x[0];

    /// <summary>The last x.</summary>
    public double Last => _x[^1];

    /// <summary>The number of points.</summary>
    public int Count => _x.Length;

    /// <summary>The value and slope at <paramref name="x"/> (inside a segment: its slope; outside the points: the end value, slope 0).</summary>
    public (double Value, double Slope) At(double x)
    {
        if (x <= _x[0])
        {
            return (_y[0], 0);
        }

        if (x >= _x[^1])
        {
            return (_y[^1], 0);
        }

        var k = Array.BinarySearch(_x, x);
        if (k >= 0)
        {
            // on a point: the slope of the segment that starts there
            return (_y[k], (_y[k + 1] - _y[k]) / (_x[k + 1] - _x[k]));
        }

        var hi = ~k;
        var lo = hi - 1;
        var slope = (_y[hi] - _y[lo]) / (_x[hi] - _x[lo]);
        return (_y[lo] + (slope * (x - _x[lo])), slope);
    }
}
