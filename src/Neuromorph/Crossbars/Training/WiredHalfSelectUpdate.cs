using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars.Training;

/// <summary>
/// The stochastic V/2 update of a tile whose lines have wire resistance (<see cref="PulseUpdate.WireResistance"/>):
/// the four sign phases of <see cref="PulseUpdate.HalfSelect"/> run slot by slot, with the bit streams the tile drew.
/// In slot t of phase (s_d, s_x) the rows of sign s_d whose stream fires at t are driven at the phase's pulse voltage V
/// (SET in an up phase, RESET in a down phase), the columns of sign s_x that fire at 0, every other line at V/2; the
/// wired network is solved at the devices' present states (<see cref="WiredArraySlot"/>) and each device moves under its
/// own voltage for the pulse's width: IR drop lowers a selected device's voltage by its position, and every half-selected
/// device gets its own disturb. A device's weight maps to its state through the response's conductance
/// (<see cref="PhysicalResponse.StateOf"/>, after mapping the device's own bounds onto the nominal ones, as
/// <see cref="PulsedDevice.Step"/> does); its weight change is the model's scaled by the ratio of its bounds' span to the nominal one
/// and, for a selected device (both its lines fire), by its Δw_min^up/Δw_min (or down) and its cycle-to-cycle factor
/// 1 + σ·ξ, as the tile scales its full and half pulses. Phases run up, up, down, down:
/// (+, +), (−, −), (+, −), (−, +).
/// </summary>
internal sealed class WiredHalfSelectUpdate
{
    private readonly double[] w, wMin, wMax, dwUp, dwDown;
    private readonly PulsedDevice device;
    private readonly PhysicalResponse response;
    private readonly WiredArraySlot slot;
    private readonly int rows, cols;
    private readonly double[] states, mapped, rowVoltages, colVoltages;
    private readonly bool[] rowFires, colFires;

    /// <summary>The update of a tile's weights <paramref name="w"/> (row-major, updated in place) with its devices' own parameters.</summary>
    public WiredHalfSelectUpdate(PulsedDevice device, int rows, int cols, double wire, double[] w, double[] wMin, double[] wMax, double[] dwUp, double[] dwDown)
    {
        this.device = device;
        response = device.Response ?? throw new ArgumentException("the wired update needs a physical device");
        (this.rows, this.cols) = (rows, cols);
        (this.w, this.wMin, this.wMax, this.dwUp, this.dwDown) = (w, wMin, wMax, dwUp, dwDown);
        slot = new WiredArraySlot(response, rows, cols, wire);
        states = new double[rows * cols];
        mapped = Enumerable.Repeat(double.NaN, rows * cols).ToArray();
        (rowVoltages, colVoltages) = (new double[rows], new double[cols]);
        (rowFires, colFires) = (new bool[rows], new bool[cols]);
    }

    /// <summary>
    /// Runs the update: <paramref name="rowStreams"/> (rows × <paramref name="words"/>) and <paramref name="colStreams"/>
    /// (cols × words) hold the lines' bit streams of <paramref name="bl"/> slots, <paramref name="d"/> and
    /// <paramref name="x"/> give the lines' signs, <paramref name="noise"/> each row's cycle-to-cycle stream. Returns the
    /// full pulses (a device whose row and column both fire in a slot).
    /// </summary>
    public long Run(ReadOnlySpan<ulong> rowStreams, ReadOnlySpan<ulong> colStreams, int words, int bl, ReadOnlySpan<double> d, ReadOnlySpan<double> x, PhiloxStream[] noise)
    {
        long pulses = 0;
        foreach (var (sd, sx) in new[] { (1, 1), (-1, -1), (1, -1), (-1, 1) })
        {
            if (!Has(d, sd) || !Has(x, sx))
            {
                continue;
            }

            var pulse = sd == sx ? response.Set : response.Reset;
            for (var t = 0; t < bl; t++)
            {
                var any = false;
                for (var r = 0; r < rows; r++)
                {
                    rowFires[r] = Math.Sign(d[r]) == sd && Fires(rowStreams.Slice(r * words, words), t);
                    rowVoltages[r] = rowFires[r] ? pulse.Amplitude : pulse.Amplitude / 2;
                    any |= rowFires[r];
                }

                for (var c = 0; c < cols; c++)
                {
                    colFires[c] = Math.Sign(x[c]) == sx && Fires(colStreams.Slice(c * words, words), t);
                    colVoltages[c] = colFires[c] ? 0 : pulse.Amplitude / 2;
                    any |= colFires[c];
                }

                if (any)
                {
                    pulses += Slot(pulse.Width, noise);
                }
            }
        }

        return pulses;
    }

    /// <summary>One slot with the line voltages set: solve, then move every device whose state rate is nonzero.</summary>
    private long Slot(double width, PhiloxStream[] noise)
    {
        for (var k = 0; k < w.Length; k++)
        {
            if (mapped[k] != w[k])
            {
                states[k] = response.StateOf(Nominal(k));
                mapped[k] = w[k];
            }
        }

        var v = slot.DeviceVoltages(states, rowVoltages, colVoltages);
        var model = response.Model;
        var sigma = device.CycleToCycle;
        long full = 0;
        for (var k = 0; k < w.Length; k++)
        {
            var (r, c) = (k / cols, k % cols);
            var both = rowFires[r] && colFires[c];
            full += both ? 1 : 0;
            if (model.Evaluate(v[k], states[k]).StateRate == 0)
            {
                continue;
            }

            var before = response.Weight(response.Conductance(states[k]));
            var after = response.Weight(response.Conductance(response.StateAfter(states[k], new ProgrammingPulse(v[k], width))));
            var change = after - before;
            var ratio = (wMax[k] - wMin[k]) / (device.WMax - device.WMin);
            var step = change * ratio;
            if (both)
            {
                // a selected device's step carries its own Δw_min and its cycle-to-cycle noise, as a full pulse of the
                // tile does; a half-selected device's change only its bounds' scale, as the tile's half pulse
                step *= (change > 0 ? dwUp[k] : dwDown[k]) / device.DwMin * (sigma > 0 ? 1 + (sigma * noise[r].NextGaussian()) : 1);
            }

            w[k] = Math.Clamp(w[k] + step, wMin[k], wMax[k]);
        }

        return full;
    }

    /// <summary>Device <paramref name="k"/>'s weight mapped from its own bounds onto the response's.</summary>
    private double Nominal(int k) => device.WMin + ((w[k] - wMin[k]) * (device.WMax - device.WMin) / (wMax[k] - wMin[k]));

    private static bool Fires(ReadOnlySpan<ulong> bits, int t) => (bits[t >> 6] & (1UL << (t & 63))) != 0;

    private static bool Has(ReadOnlySpan<double> v, int sign)
    {
        foreach (var e in v)
        {
            if (Math.Sign(e) == sign)
            {
                return true;
            }
        }

        return false;
    }
}
