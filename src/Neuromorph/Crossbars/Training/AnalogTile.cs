using System.Numerics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars.Training;

/// <summary>
/// A crossbar tile that is trained in place: <c>rows</c> outputs × <c>cols</c> inputs of pulsed devices
/// (<see cref="PulsedDevice"/>), each with its own device-to-device parameters. Forward y = W·x and backward g = Wᵀ·d
/// read the weights ideally; <see cref="ApplyUpdate"/> applies ΔW ≈ η·d·xᵀ with pulses (<see cref="PulseUpdate"/>).
/// Stochastic update (Gokmen &amp; Vlasov 2016): C = sqrt(η/(BL·Δw_min)), row stream i fires with probability
/// p_i = C·|x_i|/m, column stream j with q_j = C·m·|d_j| (m = 1 without update management), both clipped to 1; each
/// coincidence of the two streams gives device (j, i) one pulse in the direction sign(d_j·x_i), so
/// E[ΔW_ji] = BL·p_i·q_j·Δw_min = η·d_j·x_i to first order in the device nonlinearity.
/// </summary>
public sealed class AnalogTile
{
    private readonly double[] w;
    private readonly double[] dwUp;
    private readonly double[] dwDown;
    private readonly double[] wMin;
    private readonly double[] wMax;
    private readonly RandomStream random;
    private ulong[] rowBits = [];
    private ulong[] colBits = [];

    /// <summary>A tile of <paramref name="rows"/> × <paramref name="cols"/> devices at weight 0 (clipped into each device's bounds).</summary>
    /// <param name="rows">Outputs.</param>
    /// <param name="cols">Inputs.</param>
    /// <param name="device">Device model; its spreads are drawn here, once per device.</param>
    /// <param name="update">Pulsed update settings.</param>
    /// <param name="random">Stream for the device-to-device draws, the bit streams and the cycle-to-cycle noise.</param>
    public AnalogTile(int rows, int cols, PulsedDevice device, PulseUpdate update, RandomStream random)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        device.Validate();
        if (update.Mode == UpdateMode.Stochastic && update.BitLength is < 1 or > PulseUpdate.MaxBitLength)
        {
            throw new ArgumentOutOfRangeException(nameof(update), $"bit length must be 1 to {PulseUpdate.MaxBitLength}, got {update.BitLength}");
        }

        Rows = rows;
        Cols = cols;
        Device = device;
        Settings = update;
        this.random = random;
        var n = rows * cols;
        w = new double[n];
        dwUp = new double[n];
        dwDown = new double[n];
        wMin = new double[n];
        wMax = new double[n];
        for (var k = 0; k < n; k++)
        {
            var dw = device.DwMin * Math.Max(0.05, 1 + (device.DwMinDtoD * random.NextGaussian()));
            var a = Math.Clamp(device.UpDown + (device.UpDownDtoD * random.NextGaussian()), -0.95, 0.95);
            dwUp[k] = dw * (1 + a);
            dwDown[k] = dw * (1 - a);
            var hi = device.WMax * (1 + (device.BoundsDtoD * random.NextGaussian()));
            var lo = device.WMin * (1 + (device.BoundsDtoD * random.NextGaussian()));
            if (device.WMax > 0)
            {
                hi = Math.Max(hi, 0.05 * device.WMax);
            }

            if (device.WMin < 0)
            {
                lo = Math.Min(lo, 0.05 * device.WMin);
            }

            if (!(hi > lo))
            {
                (lo, hi) = (device.WMin, device.WMax);
            }

            wMin[k] = lo;
            wMax[k] = hi;
            w[k] = Math.Clamp(0, lo, hi);
        }
    }

    /// <summary>Outputs (rows of W).</summary>
    public int Rows { get; }

    /// <summary>Inputs (columns of W).</summary>
    public int Cols { get; }

    /// <summary>The device model.</summary>
    public PulsedDevice Device { get; }

    /// <summary>The pulsed update settings.</summary>
    public PulseUpdate Settings { get; }

    /// <summary>Pulses applied so far (all devices together).</summary>
    public long PulseCount { get; private set; }

    /// <summary>When set (length Rows·Cols), counts each device's half-selecting up pulses (a test hook).</summary>
    internal long[]? HalfUpTally { get; set; }

    /// <summary>When set (length Rows·Cols), counts each device's half-selecting down pulses (a test hook).</summary>
    internal long[]? HalfDownTally { get; set; }

    /// <summary>Weight of device (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public double this[int row, int col]
    {
        get => w[(row * Cols) + col];
        set
        {
            var k = (row * Cols) + col;
            w[k] = Math.Clamp(value, wMin[k], wMax[k]);
        }
    }

    /// <summary>A copy of all weights, row-major.</summary>
    public double[] Weights() => (double[])w.Clone();

    /// <summary>This device's bounds (after its device-to-device draw).</summary>
    public (double Min, double Max) Bounds(int row, int col) => (wMin[(row * Cols) + col], wMax[(row * Cols) + col]);

    /// <summary>This device's up and down steps Δw_min^up, Δw_min^down (after its device-to-device draw).</summary>
    public (double Up, double Down) Steps(int row, int col) => (dwUp[(row * Cols) + col], dwDown[(row * Cols) + col]);

    /// <summary>y = W·x.</summary>
    public void Forward(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var r = 0; r < Rows; r++)
        {
            var row = w.AsSpan(r * Cols, Cols);
            var s = 0.0;
            for (var c = 0; c < Cols; c++)
            {
                s += row[c] * x[c];
            }

            y[r] = s;
        }
    }

    /// <summary>g = Wᵀ·d.</summary>
    public void Backward(ReadOnlySpan<double> d, Span<double> g)
    {
        g[..Cols].Clear();
        for (var r = 0; r < Rows; r++)
        {
            var dr = d[r];
            if (dr == 0)
            {
                continue;
            }

            var row = w.AsSpan(r * Cols, Cols);
            for (var c = 0; c < Cols; c++)
            {
                g[c] += row[c] * dr;
            }
        }
    }

    /// <summary>Column <paramref name="col"/> of W: a forward read with the one-hot input e_col.</summary>
    public void ReadColumn(int col, Span<double> y)
    {
        for (var r = 0; r < Rows; r++)
        {
            y[r] = w[(r * Cols) + col];
        }
    }

    /// <summary>Applies ΔW ≈ <paramref name="learningRate"/>·d·xᵀ in the tile's update mode.</summary>
    /// <param name="x">Input vector (length <see cref="Cols"/>).</param>
    /// <param name="d">Output-side vector (length <see cref="Rows"/>); pass −δ for gradient descent.</param>
    /// <param name="learningRate">η ≥ 0.</param>
    public void ApplyUpdate(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double learningRate)
    {
        switch (Settings.Mode)
        {
            case UpdateMode.Ideal:
                for (var r = 0; r < Rows; r++)
                {
                    for (var c = 0; c < Cols; c++)
                    {
                        var k = (r * Cols) + c;
                        w[k] = Math.Clamp(w[k] + (learningRate * d[r] * x[c]), wMin[k], wMax[k]);
                    }
                }

                break;
            case UpdateMode.PulseCount when Settings.HalfSelect:
                HalfSelectUpdate(x, d, learningRate);
                break;
            case UpdateMode.PulseCount:
                for (var r = 0; r < Rows; r++)
                {
                    for (var c = 0; c < Cols; c++)
                    {
                        var v = learningRate * d[r] * x[c];
                        var n = (int)Math.Min(int.MaxValue, Math.Round(Math.Abs(v) / Device.DwMin, MidpointRounding.AwayFromZero));
                        if (n > 0)
                        {
                            Pulses((r * Cols) + c, v > 0, n);
                        }
                    }
                }

                break;
            default:
                StochasticUpdate(x, d, learningRate);
                break;
        }
    }

    /// <summary>Applies one pulse to device (<paramref name="row"/>, <paramref name="col"/>) in the V/2 scheme (<see cref="PulseUpdate.HalfSelect"/>): the others of its row and column get a half pulse.</summary>
    public void ApplyHalfSelectedPulse(int row, int col, bool up)
    {
        var counts = new int[Rows * Cols];
        counts[(row * Cols) + col] = up ? 1 : -1;
        HalfSelectPulses(counts);
    }

    /// <summary>
    /// Zero-shifting's pulse sequence (Kim et al. 2019): <paramref name="pairs"/> alternating up and down pulses on every
    /// device, which walk each device to its symmetry point, the weight where its up and down steps are equal.
    /// Returns the weights reached (row-major), the reference that reads of this tile subtract afterwards.
    /// </summary>
    public double[] ApplySymmetricPulses(int pairs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pairs);
        for (var k = 0; k < w.Length; k++)
        {
            for (var p = 0; p < pairs; p++)
            {
                Pulses(k, true, 1);
                Pulses(k, false, 1);
            }
        }

        return Weights();
    }

    /// <summary>Applies <paramref name="count"/> pulses to device (<paramref name="row"/>, <paramref name="col"/>), up or down.</summary>
    public void ApplyPulses(int row, int col, bool up, int count) => Pulses((row * Cols) + col, up, count);

    private void HalfSelectUpdate(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double eta)
    {
        var counts = new int[Rows * Cols];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++)
            {
                var v = eta * d[r] * x[c];
                var n = (int)Math.Min(int.MaxValue, Math.Round(Math.Abs(v) / Device.DwMin, MidpointRounding.AwayFromZero));
                counts[(r * Cols) + c] = v > 0 ? n : -n;
            }
        }

        HalfSelectPulses(counts);
    }

    /// <summary>Signed pulse counts per device, programmed one device at a time in the V/2 scheme.</summary>
    private void HalfSelectPulses(int[] counts)
    {
        var disturbs = Device.Response?.HalfSelectDisturbs == true;
        var rowUp = new long[Rows];
        var rowDown = new long[Rows];
        var colUp = new long[Cols];
        var colDown = new long[Cols];
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++)
            {
                var n = counts[(r * Cols) + c];
                if (n > 0)
                {
                    rowUp[r] += n;
                    colUp[c] += n;
                }
                else if (n < 0)
                {
                    rowDown[r] -= n;
                    colDown[c] -= n;
                }
            }
        }

        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Cols; c++)
            {
                var k = (r * Cols) + c;
                var n = counts[k];
                if (n != 0)
                {
                    Pulses(k, n > 0, Math.Abs(n));
                }

                if (!disturbs)
                {
                    continue;
                }

                // the half pulses of the other devices in this row and this column
                var halfUp = rowUp[r] + colUp[c] - (2L * Math.Max(n, 0));
                var halfDown = rowDown[r] + colDown[c] - (2L * Math.Max(-n, 0));
                HalfPulses(k, halfUp, halfDown);
            }
        }
    }

    private void StochasticUpdate(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double eta)
    {
        var bl = Settings.BitLength;
        var words = (bl + 63) / 64;
        if (rowBits.Length != Cols * words)
        {
            rowBits = new ulong[Cols * words];
        }

        if (colBits.Length != Rows * words)
        {
            colBits = new ulong[Rows * words];
        }

        var xMax = 0.0;
        foreach (var v in x)
        {
            xMax = Math.Max(xMax, Math.Abs(v));
        }

        var dMax = 0.0;
        foreach (var v in d)
        {
            dMax = Math.Max(dMax, Math.Abs(v));
        }

        if (xMax == 0 || dMax == 0 || eta == 0)
        {
            return;
        }

        var scale = Math.Sqrt(eta / (bl * Device.DwMin));
        var m = Settings.UpdateManagement ? Math.Sqrt(dMax / xMax) : 1.0;
        Streams(x, scale * m, rowBits, words, bl);
        Streams(d, scale / m, colBits, words, bl);
        if (Settings.HalfSelect && Device.Response?.HalfSelectDisturbs == true)
        {
            StochasticHalfSelect(x, d, words);
            return;
        }

        for (var r = 0; r < Rows; r++)
        {
            if (d[r] == 0)
            {
                continue;
            }

            var cb = colBits.AsSpan(r * words, words);
            for (var c = 0; c < Cols; c++)
            {
                if (x[c] == 0)
                {
                    continue;
                }

                var rb = rowBits.AsSpan(c * words, words);
                var n = Coincidences(cb, rb);
                if (n > 0)
                {
                    Pulses((r * Cols) + c, (d[r] > 0) == (x[c] > 0), n);
                }
            }
        }
    }

    /// <summary>
    /// The stochastic update in the V/2 scheme (<see cref="PulseUpdate.HalfSelect"/>): four sign phases, in each only the
    /// lines of the phase's signs driven with their streams and the others at V/2. A device gets a full pulse where both
    /// its lines fire and a half pulse of the phase's polarity where exactly one of them fires; its full pulses are
    /// applied first, then its half up and half down pulses. A phase with no row or no column of its signs is not run.
    /// </summary>
    private void StochasticHalfSelect(ReadOnlySpan<double> x, ReadOnlySpan<double> d, int words)
    {
        var (dUp, dDown) = Signs(d);
        var (xUp, xDown) = Signs(x);
        var rowOnes = Ones(colBits, Rows, words);
        var colOnes = Ones(rowBits, Cols, words);
        for (var r = 0; r < Rows; r++)
        {
            var sr = Math.Sign(d[r]);
            var cb = colBits.AsSpan(r * words, words);
            for (var c = 0; c < Cols; c++)
            {
                var sc = Math.Sign(x[c]);
                if (sr == 0 && sc == 0)
                {
                    continue;
                }

                var k = (r * Cols) + c;
                var (pr, pc) = (rowOnes[r], colOnes[c]);
                long halfUp = 0, halfDown = 0;
                if (sr != 0 && sc != 0)
                {
                    // the device's own phase (sign d_r, sign x_c): full pulses where both fire, half where one does;
                    // the row-only phase (sign d_r, −sign x_c) and the column-only phase (−sign d_r, sign x_c) have
                    // the other polarity
                    var up = sr == sc;
                    var full = Coincidences(cb, rowBits.AsSpan(c * words, words));
                    if (full > 0)
                    {
                        Pulses(k, up, full);
                    }

                    var same = pr + pc - (2 * full);
                    var other = ((sc > 0 ? xDown : xUp) ? pr : 0) + ((sr > 0 ? dDown : dUp) ? pc : 0);
                    (halfUp, halfDown) = up ? (same, other) : (other, same);
                }
                else if (sr != 0)
                {
                    // its column is at V/2 in both phases of its row: (sign d_r, +) is up for d_r > 0, (sign d_r, −) down
                    halfUp = (sr > 0 ? xUp : xDown) ? pr : 0;
                    halfDown = (sr > 0 ? xDown : xUp) ? pr : 0;
                }
                else
                {
                    halfUp = (sc > 0 ? dUp : dDown) ? pc : 0;
                    halfDown = (sc > 0 ? dDown : dUp) ? pc : 0;
                }

                HalfPulses(k, halfUp, halfDown);
            }
        }
    }

    /// <summary>Whether any entry of <paramref name="v"/> is positive, and whether any is negative.</summary>
    private static (bool Positive, bool Negative) Signs(ReadOnlySpan<double> v)
    {
        var (positive, negative) = (false, false);
        foreach (var e in v)
        {
            positive |= e > 0;
            negative |= e < 0;
        }

        return (positive, negative);
    }

    /// <summary>The number of set bits of each of the <paramref name="lines"/> streams.</summary>
    private static int[] Ones(ulong[] bits, int lines, int words)
    {
        var ones = new int[lines];
        for (var i = 0; i < lines; i++)
        {
            foreach (var word in bits.AsSpan(i * words, words))
            {
                ones[i] += BitOperations.PopCount(word);
            }
        }

        return ones;
    }

    private static int Coincidences(ReadOnlySpan<ulong> cb, ReadOnlySpan<ulong> rb)
    {
        var n = 0;
        for (var k = 0; k < cb.Length; k++)
        {
            n += BitOperations.PopCount(cb[k] & rb[k]);
        }

        return n;
    }

    /// <summary>Half pulses on device <paramref name="k"/>: the up ones, then the down ones (no cycle-to-cycle noise).</summary>
    private void HalfPulses(int k, long up, long down)
    {
        if (HalfUpTally is { } tallyUp)
        {
            tallyUp[k] += up;
        }

        if (HalfDownTally is { } tallyDown)
        {
            tallyDown[k] += down;
        }

        var value = w[k];
        for (var h = 0L; h < up; h++)
        {
            value = Device.HalfPulse(value, true, wMin[k], wMax[k]);
        }

        for (var h = 0L; h < down; h++)
        {
            value = Device.HalfPulse(value, false, wMin[k], wMax[k]);
        }

        w[k] = value;
    }

    private void Streams(ReadOnlySpan<double> v, double scale, ulong[] bits, int words, int bl)
    {
        Array.Clear(bits);
        for (var i = 0; i < v.Length; i++)
        {
            var p = Math.Min(1.0, scale * Math.Abs(v[i]));
            if (p <= 0)
            {
                continue;
            }

            // NextDouble() < p exactly: NextDouble is k·2⁻⁵³ with k = NextULong() >> 11, and for an integer k,
            // k·2⁻⁵³ < p ⇔ k < ⌈p·2⁵³⌉ (the same draws and bits, without the conversion to double)
            var threshold = (ulong)Math.Ceiling(p * 9007199254740992.0);
            var row = bits.AsSpan(i * words, words);
            for (var t = 0; t < bl; t++)
            {
                if ((random.NextULong() >> 11) < threshold)
                {
                    row[t >> 6] |= 1UL << (t & 63);
                }
            }
        }
    }

    private void Pulses(int k, bool up, int count)
    {
        PulseCount += count;
        var sigma = Device.CycleToCycle;
        if (Device.Kind == DeviceResponseKind.ConstantStep && sigma == 0)
        {
            var step = up ? dwUp[k] : -dwDown[k];
            w[k] = Math.Clamp(w[k] + (count * step), wMin[k], wMax[k]);
            return;
        }

        var value = w[k];
        for (var p = 0; p < count; p++)
        {
            var noise = sigma == 0 ? 1 : 1 + (sigma * random.NextGaussian());
            value = Device.Pulse(value, up, dwUp[k], dwDown[k], wMin[k], wMax[k], noise);
        }

        w[k] = value;
    }
}
