using Neuromorph.Diagnostics;
using Neuromorph.Devices;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Crossbars.Training;

/// <summary>A rectangular programming pulse across one device: its voltage (V, signed) and duration (s).</summary>
/// <param name="Amplitude">Voltage from the device's n+ to n- terminal.</param>
/// <param name="Width">Duration in seconds (&gt; 0).</param>
public readonly record struct ProgrammingPulse(double Amplitude, double Width);

/// <summary>
/// The pulse response of a physical memristor model: what one SET pulse (raising the conductance) and one RESET pulse
/// (lowering it) do to a device, as a step table over its weight. Each table point is a state x_k of the device's
/// programming range; the state after a pulse is the model's own state equation dx/dt = F(V, x) (the equations
/// <c>simulate</c> uses) integrated over the pulse at the pulse's voltage, with the device alone across the source,
/// held in the model's state bounds as the circuit engine holds it. The weight is linear in the conductance read at
/// <see cref="ReadVoltage"/>: w = w_min + (w_max − w_min)·(G − G_min)/(G_max − G_min) over the programming range.
/// Between table points the step is interpolated linearly in w.
/// </summary>
public sealed class PhysicalResponse
{
    private readonly double[] weights;
    private readonly double[] upSteps;
    private readonly double[] downSteps;
    private readonly double[] halfSetChanges;
    private readonly double[] halfResetChanges;
    private double[]? stateWeights;

    /// <summary>Tabulates the response; throws <see cref="ArgumentException"/> (with the reason) when a pulse cannot be used.</summary>
    /// <param name="model">The device model (its parameters, including its own bounds and thresholds).</param>
    /// <param name="set">The pulse that raises the conductance.</param>
    /// <param name="reset">The pulse that lowers the conductance.</param>
    /// <param name="wMin">Weight at the lowest conductance.</param>
    /// <param name="wMax">Weight at the highest conductance.</param>
    /// <param name="points">Table points over the programming range (at least 3).</param>
    /// <param name="readVoltage">Voltage at which the conductance that maps to the weight is read (V, nonzero).</param>
    public PhysicalResponse(IMemristorModel model, ProgrammingPulse set, ProgrammingPulse reset, double wMin = -1, double wMax = 1, int points = 1001, double readVoltage = 0.1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 3);
        if (!(wMax > wMin))
        {
            throw new ArgumentException($"need w_min < w_max, got w_min = {wMin}, w_max = {wMax}");
        }

        if (readVoltage == 0 || !double.IsFinite(readVoltage))
        {
            throw new ArgumentException($"the read voltage must be nonzero and finite, got {readVoltage}");
        }

        foreach (var (name, p) in new[] { ("set", set), ("reset", reset) })
        {
            if (!(p.Width > 0) || !double.IsFinite(p.Width) || !double.IsFinite(p.Amplitude))
            {
                throw new ArgumentException($"the {name} pulse needs a finite amplitude and a positive width, got {p.Amplitude} V for {p.Width} s");
            }
        }

        Model = model;
        Set = set;
        Reset = reset;
        WMin = wMin;
        WMax = wMax;
        ReadVoltage = readVoltage;
        var (lo, hi) = model.ProgrammingRange;
        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi))
        {
            throw new ArgumentException($"model {model.ModelName} has no finite programming range ({lo} to {hi})");
        }

        States = [.. Enumerable.Range(0, points).Select(k => lo + ((hi - lo) * k / (points - 1)))];
        var g = States.Select(Conductance).ToArray();
        var (gMin, gMax) = (Math.Min(g[0], g[^1]), Math.Max(g[0], g[^1]));
        if (!(gMax > gMin))
        {
            throw new ArgumentException($"model {model.ModelName} has the same conductance at both ends of its programming range");
        }

        for (var k = 1; k < points; k++)
        {
            if ((g[k] - g[k - 1]) * (g[^1] - g[0]) < 0)
            {
                throw new ArgumentException($"the conductance of model {model.ModelName} is not monotonic in its state near x = {States[k]:G6}");
            }
        }

        GMin = gMin;
        GMax = gMax;
        var w = g.Select(Weight).ToArray();
        var up = new double[points];
        var down = new double[points];
        var (lowest, highest) = g[0] < g[^1] ? (lo, hi) : (hi, lo); // the states of the lowest and highest conductance
        var upHeld = new bool[points];
        var downHeld = new bool[points];
        for (var k = 0; k < points; k++)
        {
            var afterSet = Math.Clamp(StateAfter(States[k], set), lo, hi);
            var afterReset = Math.Clamp(StateAfter(States[k], reset), lo, hi);
            up[k] = Weight(Conductance(afterSet)) - w[k];
            down[k] = w[k] - Weight(Conductance(afterReset));
            upHeld[k] = afterSet == highest;
            downHeld[k] = afterReset == lowest;
        }

        CheckDirection("set", set, up, "raise");
        CheckDirection("reset", reset, down, "lower");

        // the table in increasing weight. A pulse that ends at the weight's bound made a step cut short by the bound;
        // the table keeps the nearest full step there instead, and Step cuts it at the bound itself, so a weight
        // between two table points near the bound steps to the bound as the model does (linear interpolation of the
        // cut steps would fall short there by up to a whole step)
        var order = Enumerable.Range(0, points).OrderBy(k => w[k]).ToArray();
        weights = [.. order.Select(k => w[k])];
        upSteps = FillHeld([.. order.Select(k => Math.Max(0, up[k]))], [.. order.Select(k => upHeld[k])]);
        downSteps = FillHeld([.. order.Select(k => Math.Max(0, down[k]))], [.. order.Select(k => downHeld[k])]);

        // the half-select disturb: the signed weight change of half a SET or RESET pulse (the V/2 scheme's half-selected
        // devices), exact at the table points; below a threshold it is zero
        var halfSet = set with { Amplitude = set.Amplitude / 2 };
        var halfReset = reset with { Amplitude = reset.Amplitude / 2 };
        halfSetChanges = [.. order.Select(k => Weight(Conductance(Math.Clamp(StateAfter(States[k], halfSet), lo, hi))) - w[k])];
        halfResetChanges = [.. order.Select(k => Weight(Conductance(Math.Clamp(StateAfter(States[k], halfReset), lo, hi))) - w[k])];
        HalfSetDisturbs = halfSetChanges.Any(c => c != 0);
        HalfResetDisturbs = halfResetChanges.Any(c => c != 0);
        var mid = Math.Clamp(0, wMin, wMax);
        DwMin = (Step(mid, true) + Step(mid, false)) / 2;
        if (!(DwMin > 0))
        {
            // the pulses move the weight somewhere, but not at the symmetry point: take the mean step instead
            DwMin = (upSteps.Average() + downSteps.Average()) / 2;
        }
    }

    /// <summary>The device model.</summary>
    public IMemristorModel Model { get; }

    /// <summary>The pulse that raises the conductance.</summary>
    public ProgrammingPulse Set { get; }

    /// <summary>The pulse that lowers the conductance.</summary>
    public ProgrammingPulse Reset { get; }

    /// <summary>Weight at the lowest conductance.</summary>
    public double WMin { get; }

    /// <summary>Weight at the highest conductance.</summary>
    public double WMax { get; }

    /// <summary>Read voltage of the conductance.</summary>
    public double ReadVoltage { get; }

    /// <summary>Lowest conductance over the programming range (S).</summary>
    public double GMin { get; }

    /// <summary>Highest conductance over the programming range (S).</summary>
    public double GMax { get; }

    /// <summary>The table's states x_k, evenly spaced over the programming range.</summary>
    public IReadOnlyList<double> States { get; }

    /// <summary>
    /// Δw_min of the device: the mean of the SET and RESET steps at w = 0 (or at the nearest bound); it scales the
    /// stochastic update's pulse probabilities as a preset's Δw_min does.
    /// </summary>
    public double DwMin { get; }

    /// <summary>The table's weights (increasing) and the step magnitudes of one SET and one RESET pulse there.</summary>
    public (IReadOnlyList<double> Weights, IReadOnlyList<double> Up, IReadOnlyList<double> Down) Table => (weights, upSteps, downSteps);

    /// <summary>Whether half a SET or half a RESET pulse changes the weight anywhere (the V/2 scheme then disturbs).</summary>
    public bool HalfSelectDisturbs => HalfSetDisturbs || HalfResetDisturbs;

    /// <summary>Whether half a SET pulse changes the weight anywhere (otherwise half-selecting up pulses are skipped).</summary>
    public bool HalfSetDisturbs { get; }

    /// <summary>Whether half a RESET pulse changes the weight anywhere (otherwise half-selecting down pulses are skipped).</summary>
    public bool HalfResetDisturbs { get; }

    /// <summary>
    /// The weight after a half-selecting pulse (half the SET or RESET pulse's voltage, same width) on a device at weight
    /// <paramref name="w"/>: the signed change interpolated from the table, the result kept in [w_min, w_max].
    /// </summary>
    public double AfterHalfPulse(double w, bool set)
    {
        var changes = set ? halfSetChanges : halfResetChanges;
        return Math.Clamp(w + Interpolate(w, changes), WMin, WMax);
    }

    /// <summary>Conductance 1/R read at <see cref="ReadVoltage"/> in state <paramref name="x"/>.</summary>
    public double Conductance(double x) => 1 / Model.Resistance(ReadVoltage, x);

    /// <summary>The weight of conductance <paramref name="g"/> (linear between the range's conductances).</summary>
    public double Weight(double g) => WMin + ((WMax - WMin) * (g - GMin) / (GMax - GMin));

    /// <summary>
    /// The state whose conductance maps to weight <paramref name="w"/> (kept in [w_min, w_max]): the inverse of
    /// Weight(Conductance(x)) over the programming range, bracketed by the table's states and refined by the Illinois
    /// method to rounding.
    /// </summary>
    public double StateOf(double w)
    {
        w = Math.Clamp(w, WMin, WMax);
        var table = stateWeights ??= [.. States.Select(x => Weight(Conductance(x)))];
        var rising = table[^1] > table[0];
        int lo = 0, hi = table.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if ((table[mid] <= w) == rising)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        double a = States[lo], b = States[hi], fa = table[lo] - w, fb = table[hi] - w;
        if (fa == 0)
        {
            return a;
        }

        if (fb == 0)
        {
            return b;
        }

        var side = 0;
        for (var iteration = 0; iteration < 100 && Math.Abs(b - a) > 4e-16 * Math.Max(Math.Abs(a), Math.Abs(b)); iteration++)
        {
            var c = ((a * fb) - (b * fa)) / (fb - fa);
            if (!(c > Math.Min(a, b) && c < Math.Max(a, b)))
            {
                c = (a + b) / 2;
            }

            var fc = Weight(Conductance(c)) - w;
            if (fc == 0)
            {
                return c;
            }

            if (Math.Sign(fc) == Math.Sign(fb))
            {
                (b, fb) = (c, fc);
                fa = side == -1 ? fa / 2 : fa;
                side = -1;
            }
            else
            {
                (a, fa) = (c, fc);
                fb = side == 1 ? fb / 2 : fb;
                side = 1;
            }

            if (Math.Abs(fc) <= 1e-15 * (WMax - WMin))
            {
                return c;
            }
        }

        return Math.Abs(fa) < Math.Abs(fb) ? a : b;
    }

    /// <summary>
    /// The state after <paramref name="pulse"/> on a device in state <paramref name="x"/>: dx/dt = F(V, x) integrated
    /// over the pulse (Dormand–Prince 5(4), relative tolerance 1e-10, absolute 1e-12 of the programming range), held
    /// at the model's state bound once it reaches it.
    /// </summary>
    public double StateAfter(double x, ProgrammingPulse pulse)
    {
        var model = Model;
        var v = pulse.Amplitude;
        var (lo, hi) = model.ProgrammingRange;
        var direction = Math.Sign(model.Evaluate(v, x).StateRate);
        if (direction == 0)
        {
            return x; // below threshold, or held by the window
        }

        // at a constant voltage the state moves one way only: once it reaches the bound it moves towards it stays
        // there, as the circuit engine holds it; an event ends the integration at the bound (the rate jumps to 0 there)
        var bound = direction > 0 ? model.MaxState : model.MinState;
        if (direction * (x - bound) >= -1e-12 * (hi - lo))
        {
            return bound; // at (or past, or within rounding of) the bound it moves towards: held there
        }

        var options = new OdeOptions
        {
            RelTol = 1e-10,
            AbsTol = 1e-12 * (hi - lo),
            MaxSteps = 200_000,
            // the pulse's own time scale: the integrator's first-step guess from a state near 0 can fall below its
            // absolute step floor (1e-14 s) on a nanosecond pulse
            InitialStep = 1e-3 * pulse.Width,
            StopEvent = double.IsFinite(bound) ? (_, y) => y[0] - bound : null,
        };
        OdeResult result;
        try
        {
            result = new DormandPrince54().Integrate((_, y, dy) => dy[0] = model.Evaluate(v, y[0]).StateRate, 0, [x], pulse.Width, options);
        }
        catch (SimulationException ex)
        {
            throw new ArgumentException($"a {v} V, {pulse.Width} s pulse on model {model.ModelName} cannot be integrated from state {x:G6}: {ex.Message}", ex);
        }

        var after = result.Stop == OdeStop.Event ? bound : Math.Clamp(result.Final[0], model.MinState, model.MaxState);
        if (!double.IsFinite(after))
        {
            throw new ArgumentException($"a {v} V, {pulse.Width} s pulse on model {model.ModelName} drives its state to {after} from {x:G6}");
        }

        return after;
    }

    /// <summary>
    /// Magnitude (≥ 0) of the weight step one SET (<paramref name="up"/>) or RESET pulse makes at weight
    /// <paramref name="w"/>: the table interpolated linearly in w, cut at the bound the pulse moves towards.
    /// </summary>
    public double Step(double w, bool up) => Math.Max(0, Math.Min(Interpolate(w, up ? upSteps : downSteps), up ? WMax - w : w - WMin));

    /// <summary>Held entries replaced by the nearest full step (in table order); all held: left as they are.</summary>
    private static double[] FillHeld(double[] steps, bool[] held)
    {
        var filled = (double[])steps.Clone();
        for (var k = 0; k < steps.Length; k++)
        {
            if (!held[k])
            {
                continue;
            }

            for (var d = 1; d < steps.Length; d++)
            {
                if (k - d >= 0 && !held[k - d])
                {
                    filled[k] = steps[k - d];
                    break;
                }

                if (k + d < steps.Length && !held[k + d])
                {
                    filled[k] = steps[k + d];
                    break;
                }
            }
        }

        return filled;
    }

    private double Interpolate(double w, double[] steps)
    {
        if (w <= weights[0])
        {
            return steps[0];
        }

        if (w >= weights[^1])
        {
            return steps[^1];
        }

        var k = Array.BinarySearch(weights, w);
        if (k >= 0)
        {
            return steps[k];
        }

        var hiIndex = ~k;
        var loIndex = hiIndex - 1;
        var span = weights[hiIndex] - weights[loIndex];
        if (span <= 0)
        {
            return steps[loIndex];
        }

        var f = (w - weights[loIndex]) / span;
        return steps[loIndex] + (f * (steps[hiIndex] - steps[loIndex]));
    }

    private void CheckDirection(string name, ProgrammingPulse pulse, double[] steps, string verb)
    {
        var range = WMax - WMin;
        var forward = steps.Count(s => s > 1e-12 * range);
        var backward = steps.Count(s => s < -1e-12 * range);
        if (forward == 0 && backward == 0)
        {
            throw new ArgumentException(
                $"the {name} pulse ({pulse.Amplitude} V for {pulse.Width} s) does not change the conductance of model {Model.ModelName} at any state: below its switching threshold, or too short");
        }

        if (backward > forward)
        {
            var other = verb == "raise" ? "lower" : "raise";
            throw new ArgumentException(
                $"the {name} pulse ({pulse.Amplitude} V for {pulse.Width} s) would {other} the conductance of model {Model.ModelName} at most states; a {name} pulse must {verb} it (try the other polarity)");
        }
    }
}
