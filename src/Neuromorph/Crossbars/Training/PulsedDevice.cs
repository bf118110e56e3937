namespace Neuromorph.Crossbars.Training;

/// <summary>How one programming pulse changes a device's weight as a function of that weight (aihwkit's pulsed device presets).</summary>
public enum DeviceResponseKind
{
    /// <summary>Δw fixed: Δw_up = Δw_min·(1 + up_down), Δw_down = Δw_min·(1 − up_down); clipped to [w_min, w_max].</summary>
    ConstantStep,

    /// <summary>Δw linear in w: Δw_up = Δw_min^up·(1 − γ_up·w/w_max), Δw_down = Δw_min^down·(1 − γ_down·w/w_min).</summary>
    LinearStep,

    /// <summary>Δw_up = Δw_min^up·(1 − w/w_max), Δw_down = Δw_min^down·(1 − w/w_min): the step vanishes at the bounds.</summary>
    SoftBounds,

    /// <summary>With z = (w − w_min)/(w_max − w_min): Δw_up = Δw_min^up·max(0, 1 − A_up·e^{γ_up·z}), Δw_down = Δw_min^down·max(0, 1 − A_down·e^{γ_down·(1 − z)}).</summary>
    ExpStep,

    /// <summary>Δw_up = Δw_min^up·(2(w_max − w)/(w_max − w_min))^γ_up, Δw_down = Δw_min^down·(2(w − w_min)/(w_max − w_min))^γ_down.</summary>
    PowStep,

    /// <summary>
    /// aihwkit's piecewise step: with z = (w − w_min)/(w_max − w_min), Δw_up = Δw_min^up·f_up(z) and Δw_down =
    /// Δw_min^down·f_down(z), where f interpolates linearly between the values <see cref="PulsedDevice.PiecewiseUp"/>
    /// (<see cref="PulsedDevice.PiecewiseDown"/>) given at evenly spaced z from 0 to 1: a measured step-against-weight
    /// curve taken as it is.
    /// </summary>
    PiecewiseStep,

    /// <summary>
    /// A memristor model under its SET and RESET pulses (<see cref="PhysicalResponse"/>): the step is the model's own
    /// state change under the pulse, mapped to the weight through its conductance, times Δw_min^up/Δw_min (or down).
    /// </summary>
    Physical,
}

/// <summary>
/// A pulsed device model: the response to one up or down pulse (<see cref="DeviceResponseKind"/>), the nominal step Δw_min
/// and bounds, an up/down asymmetry, device-to-device spreads (drawn once per device) and cycle-to-cycle noise (each pulse's
/// step is multiplied by 1 + σ_c2c·ξ, ξ ~ N(0, 1)). Weights are dimensionless, as in aihwkit.
/// </summary>
/// <param name="Kind">Response shape.</param>
/// <param name="DwMin">Nominal step of one pulse, Δw_min &gt; 0.</param>
/// <param name="WMin">Lower bound (&lt; w_max).</param>
/// <param name="WMax">Upper bound.</param>
public sealed record PulsedDevice(DeviceResponseKind Kind, double DwMin, double WMin, double WMax)
{
    /// <summary>Up/down asymmetry a: Δw_min^up = Δw_min·(1 + a), Δw_min^down = Δw_min·(1 − a); |a| &lt; 1.</summary>
    public double UpDown { get; init; }

    /// <summary>γ_up of LinearStep, ExpStep and PowStep.</summary>
    public double GammaUp { get; init; } = 1;

    /// <summary>γ_down of LinearStep, ExpStep and PowStep.</summary>
    public double GammaDown { get; init; } = 1;

    /// <summary>PiecewiseStep's f_up: its values at z = 0, 1/(n − 1), ..., 1 (at least two, none negative).</summary>
    public IReadOnlyList<double> PiecewiseUp { get; init; } = [1, 1];

    /// <summary>PiecewiseStep's f_down, as <see cref="PiecewiseUp"/>.</summary>
    public IReadOnlyList<double> PiecewiseDown { get; init; } = [1, 1];

    /// <summary>A_up of ExpStep.</summary>
    public double AUp { get; init; } = 0.1;

    /// <summary>A_down of ExpStep.</summary>
    public double ADown { get; init; } = 0.1;

    /// <summary>Relative device-to-device spread of Δw_min (each device's Δw_min is multiplied by 1 + σ·ξ, kept positive).</summary>
    public double DwMinDtoD { get; init; }

    /// <summary>Relative device-to-device spread of w_max and w_min (each multiplied by its own 1 + σ·ξ, kept on its side of 0).</summary>
    public double BoundsDtoD { get; init; }

    /// <summary>Device-to-device spread of the asymmetry a (each device gets a + σ·ξ, kept in (−0.95, 0.95)).</summary>
    public double UpDownDtoD { get; init; }

    /// <summary>Cycle-to-cycle noise σ_c2c: each pulse's step is multiplied by 1 + σ_c2c·ξ.</summary>
    public double CycleToCycle { get; init; }

    /// <summary>The step table of a <see cref="DeviceResponseKind.Physical"/> device (null for the presets).</summary>
    public PhysicalResponse? Response { get; init; }

    /// <summary>
    /// A device whose pulses go through a memristor model (<paramref name="response"/>): its Δw_min and bounds are the
    /// response's; device-to-device spreads scale its steps and bounds as they scale a preset's.
    /// </summary>
    public static PulsedDevice Physical(PhysicalResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new PulsedDevice(DeviceResponseKind.Physical, response.DwMin, response.WMin, response.WMax) { Response = response };
    }

    /// <summary>Checks the parameters; throws <see cref="ArgumentException"/> on the first that is invalid.</summary>
    public void Validate()
    {
        if (!(DwMin > 0) || !double.IsFinite(DwMin))
        {
            throw new ArgumentException($"dw_min must be positive and finite, got {DwMin}");
        }

        if (!(WMax > WMin) || !double.IsFinite(WMin) || !double.IsFinite(WMax))
        {
            throw new ArgumentException($"need w_min < w_max, got w_min = {WMin}, w_max = {WMax}");
        }

        if (Kind == DeviceResponseKind.Physical && Response is null)
        {
            throw new ArgumentException("a physical device needs its pulse response (PulsedDevice.Physical)");
        }

        if (!(Math.Abs(UpDown) < 1))
        {
            throw new ArgumentException($"up_down must be in (-1, 1), got {UpDown}");
        }
    }

    /// <summary>
    /// The weight after one pulse on a device at <paramref name="w"/> with its own parameters (nominal ones for the preset
    /// itself); the result is clipped to [w_min, w_max]. No cycle-to-cycle noise (see <paramref name="noise"/>).
    /// </summary>
    /// <param name="w">Weight before the pulse.</param>
    /// <param name="up">True for a potentiating pulse.</param>
    /// <param name="dwUp">This device's Δw_min^up.</param>
    /// <param name="dwDown">This device's Δw_min^down.</param>
    /// <param name="wMin">This device's lower bound.</param>
    /// <param name="wMax">This device's upper bound.</param>
    /// <param name="noise">Multiplier of the step (1 + σ_c2c·ξ; 1 without noise).</param>
    public double Pulse(double w, bool up, double dwUp, double dwDown, double wMin, double wMax, double noise = 1)
    {
        var step = Step(w, up, dwUp, dwDown, wMin, wMax) * noise;
        var next = up ? w + step : w - step;
        return Math.Clamp(next, wMin, wMax);
    }

    /// <summary>Magnitude of the step (≥ 0) one pulse makes at <paramref name="w"/>, before clipping and noise.</summary>
    /// <param name="w">Weight before the pulse.</param>
    /// <param name="up">True for a potentiating pulse.</param>
    /// <param name="dwUp">This device's Δw_min^up.</param>
    /// <param name="dwDown">This device's Δw_min^down.</param>
    /// <param name="wMin">This device's lower bound.</param>
    /// <param name="wMax">This device's upper bound.</param>
    public double Step(double w, bool up, double dwUp, double dwDown, double wMin, double wMax)
    {
        var range = wMax - wMin;
        var s = Kind switch
        {
            DeviceResponseKind.ConstantStep => up ? dwUp : dwDown,
            DeviceResponseKind.LinearStep => up ? dwUp * (1 - (GammaUp * w / wMax)) : dwDown * (1 - (GammaDown * w / wMin)),
            DeviceResponseKind.SoftBounds => up ? dwUp * (1 - (w / wMax)) : dwDown * (1 - (w / wMin)),
            DeviceResponseKind.ExpStep => up
                ? dwUp * Math.Max(0, 1 - (AUp * Math.Exp(GammaUp * (w - wMin) / range)))
                : dwDown * Math.Max(0, 1 - (ADown * Math.Exp(GammaDown * (wMax - w) / range))),
            DeviceResponseKind.PowStep => up
                ? dwUp * Math.Pow(Math.Max(0, 2 * (wMax - w) / range), GammaUp)
                : dwDown * Math.Pow(Math.Max(0, 2 * (w - wMin) / range), GammaDown),
            DeviceResponseKind.PiecewiseStep => (up ? dwUp : dwDown) * Piecewise(up ? PiecewiseUp : PiecewiseDown, (w - wMin) / range),
            DeviceResponseKind.Physical => PhysicalStep(w, up, dwUp, dwDown, wMin, wMax),
            _ => throw new InvalidOperationException($"unknown response {Kind}"),
        };
        return Math.Max(0, s);
    }

    /// <summary>The piecewise-linear function through <paramref name="values"/> at evenly spaced z in [0, 1], at <paramref name="z"/> (held at the ends).</summary>
    internal static double Piecewise(IReadOnlyList<double> values, double z)
    {
        var n = values.Count - 1;
        var at = Math.Clamp(z, 0, 1) * n;
        var k = Math.Min((int)at, n - 1);
        return values[k] + ((at - k) * (values[k + 1] - values[k]));
    }

    /// <summary>
    /// The physical response at this device's weight: w mapped from the device's bounds onto the nominal ones, the
    /// table's step there scaled back to the device's range and by its Δw_min^up/Δw_min (Δw_min^down/Δw_min).
    /// </summary>
    private double PhysicalStep(double w, bool up, double dwUp, double dwDown, double wMin, double wMax)
    {
        var ratio = (wMax - wMin) / (WMax - WMin);
        var nominal = WMin + ((w - wMin) / ratio);
        return Response!.Step(nominal, up) * ratio * (up ? dwUp : dwDown) / DwMin;
    }

    /// <summary>
    /// The weight after one half-selecting pulse (the V/2 scheme: half the SET or RESET voltage) on a physical device
    /// at <paramref name="w"/> with bounds [<paramref name="wMin"/>, <paramref name="wMax"/>]; presets are not disturbed.
    /// </summary>
    public double HalfPulse(double w, bool set, double wMin, double wMax)
    {
        if (Response is null)
        {
            return w;
        }

        var ratio = (wMax - wMin) / (WMax - WMin);
        var nominal = WMin + ((w - wMin) / ratio);
        return Math.Clamp(wMin + ((Response.AfterHalfPulse(nominal, set) - WMin) * ratio), wMin, wMax);
    }

    /// <summary>The preset names <see cref="Preset"/> knows.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["constant_step", "linear_step", "soft_bounds", "exp_step", "pow_step", "piecewise_step"];

    /// <summary>
    /// A named preset with weights in [−1, 1] and <paramref name="dwMin"/> per pulse (null for an unknown name):
    /// <c>constant_step</c>, <c>linear_step</c> (γ = 0.5), <c>soft_bounds</c>, <c>exp_step</c> (A = 0.1, γ = 2), <c>pow_step</c> (γ = 1.5),
    /// <c>piecewise_step</c> (f = 1 everywhere until its values are given).
    /// </summary>
    public static PulsedDevice? Preset(string name, double dwMin = 0.001) => name?.ToLowerInvariant() switch
    {
        "constant_step" => new PulsedDevice(DeviceResponseKind.ConstantStep, dwMin, -1, 1),
        "linear_step" => new PulsedDevice(DeviceResponseKind.LinearStep, dwMin, -1, 1) { GammaUp = 0.5, GammaDown = 0.5 },
        "soft_bounds" => new PulsedDevice(DeviceResponseKind.SoftBounds, dwMin, -1, 1),
        "exp_step" => new PulsedDevice(DeviceResponseKind.ExpStep, dwMin, -1, 1) { AUp = 0.1, ADown = 0.1, GammaUp = 2, GammaDown = 2 },
        "pow_step" => new PulsedDevice(DeviceResponseKind.PowStep, dwMin, -1, 1) { GammaUp = 1.5, GammaDown = 1.5 },
        "piecewise_step" => new PulsedDevice(DeviceResponseKind.PiecewiseStep, dwMin, -1, 1),
        _ => null,
    };
}
