using Neuromorph.Diagnostics;

namespace Neuromorph.Devices.Pem;

/// <summary>
/// Xyce's piecewise-empirical memristor model (<c>.model NAME memristor level=4</c>, Xyce Reference Guide; Sandia's
/// fitted TaOx device): the current i = x·h(V) with
/// h(V) = I1·e^{V/V1} − I2·e^{−V/V2} + G0·V − (I1 − I2), and the state equation dx/dt = C·g(V)·f(x) with
/// g(V) = e^{d1 (V − Vp)} − 1 for V ≥ Vp, e^{d2 (V − Vn)} − 1 for V ≤ Vn (checked in that order), else 0;
/// C = C1 and f = f+ for V ≥ 0, C = C2 and f = f− for V &lt; 0. f+ and f− are tables read from the files the card
/// names (<c>FXPDATA</c>, <c>FXMDATA</c>), interpolated linearly (<see cref="PiecewiseLinear"/>); f+ is 0 above its
/// last x and f− is 0 below its first x, so x stops there. The state is not bounded otherwise (as in Xyce). Xyce
/// reports the resistance as 1/(∂i/∂V) = 1/(x·h′(V)), the differential resistance, and so does <see cref="Resistance"/>.
/// At the operating point x is <c>XO</c> when given, else 1 when V &gt; 0 and 0 otherwise (<see cref="OperatingPointState"/>).
/// The tables make it a netlist-only model: it has no unmanaged equations struct for batched device kernels.
/// </summary>
public sealed class PemModel : IMemristorModel, IOperatingPointState
{
    private readonly double _i1, _i2, _v1, _v2, _g0, _vp, _vn, _d1, _d2, _c1, _c2;
    private readonly PiecewiseLinear _fPlus;
    private readonly PiecewiseLinear _fMinus;
    private readonly double? _xo;

    /// <summary>A device with the card's parameters, its two tables and, when given, the instance's <c>XO</c>.</summary>
    public PemModel(IReadOnlyDictionary<string, double> p, PiecewiseLinear fPlus, PiecewiseLinear fMinus, double? xo)
    {
        ArgumentNullException.ThrowIfNull(p);
        double P(string name, double fallback) => p.TryGetValue(name, out var v) ? v : fallback;
        (_i1, _i2, _v1, _v2, _g0) = (P("i1", 1), P("i2", 1), P("v1", 1), P("v2", 1), P("g0", 1));
        (_vp, _vn, _d1, _d2, _c1, _c2) = (P("vp", 1e-2), P("vn", -1e-2), P("d1", 1), P("d2", 1), P("c1", 1), P("c2", 1));
        _fPlus = fPlus ?? throw new ArgumentNullException(nameof(fPlus));
        _fMinus = fMinus ?? throw new ArgumentNullException(nameof(fMinus));
        _xo = xo;
    }

    /// <summary>The card's numeric parameters with their Xyce defaults (the tables are the two file names).</summary>
    public static IReadOnlyList<(string Name, double Default, string Meaning)> Parameters { get; } =
    [
        ("i1", 1, "current scale of the forward exponential (A)"),
        ("i2", 1, "current scale of the reverse exponential (A)"),
        ("v1", 1, "voltage scale of the forward exponential (V)"),
        ("v2", 1, "voltage scale of the reverse exponential (V)"),
        ("g0", 1, "linear conductance (S)"),
        ("vp", 1e-2, "positive threshold (V)"),
        ("vn", -1e-2, "negative threshold (V)"),
        ("d1", 1, "rate of g above VP (1/V)"),
        ("d2", 1, "rate of g below VN (1/V)"),
        ("c1", 1, "state rate scale for V >= 0 (1/s)"),
        ("c2", 1, "state rate scale for V < 0 (1/s)"),
    ];

    /// <inheritdoc />
    public string ModelName => "pem";

    /// <inheritdoc />
    public double InitialState => _xo ?? 0;

    /// <inheritdoc />
    public double MinState => double.NegativeInfinity;

    /// <inheritdoc />
    public double MaxState => double.PositiveInfinity;

    /// <inheritdoc />
    public (double Low, double High) ProgrammingRange => (_fMinus.First, _fPlus.Last);

    /// <inheritdoc />
    public double OperatingPointState(double voltage) => _xo ?? (voltage > 0 ? 1 : 0);

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state)
    {
        var (h, dh) = H(voltage);
        var (g, dg) = G(voltage);
        double c, f, df;
        if (voltage >= 0)
        {
            c = _c1;
            (f, df) = state > _fPlus.Last ? (0, 0) : _fPlus.At(state);
        }
        else
        {
            c = _c2;
            (f, df) = state < _fMinus.First ? (0, 0) : _fMinus.At(state);
        }

        return new MemristorEvaluation(state * h, state * dh, h, c * g * f, c * dg * f, c * g * df);
    }

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => 1 / (state * H(voltage).Slope);

    /// <inheritdoc />
    public TResult WithEquations<TResult>(IMemristorEquationsVisitor<TResult> visitor) =>
        throw new UserInputException("the piecewise-empirical memristor (Xyce LEVEL=4) runs in netlists only", "device studies, transients and crossbar programming need a model with closed-form equations (team, vteam, yakopcic ...)");

    private (double Value, double Slope) H(double v)
    {
        var ep = _i1 * Math.Exp(v / _v1);
        var em = _i2 * Math.Exp(-v / _v2);
        return (ep - em + (_g0 * v) - (_i1 - _i2), (ep / _v1) + (em / _v2) + _g0);
    }

    private (double Value, double Slope) G(double v)
    {
        if (v >= _vp)
        {
            var e = Math.Exp(_d1 * (v - _vp));
            return (e - 1, _d1 * e);
        }

        if (v <= _vn)
        {
            var e = Math.Exp(_d2 * (v - _vn));
            return (e - 1, _d2 * e);
        }

        return (0, 0);
    }
}
