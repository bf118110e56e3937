using Neuromorph.Devices;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// A physical reservoir of dynamic (volatile) memristors, in the manner of Du et al. (Nat. Commun. 8, 2204, 2017) and
/// Moon et al. (Nat. Electron. 2, 480, 2019): each of N devices receives the input as a voltage pulse through its own
/// mask, V_i = offset + scale Σ_j m_ij u_j, held for the pulse width; its state follows the device model's own
/// dx/dt = F(V, x) plus a relaxation −(x − x_rest)/τ toward its resting (least conductive) state, so it forgets.
/// The reservoir's features are each device's conductance read (non-destructively) at a small read voltage at
/// <see cref="MemristiveReservoirSpec.VirtualNodes"/> equally spaced times within every pulse, normalised to [0, 1]
/// between the conductances of the state bounds. A ridge readout (<see cref="ReservoirReadout"/>) is trained on them.
/// </summary>
public sealed class MemristiveReservoir
{
    private readonly IMemristorModel _device;
    private readonly double[] _mask;
    private readonly double _rest;
    private readonly double _gLow;
    private readonly double _gHigh;

    /// <summary>Builds the reservoir; every device starts at rest.</summary>
    public MemristiveReservoir(MemristiveReservoirSpec spec, IMemristorModel device)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        _device = device ?? throw new ArgumentNullException(nameof(device));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Devices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.VirtualNodes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.PulseWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.ReadVoltage);
        var rng = new RandomStream(spec.Seed);
        _mask = [.. Enumerable.Range(0, spec.Devices * spec.InputSize).Select(_ => spec.BinaryMask ? (rng.NextDouble() < 0.5 ? -1.0 : 1.0) : (2 * rng.NextDouble()) - 1)];
        var gMin = Conductance(device.MinState);
        var gMax = Conductance(device.MaxState);
        (_gLow, _gHigh) = (Math.Min(gMin, gMax), Math.Max(gMin, gMax));
        _rest = spec.RestState ?? (gMin <= gMax ? device.MinState : device.MaxState);
        States = Enumerable.Repeat(_rest, spec.Devices).ToArray();
    }

    /// <summary>The reservoir's description.</summary>
    public MemristiveReservoirSpec Spec { get; }

    /// <summary>Device states x_i (the model's state units).</summary>
    public double[] States { get; }

    /// <summary>Features per step: devices × virtual nodes.</summary>
    public int Features => Spec.Devices * Spec.VirtualNodes;

    /// <summary>The state devices relax to.</summary>
    public double RestState => _rest;

    /// <summary>Mask m (devices × inputs).</summary>
    public ReadOnlySpan<double> Mask => _mask;

    /// <summary>Conductance at the read voltage, siemens.</summary>
    public double Conductance(double state) => _device.Evaluate(Spec.ReadVoltage, state).Current / Spec.ReadVoltage;

    /// <summary>Returns every device to its resting state.</summary>
    public void Reset() => Array.Fill(States, _rest);

    /// <summary>Drives the devices with <paramref name="length"/> input rows (length × I); returns the features (length × <see cref="Features"/>).</summary>
    public double[] Run(ReadOnlySpan<double> inputs, int length)
    {
        int n = Spec.Devices, k = Spec.VirtualNodes, io = Spec.InputSize;
        var features = new double[length * Features];
        var substeps = Math.Max(1, Spec.Substeps / k);
        var h = Spec.PulseWidth / (k * substeps);
        for (var t = 0; t < length; t++)
        {
            var u = inputs.Slice(t * io, io);
            for (var i = 0; i < n; i++)
            {
                var v = Spec.VoltageOffset;
                for (var j = 0; j < io; j++)
                {
                    v += Spec.VoltageScale * _mask[(i * io) + j] * u[j];
                }

                var x = States[i];
                for (var node = 0; node < k; node++)
                {
                    for (var s = 0; s < substeps; s++)
                    {
                        x = Step(v, x, h);
                    }

                    features[(t * Features) + (i * k) + node] = (Conductance(x) - _gLow) / (_gHigh - _gLow);
                }

                States[i] = x;
            }
        }

        return features;
    }

    /// <summary>
    /// One TR-BDF2 step (Bank et al. 1985; L-stable, second order) of the device state at constant voltage: a
    /// trapezoidal stage to t + γh, γ = 2 − √2, then BDF2 to t + h. Device equations are stiff (fast devices relax in
    /// nanoseconds at the edge of their window), so explicit steps would need far smaller h.
    /// </summary>
    private double Step(double v, double x, double h)
    {
        const double gamma = 0.58578643762690485; // 2 − √2
        var f0 = Rate(v, x).Rate;
        var xg = Solve(v, x + (gamma * h / 2 * f0), gamma * h / 2, x);
        var w = 1 / (gamma * (2 - gamma));
        var c = (w * xg) - ((1 - gamma) * (1 - gamma) * w * x);
        return Solve(v, c, (1 - gamma) / (2 - gamma) * h, xg);
    }

    /// <summary>Solves y = c + a·rate(v, y) by Newton's method from <paramref name="guess"/>, within the state bounds.</summary>
    private double Solve(double v, double c, double a, double guess)
    {
        var y = guess;
        for (var it = 0; it < 30; it++)
        {
            var (rate, slope) = Rate(v, y);
            var g = y - c - (a * rate);
            var next = Clamp(y - (g / (1 - (a * slope))));
            if (Math.Abs(next - y) <= 1e-13 * (1 + Math.Abs(y)))
            {
                return next;
            }

            y = next;
        }

        return y;
    }

    /// <summary>dx/dt and its derivative in x: the model's rate and exact partial, plus the relaxation.</summary>
    private (double Rate, double Slope) Rate(double v, double x)
    {
        var e = _device.Evaluate(v, x);
        return Spec.DecayTime > 0 ? (e.StateRate - ((x - _rest) / Spec.DecayTime), e.DRateDState - (1 / Spec.DecayTime)) : (e.StateRate, e.DRateDState);
    }

    private double Clamp(double x) => Math.Clamp(x, _device.MinState, _device.MaxState);
}
