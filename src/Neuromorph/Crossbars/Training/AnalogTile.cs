using System.Collections.Concurrent;
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
/// The stochastic update draws from counter-based streams (<see cref="Philox"/>) keyed by a 64-bit seed the tile
/// draws from its random stream once: each line's bit stream from (line, update number, kind), each row's
/// cycle-to-cycle noise from (row, update number). So rows are updated in parallel on a large tile, in any order, and
/// the weights do not depend on the number of threads.
/// </summary>
public sealed class AnalogTile
{
    private readonly double[] w;
    private readonly double[] dwUp;
    private readonly double[] dwDown;
    private readonly double[] wMin;
    private readonly double[] wMax;
    private readonly RandomStream random;
    private const uint ColumnStream = 0, RowStream = 1, NoiseStream = 2;
    private readonly ulong seed;
    private ulong updates;
    private ulong[] columnStreams = [];
    private int[] columnOnes = [];
    private double[] xs = [];
    private double[] ds = [];
    private readonly WiredHalfSelectUpdate? wired;
    private ulong[] rowStreams = [];

    /// <summary>A tile of <paramref name="rows"/> × <paramref name="cols"/> devices at weight 0 (clipped into each device's bounds).</summary>
    /// <param name="rows">Outputs.</param>
    /// <param name="cols">Inputs.</param>
    /// <param name="device">Device model; its spreads are drawn here, once per device.</param>
    /// <param name="update">Pulsed update settings.</param>
    /// <param name="random">Stream for the device-to-device draws, the cycle-to-cycle noise outside the stochastic update, and the seed of the stochastic update's streams.</param>
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

        if (!(update.WireResistance >= 0) || !double.IsFinite(update.WireResistance))
        {
            throw new ArgumentOutOfRangeException(nameof(update), $"the wire resistance must be finite and >= 0, got {update.WireResistance}");
        }

        if (update.WireResistance > 0 && (update.Mode != UpdateMode.Stochastic || !update.HalfSelect || device.Response is null))
        {
            throw new ArgumentException("a wire resistance needs the stochastic update with half_select on a physical device", nameof(update));
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

        // the key of the stochastic update's counter-based streams (drawn only in that mode, so that the other modes
        // keep their draws)
        seed = update.Mode == UpdateMode.Stochastic ? random.NextULong() : 0;
        if (update.WireResistance > 0)
        {
            wired = new WiredHalfSelectUpdate(device, rows, cols, update.WireResistance, w, wMin, wMax, dwUp, dwDown);
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

    /// <summary>The smallest tile (rows × cols) whose stochastic update runs in parallel.</summary>
    internal const int ParallelDevices = 16384;

    /// <summary>Threads of the stochastic update on a large tile (-1: as many as there are cores); the weights do not depend on it.</summary>
    internal int MaxDegreeOfParallelism { get; set; } = -1;

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
        var update = updates++;
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

        var bl = Settings.StreamLength(eta, xMax, dMax, Device.DwMin);
        var words = (bl + 63) / 64;
        if (xs.Length != Cols)
        {
            columnOnes = new int[Cols];
            xs = new double[Cols];
            ds = new double[Rows];
        }

        if (columnStreams.Length < Cols * words)
        {
            columnStreams = new ulong[Cols * ((Settings.BitLength + 63) / 64)];
        }

        x[..Cols].CopyTo(xs);
        d[..Rows].CopyTo(ds);
        var scale = Math.Sqrt(eta / (bl * Device.DwMin));
        var m = Settings.UpdateManagement ? Math.Sqrt(dMax / xMax) : 1.0;
        var (xScale, dScale) = (scale * m, scale / m);
        var halfSelect = Settings.HalfSelect && Device.Response?.HalfSelectDisturbs == true;
        var phases = new Phases(Signs(d), Signs(x));
        ForRanges(Cols, (from, to) =>
        {
            for (var c = from; c < to; c++)
            {
                var bits = columnStreams.AsSpan(c * words, words);
                Stream(xs[c], xScale, bits, bl, update, ColumnStream, c);
                columnOnes[c] = Ones(bits);
            }
        });

        if (wired is not null)
        {
            PulseCount += WiredUpdate(words, bl, update, dScale);
            return;
        }

        long pulses = 0;
        ForRanges(Rows, (from, to) =>
        {
            Span<ulong> cb = stackalloc ulong[words];
            long local = 0;
            for (var r = from; r < to; r++)
            {
                if (ds[r] == 0 && !halfSelect)
                {
                    continue;
                }

                Stream(ds[r], dScale, cb, bl, update, RowStream, r);
                var noise = new PhiloxStream(seed, (uint)r, (uint)update, ((uint)(update >> 32) << 2) | NoiseStream);
                local += halfSelect ? HalfSelectRow(r, cb, words, phases, ref noise) : CoincidenceRow(r, cb, words, ref noise);
            }

            Interlocked.Add(ref pulses, local);
        });
        PulseCount += pulses;
    }

    /// <summary>The stochastic update through the wired array: every row's stream drawn as the other modes draw it, then the slots in order.</summary>
    private long WiredUpdate(int words, int bl, ulong update, double dScale)
    {
        if (rowStreams.Length < Rows * words)
        {
            rowStreams = new ulong[Rows * ((Settings.BitLength + 63) / 64)];
        }

        var noise = new PhiloxStream[Rows];
        for (var r = 0; r < Rows; r++)
        {
            Stream(ds[r], dScale, rowStreams.AsSpan(r * words, words), bl, update, RowStream, r);
            noise[r] = new PhiloxStream(seed, (uint)r, (uint)update, ((uint)(update >> 32) << 2) | NoiseStream);
        }

        return wired!.Run(rowStreams.AsSpan(0, Rows * words), columnStreams.AsSpan(0, Cols * words), words, bl, ds, xs, noise);
    }

    /// <summary>Runs <paramref name="body"/> over [0, <paramref name="count"/>) in ranges, in parallel on a large tile.</summary>
    private void ForRanges(int count, Action<int, int> body)
    {
        if ((long)Rows * Cols < ParallelDevices || MaxDegreeOfParallelism == 1 || count < 2)
        {
            body(0, count);
            return;
        }

        var threads = MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
        var size = Math.Max(1, count / (4 * threads));
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism };
        Parallel.ForEach(Partitioner.Create(0, count, size), options, range => body(range.Item1, range.Item2));
    }

    /// <summary>
    /// Line <paramref name="line"/>'s Bernoulli stream: bit t set with probability ⌈p·2³²⌉/2³² (p = min(1, scale·|v|)),
    /// drawn from the tile's Philox stream (line, update, kind).
    /// </summary>
    private void Stream(double v, double scale, Span<ulong> bits, int bl, ulong update, uint kind, int line)
    {
        bits.Clear();
        var p = Math.Min(1.0, scale * Math.Abs(v));
        if (!(p > 0))
        {
            return;
        }

        var threshold = (ulong)Math.Ceiling(p * 4294967296.0);
        var draws = new PhiloxStream(seed, (uint)line, (uint)update, ((uint)(update >> 32) << 2) | kind);
        for (var t = 0; t < bl; t++)
        {
            if (draws.NextUInt() < threshold)
            {
                bits[t >> 6] |= 1UL << (t & 63);
            }
        }
    }

    /// <summary>Row <paramref name="r"/> of the plain stochastic update: each coincidence one pulse of sign d_r·x_c.</summary>
    private long CoincidenceRow(int r, ReadOnlySpan<ulong> cb, int words, ref PhiloxStream noise)
    {
        var dr = ds[r];
        long pulses = 0;
        for (var c = 0; c < Cols; c++)
        {
            if (xs[c] == 0)
            {
                continue;
            }

            var n = Coincidences(cb, columnStreams.AsSpan(c * words, words));
            if (n > 0)
            {
                pulses += n;
                Pulses((r * Cols) + c, (dr > 0) == (xs[c] > 0), n, ref noise);
            }
        }

        return pulses;
    }

    /// <summary>
    /// Row <paramref name="r"/> of the stochastic update in the V/2 scheme (<see cref="PulseUpdate.HalfSelect"/>): four
    /// sign phases, in each only the lines of the phase's signs driven with their streams and the others at V/2. A device
    /// gets a full pulse where both its lines fire and a half pulse of the phase's polarity where exactly one of them
    /// fires; its full pulses are applied first, then its half up and half down pulses. A phase with no row or no column
    /// of its signs is not run.
    /// </summary>
    private long HalfSelectRow(int r, ReadOnlySpan<ulong> cb, int words, Phases phases, ref PhiloxStream noise)
    {
        var sr = Math.Sign(ds[r]);
        var pr = Ones(cb);
        var (dPositive, dNegative) = phases.D;
        var (xPositive, xNegative) = phases.X;
        long pulses = 0;
        for (var c = 0; c < Cols; c++)
        {
            var sc = Math.Sign(xs[c]);
            if (sr == 0 && sc == 0)
            {
                continue;
            }

            var k = (r * Cols) + c;
            var pc = columnOnes[c];
            long halfUp, halfDown;
            if (sr != 0 && sc != 0)
            {
                // the device's own phase (sign d_r, sign x_c): full pulses where both fire, half where one does;
                // the row-only phase (sign d_r, −sign x_c) and the column-only phase (−sign d_r, sign x_c) have
                // the other polarity
                var up = sr == sc;
                var full = Coincidences(cb, columnStreams.AsSpan(c * words, words));
                if (full > 0)
                {
                    pulses += full;
                    Pulses(k, up, full, ref noise);
                }

                long same = pr + pc - (2 * full);
                long other = ((sc > 0 ? xNegative : xPositive) ? pr : 0) + ((sr > 0 ? dNegative : dPositive) ? pc : 0);
                (halfUp, halfDown) = up ? (same, other) : (other, same);
            }
            else if (sr != 0)
            {
                // its column is at V/2 in both phases of its row: (sign d_r, +) is up for d_r > 0, (sign d_r, −) down
                halfUp = (sr > 0 ? xPositive : xNegative) ? pr : 0;
                halfDown = (sr > 0 ? xNegative : xPositive) ? pr : 0;
            }
            else
            {
                halfUp = (sc > 0 ? dPositive : dNegative) ? pc : 0;
                halfDown = (sc > 0 ? dNegative : dPositive) ? pc : 0;
            }

            HalfPulses(k, halfUp, halfDown);
        }

        return pulses;
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

    /// <summary>The number of set bits of a stream.</summary>
    private static int Ones(ReadOnlySpan<ulong> bits)
    {
        var ones = 0;
        foreach (var word in bits)
        {
            ones += BitOperations.PopCount(word);
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

        // a direction whose half pulse changes nothing anywhere is skipped (it would only round the weight)
        var value = w[k];
        for (var h = Device.Response?.HalfSetDisturbs == true ? 0L : up; h < up; h++)
        {
            value = Device.HalfPulse(value, true, wMin[k], wMax[k]);
        }

        for (var h = Device.Response?.HalfResetDisturbs == true ? 0L : down; h < down; h++)
        {
            value = Device.HalfPulse(value, false, wMin[k], wMax[k]);
        }

        w[k] = value;
    }

    /// <summary><paramref name="count"/> pulses on device <paramref name="k"/>, counted, their noise from the tile's stream.</summary>
    private void Pulses(int k, bool up, int count)
    {
        PulseCount += count;
        var source = random;
        Pulses(k, up, count, ref source);
    }

    /// <summary>
    /// <paramref name="count"/> pulses on device <paramref name="k"/> with their cycle-to-cycle noise from
    /// <paramref name="noise"/> (the tile's stream, or the stochastic update's per-row stream); the caller counts them.
    /// </summary>
    private void Pulses<TNoise>(int k, bool up, int count, ref TNoise noise)
        where TNoise : IGaussianSource
    {
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
            var factor = sigma == 0 ? 1 : 1 + (sigma * noise.NextGaussian());
            value = Device.Pulse(value, up, dwUp[k], dwDown[k], wMin[k], wMax[k], factor);
        }

        w[k] = value;
    }

    /// <summary>The signs present among the errors d and among the inputs x: which of the four phases run.</summary>
    private readonly record struct Phases((bool Positive, bool Negative) D, (bool Positive, bool Negative) X);
}
