using Neuromorph.Numerics;

namespace Neuromorph.Devices.Pem;

/// <summary>
/// A table f(x) of points (x_k, y_k) with increasing x, checked when made, evaluated by <see cref="PiecewiseLinearTable"/>:
/// linear between the points and held at the end values outside them (slope 0 there).
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

    /// <summary>The value and slope at <paramref name="x"/> (<see cref="PiecewiseLinearTable"/>: the end values outside the points, the mean of the two segments' slopes on a point).</summary>
    public (double Value, double Slope) At(double x) => (PiecewiseLinearTable.Evaluate(_x, _y, x, out var slope), slope);
}
