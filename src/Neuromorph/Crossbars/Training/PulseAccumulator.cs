namespace Neuromorph.Crossbars.Training;

/// <summary>
/// A digital matrix beside a tile that collects weight updates too small for a pulse and sends whole steps when they
/// are due: χ of mixed-precision training (Nandakumar et al. 2020) and H of Tiki-Taka v2 (Gokmen 2021). Where
/// |B_ij| ≥ threshold·ε, device (i, j) gets n = trunc(B_ij/ε) pulses (up for n &gt; 0) and B_ij keeps B_ij − n·ε;
/// ε is the device's nominal Δw_min (the digital side does not know a device's own step or its nonlinearity).
/// </summary>
public sealed class PulseAccumulator
{
    private readonly double[] values;

    /// <summary>An accumulator of <paramref name="rows"/> × <paramref name="cols"/> zeros with step <paramref name="epsilon"/>.</summary>
    public PulseAccumulator(int rows, int cols, double epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "the pulse step must be positive");
        }

        Rows = rows;
        Cols = cols;
        Epsilon = epsilon;
        values = new double[rows * cols];
    }

    /// <summary>Rows (tile outputs).</summary>
    public int Rows { get; }

    /// <summary>Columns (tile inputs).</summary>
    public int Cols { get; }

    /// <summary>The weight of one pulse as the digital side counts it.</summary>
    public double Epsilon { get; }

    /// <summary>The accumulated value of element (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public double this[int row, int col] => values[(row * Cols) + col];

    /// <summary>B += η·d·xᵀ.</summary>
    public void AddOuter(ReadOnlySpan<double> d, ReadOnlySpan<double> x, double eta)
    {
        for (var r = 0; r < Rows; r++)
        {
            var scale = eta * d[r];
            var row = values.AsSpan(r * Cols, Cols);
            for (var c = 0; c < Cols; c++)
            {
                row[c] += scale * x[c];
            }
        }
    }

    /// <summary>B[:, <paramref name="col"/>] += η·v.</summary>
    public void AddColumn(int col, ReadOnlySpan<double> v, double eta)
    {
        for (var r = 0; r < Rows; r++)
        {
            values[(r * Cols) + col] += eta * v[r];
        }
    }

    /// <summary>
    /// Sends the due steps of columns [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="tile"/>: where
    /// |B| ≥ <paramref name="threshold"/>·ε, trunc(B/ε) pulses, and B keeps the remainder. Returns the pulses sent.
    /// </summary>
    public long Flush(AnalogTile tile, int from, int to, double threshold = 1)
    {
        ArgumentNullException.ThrowIfNull(tile);
        var limit = threshold * Epsilon;
        long sent = 0;
        for (var r = 0; r < Rows; r++)
        {
            for (var c = from; c < to; c++)
            {
                ref var b = ref values[(r * Cols) + c];
                if (Math.Abs(b) < limit)
                {
                    continue;
                }

                var n = Math.Truncate(b / Epsilon);
                if (n != 0)
                {
                    var count = (int)Math.Min(int.MaxValue, Math.Abs(n));
                    tile.ApplyPulses(r, c, n > 0, count);
                    b -= Math.Sign(n) * count * Epsilon;
                    sent += count;
                }
            }
        }

        return sent;
    }
}
