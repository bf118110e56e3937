using Neuromorph.Devices;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Crossbars;

/// <summary>Settings of write-verify programming: pulse amplitude (V) and width (s), read voltage (V), tolerance and budget.</summary>
public sealed record WriteVerifySettings(double PulseAmplitude = 1, double PulseWidth = 1e-6, double ReadVoltage = 0.1, double Tolerance = 0.02, int MaxPulses = 200);

/// <summary>A device that did not reach its target within the pulse budget.</summary>
public sealed record ProgrammingFailure(int Row, int Column, double Target, double Achieved, int Pulses);

/// <summary>What write-verify programming produced: the conductances read back (siemens), pulses used, and the devices that failed.</summary>
public sealed record ProgrammingResult(double[,] Conductance, int[,] Pulses, IReadOnlyList<ProgrammingFailure> Failures);

/// <summary>
/// Write-verify programming through a dynamic device model: read the device at a small voltage, apply a pulse of the
/// polarity that moves its conductance towards the target (the device's state equation integrated over the pulse),
/// halve the pulse width after every overshoot, and stop within tolerance or when the pulse budget is spent.
/// </summary>
public static class WriteVerify
{
    /// <summary>Programs every device of <paramref name="targets"/> (siemens); <paramref name="makeDevice"/> builds one device.</summary>
    public static ProgrammingResult Program(double[,] targets, Func<IMemristorModel> makeDevice, WriteVerifySettings s)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(makeDevice);
        ArgumentNullException.ThrowIfNull(s);
        var probe = makeDevice();
        var (gLo, gHi) = Range(probe, s.ReadVoltage);
        int m = targets.GetLength(0), n = targets.GetLength(1);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (targets[i, j] < gLo * (1 - s.Tolerance) || targets[i, j] > gHi * (1 + s.Tolerance))
                {
                    throw new UserInputException($"target conductance {targets[i, j]:G4} S at row {i + 1}, column {j + 1} is outside what the {probe.ModelName} device reaches ([{gLo:G4}, {gHi:G4}] S)",
                        "adjust g_min/g_max to the device's range");
                }
            }
        }

        var g = new double[m, n];
        var pulses = new int[m, n];
        var failures = new List<ProgrammingFailure>();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var device = makeDevice();
                var (achieved, used, ok) = ProgramOne(device, targets[i, j], s);
                g[i, j] = achieved;
                pulses[i, j] = used;
                if (!ok)
                {
                    failures.Add(new ProgrammingFailure(i, j, targets[i, j], achieved, used));
                }
            }
        }

        return new ProgrammingResult(g, pulses, failures);
    }

    /// <summary>Conductance range of a device across its programming range (<see cref="IMemristorModel.ProgrammingRange"/>), read at <paramref name="v"/>.</summary>
    public static (double Lo, double Hi) Range(IMemristorModel d, double v)
    {
        ArgumentNullException.ThrowIfNull(d);
        var (low, high) = d.ProgrammingRange;
        double a = Read(d, v, low), b = Read(d, v, high);
        return (Math.Min(a, b), Math.Max(a, b));
    }

    private static double Read(IMemristorModel d, double v, double x) => d.Evaluate(v, x).Current / v;

    private static (double G, int Pulses, bool Ok) ProgramOne(IMemristorModel d, double target, WriteVerifySettings s)
    {
        var x = d.InitialState;
        var width = s.PulseWidth;
        var polarity = 1.0;
        var g = Read(d, s.ReadVoltage, x);
        var lastSign = 0;
        var overshot = false;
        for (var p = 0; p < s.MaxPulses; p++)
        {
            var err = g - target;
            if (Math.Abs(err) <= s.Tolerance * target)
            {
                return (g, p, true);
            }

            var sign = Math.Sign(err);
            if (lastSign != 0 && sign != lastSign)
            {
                width /= 2; // overshoot: finer pulses
                overshot = true;
            }

            lastSign = sign;
            var before = g;
            var trial = Pulse(d, x, -sign * polarity * s.PulseAmplitude, width);
            var gTrial = Read(d, s.ReadVoltage, trial);
            if (Math.Sign(gTrial - before) == sign || gTrial == before)
            {
                // wrong way, or no movement (held at the end of the range, or below a threshold): try the other polarity
                var other = Pulse(d, x, sign * polarity * s.PulseAmplitude, width);
                var gOther = Read(d, s.ReadVoltage, other);
                if (Math.Sign(gOther - before) == -sign)
                {
                    polarity = -polarity; // this device moves the other way for this polarity
                    (trial, gTrial) = (other, gOther);
                }
            }

            if (!overshot && Math.Abs(gTrial - before) < 0.1 * Math.Abs(err))
            {
                width *= 2; // slow device (or a pulse below its threshold for this width): longer pulses until one moves it
            }

            x = trial;
            g = gTrial;
        }

        return (g, s.MaxPulses, Math.Abs(g - target) <= s.Tolerance * target);
    }

    /// <summary>
    /// The state after one rectangular pulse of <paramref name="v"/> volts and <paramref name="width"/> seconds from state
    /// <paramref name="x"/>: the device's batched form (its lane, driven directly at v) stepped with the lanes' clamped
    /// RK4 (<see cref="LaneTransient.Step{TLane}"/>), at least 64 sub-steps and none moving the state by more than 1 % of
    /// the programming range, kept within that range (a programmer never writes past the on or off state); it stops early
    /// at an end of the range while still pushed outwards.
    /// </summary>
    public static double Pulse(IMemristorModel d, double x, double v, double width)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.WithEquations(new PulseIntegration(d.ProgrammingRange, x, v, width));
    }

    /// <summary>One pulse at the device's equations type (see <see cref="Pulse"/>).</summary>
    private sealed class PulseIntegration((double Low, double High) range, double x0, double v, double width) : IMemristorEquationsVisitor<double>
    {
        public double Visit<TEquations>(TEquations equations)
            where TEquations : unmanaged, IMemristorEquations
        {
            var lane = new MemristorLane<TEquations>(equations, DriveWaveform.Dc(v), 0);
            var (low, high) = range;
            var span = high - low;
            var x = x0;
            var t = 0.0;
            while (t < width)
            {
                var k1 = lane.Rate(t, x);
                var rate = Math.Abs(k1);
                var h = Math.Min(width / 64, rate > 0 ? 0.01 * span / rate : width);
                h = Math.Min(Math.Max(h, width * 1e-9), width - t);
                x = LaneTransient.Step(lane, t, h, x, low, high);
                t += h;
                if ((x == low || x == high) && Math.Sign(k1) == Math.Sign(x == low ? -1 : 1))
                {
                    break; // at the end of the range and still pushed outwards
                }
            }

            return x;
        }
    }
}
