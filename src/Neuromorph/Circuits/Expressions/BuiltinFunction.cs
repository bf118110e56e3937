namespace Neuromorph.Circuits.Expressions;

/// <summary>Identifies a built-in function of the expression language.</summary>
public enum FunctionId
{
#pragma warning disable CS1591 // names are the functions'
    Abs, Sqrt, Exp, Ln, Log10, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Sgn, Sqr, Floor, Ceil, Int, Nint, Step, StepHalf, Ramp, Step2,
    EqualZero, NotZero, AboveZero, BelowZero, AtLeastZero, AtMostZero,
    Pow, Pwr, Atan2, Min, Max, Sign2,
    Limit,
#pragma warning restore CS1591
}

/// <summary>A built-in function: name, argument count (variadic min/max take 2 or more) and what it computes.</summary>
public sealed record BuiltinFunction(string Name, int MinArguments, int MaxArguments, FunctionId Id, string Description);

/// <summary>
/// The built-in functions under the names each dialect uses, with their exact derivatives for Newton. Semantics follow
/// ngspice where dialects differ: <c>u(0) = 0.5</c>, <c>ln(0) = log10(0) = -1e99</c>, <c>x ** y</c> and <c>pow</c> of a negative base use the rounded exponent
/// when it is (nearly) whole and give 0 otherwise, <c>pwr(x, y) = sign(x) |x|^y</c>. Xyce's <c>stp(x)</c> is 1 for x &gt; 0.
/// </summary>
public static class BuiltinFunctions
{
    private static readonly BuiltinFunction[] List =
    [
        new("abs", 1, 1, FunctionId.Abs, "|x|"),
        new("m", 1, 1, FunctionId.Abs, "|x| (Xyce's magnitude function)"),
        new("sqrt", 1, 1, FunctionId.Sqrt, "square root"),
        new("sqr", 1, 1, FunctionId.Sqr, "x*x (ngspice)"),
        new("exp", 1, 1, FunctionId.Exp, "e^x"),
        new("ln", 1, 1, FunctionId.Ln, "natural logarithm"),
        new("log", 1, 1, FunctionId.Ln, "natural logarithm (as ngspice and Xyce)"),
        new("log10", 1, 1, FunctionId.Log10, "decimal logarithm"),
        new("sin", 1, 1, FunctionId.Sin, "sine (radians)"),
        new("cos", 1, 1, FunctionId.Cos, "cosine"),
        new("tan", 1, 1, FunctionId.Tan, "tangent"),
        new("asin", 1, 1, FunctionId.Asin, "arc sine"),
        new("acos", 1, 1, FunctionId.Acos, "arc cosine"),
        new("atan", 1, 1, FunctionId.Atan, "arc tangent"),
        new("arctan", 1, 1, FunctionId.Atan, "arc tangent"),
        new("sinh", 1, 1, FunctionId.Sinh, "hyperbolic sine"),
        new("cosh", 1, 1, FunctionId.Cosh, "hyperbolic cosine"),
        new("tanh", 1, 1, FunctionId.Tanh, "hyperbolic tangent"),
        new("asinh", 1, 1, FunctionId.Asinh, "inverse hyperbolic sine"),
        new("acosh", 1, 1, FunctionId.Acosh, "inverse hyperbolic cosine"),
        new("atanh", 1, 1, FunctionId.Atanh, "inverse hyperbolic tangent"),
        new("sgn", 1, 1, FunctionId.Sgn, "sign: -1, 0 or 1"),
        new("sign", 1, 2, FunctionId.Sgn, "sign(x) = sgn(x); sign(x, y) = |x| sgn(y) (Xyce, HSPICE)"),
        new("floor", 1, 1, FunctionId.Floor, "round down"),
        new("ceil", 1, 1, FunctionId.Ceil, "round up"),
        new("int", 1, 1, FunctionId.Int, "round towards zero"),
        new("nint", 1, 1, FunctionId.Nint, "round to nearest (halves to even)"),
        new("u", 1, 1, FunctionId.StepHalf, "ngspice unit step: 0 for x < 0, 0.5 at 0, 1 for x > 0"),
        new("stp", 1, 1, FunctionId.Step, "Xyce/PSpice unit step: 1 for x > 0, else 0"),
        new("uramp", 1, 1, FunctionId.Ramp, "ramp: max(x, 0)"),
        new("u2", 1, 1, FunctionId.Step2, "ngspice: 0 below 0, x in [0, 1], 1 above"),
        new("eq0", 1, 1, FunctionId.EqualZero, "ngspice: 1 if x = 0, else 0"),
        new("ne0", 1, 1, FunctionId.NotZero, "ngspice: 1 if x != 0, else 0"),
        new("gt0", 1, 1, FunctionId.AboveZero, "ngspice: 1 if x > 0, else 0"),
        new("lt0", 1, 1, FunctionId.BelowZero, "ngspice: 1 if x < 0, else 0"),
        new("ge0", 1, 1, FunctionId.AtLeastZero, "ngspice: 1 if x >= 0, else 0"),
        new("le0", 1, 1, FunctionId.AtMostZero, "ngspice: 1 if x <= 0, else 0"),
        new("pow", 2, 2, FunctionId.Pow, "x^y"),
        new("pwr", 2, 2, FunctionId.Pwr, "sign(x) |x|^y"),
        new("pwrs", 2, 2, FunctionId.Pwr, "sign(x) |x|^y (Xyce)"),
        new("atan2", 2, 2, FunctionId.Atan2, "angle of (x, y) = atan2(y, x)"),
        new("min", 2, int.MaxValue, FunctionId.Min, "smallest argument"),
        new("max", 2, int.MaxValue, FunctionId.Max, "largest argument"),
        new("limit", 3, 3, FunctionId.Limit, "limit(x, lo, hi): x clamped to [lo, hi]"),
    ];

    private const double LogOfZero = -1e99;

    private const double ZeroSlope = 1e32;

    private static readonly Dictionary<string, BuiltinFunction> ByName = List.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every built-in function, for documentation and hints.</summary>
    public static IReadOnlyList<BuiltinFunction> All => List;

    /// <summary>Names usable in calls, including the special forms <c>if</c>, <c>table</c>, <c>v</c> and <c>i</c>.</summary>
    public static IReadOnlyList<string> CallableNames { get; } = [.. List.Select(f => f.Name), "if", "table", "pwl", "v", "i"];

    /// <summary>The function called <paramref name="name"/> (lower-case), or null.</summary>
    public static BuiltinFunction? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>f(x) and df/dx.</summary>
    public static double Apply(FunctionId f, double x, out double d)
    {
        switch (f)
        {
            case FunctionId.Abs:
                d = x > 0 ? 1 : x < 0 ? -1 : 0;
                return Math.Abs(x);
            case FunctionId.Sqrt:
            {
                var r = Math.Sqrt(x);
                d = 0.5 / r;
                return r;
            }

            case FunctionId.Sqr:
                d = 2 * x;
                return x * x;
            case FunctionId.Exp:
            {
                var r = Math.Exp(x);
                d = r;
                return r;
            }

            case FunctionId.Ln:
                // ngspice: log(0) is -1e99 and its slope 1/(0 + 1e-32), so a Newton start at 0 goes on (log-functions-1.cir)
                d = x == 0 ? ZeroSlope : 1 / x;
                return x == 0 ? LogOfZero : Math.Log(x);
            case FunctionId.Log10:
                d = x == 0 ? ZeroSlope / Math.Log(10) : 1 / (x * Math.Log(10));
                return x == 0 ? LogOfZero : Math.Log10(x);
            case FunctionId.Sin:
                d = Math.Cos(x);
                return Math.Sin(x);
            case FunctionId.Cos:
                d = -Math.Sin(x);
                return Math.Cos(x);
            case FunctionId.Tan:
            {
                var c = Math.Cos(x);
                d = 1 / (c * c);
                return Math.Tan(x);
            }

            case FunctionId.Asin:
                d = 1 / Math.Sqrt(1 - (x * x));
                return Math.Asin(x);
            case FunctionId.Acos:
                d = -1 / Math.Sqrt(1 - (x * x));
                return Math.Acos(x);
            case FunctionId.Atan:
                d = 1 / (1 + (x * x));
                return Math.Atan(x);
            case FunctionId.Sinh:
                d = Math.Cosh(x);
                return Math.Sinh(x);
            case FunctionId.Cosh:
                d = Math.Sinh(x);
                return Math.Cosh(x);
            case FunctionId.Tanh:
            {
                var t = Math.Tanh(x);
                d = 1 - (t * t);
                return t;
            }

            case FunctionId.Asinh:
                d = 1 / Math.Sqrt((x * x) + 1);
                return Math.Asinh(x);
            case FunctionId.Acosh:
                d = 1 / Math.Sqrt((x * x) - 1);
                return Math.Acosh(x);
            case FunctionId.Atanh:
                d = 1 / (1 - (x * x));
                return Math.Atanh(x);
            case FunctionId.Ramp:
                d = x > 0 ? 1 : 0;
                return x > 0 ? x : 0;
            case FunctionId.Step2:
                d = x > 0 && x <= 1 ? 1 : 0;
                return x <= 0 ? 0 : x <= 1 ? x : 1;
            default:
                d = 0;
                return f switch
                {
                    FunctionId.Sgn => Math.Sign(x),
                    FunctionId.Floor => Math.Floor(x),
                    FunctionId.Ceil => Math.Ceiling(x),
                    FunctionId.Int => Math.Truncate(x),
                    FunctionId.Nint => Math.Round(x, MidpointRounding.ToEven),
                    FunctionId.Step => x > 0 ? 1 : 0,
                    FunctionId.StepHalf => x > 0 ? 1 : x < 0 ? 0 : 0.5,
                    FunctionId.EqualZero => x == 0 ? 1 : 0,
                    FunctionId.NotZero => x != 0 ? 1 : 0,
                    FunctionId.AboveZero => x > 0 ? 1 : 0,
                    FunctionId.BelowZero => x < 0 ? 1 : 0,
                    FunctionId.AtLeastZero => x >= 0 ? 1 : 0,
                    FunctionId.AtMostZero => x <= 0 ? 1 : 0,
                    _ => throw new ArgumentOutOfRangeException(nameof(f), f, "not a one-argument function"),
                };
        }
    }

    /// <summary>f(x, y) and its partial derivatives.</summary>
    public static double Apply(FunctionId f, double x, double y, out double dx, out double dy)
    {
        switch (f)
        {
            case FunctionId.Pow:
                return Power(x, y, out dx, out dy);
            case FunctionId.Pwr:
            {
                var a = Math.Abs(x);
                var s = x < 0 ? -1.0 : 1.0;
                var r = Math.Pow(a, y);
                dx = a > 0 ? y * Math.Pow(a, y - 1) : 0;
                dy = a > 0 ? s * r * Math.Log(a) : 0;
                return s * r;
            }

            case FunctionId.Atan2:
            {
                // atan2(y, x) with SPICE's argument order atan2(first, second) = angle of (second, first)
                var r2 = (x * x) + (y * y);
                dx = y / r2;
                dy = -x / r2;
                return Math.Atan2(x, y);
            }

            case FunctionId.Min:
                (dx, dy) = x <= y ? (1.0, 0.0) : (0.0, 1.0);
                return Math.Min(x, y);
            case FunctionId.Max:
                (dx, dy) = x >= y ? (1.0, 0.0) : (0.0, 1.0);
                return Math.Max(x, y);
            case FunctionId.Sign2:
                dy = 0;
                dx = (y >= 0 ? 1 : -1) * (x > 0 ? 1 : x < 0 ? -1 : 0);
                return Math.Abs(x) * (y >= 0 ? 1 : -1);
            default:
                throw new ArgumentOutOfRangeException(nameof(f), f, "not a two-argument function");
        }
    }

    /// <summary><c>limit(x, lo, hi)</c> and its partial derivatives.</summary>
    public static double Limit(double x, double lo, double hi, out double dx, out double dlo, out double dhi)
    {
        (dx, dlo, dhi) = (0, 0, 0);
        if (x < lo)
        {
            dlo = 1;
            return lo;
        }

        if (x > hi)
        {
            dhi = 1;
            return hi;
        }

        dx = 1;
        return x;
    }

    /// <summary>ngspice's power: 0^y = 0 (y &gt; 0), a negative base takes the rounded exponent when it is nearly whole, else 0.</summary>
    public static double Power(double x, double y, out double dx, out double dy)
    {
        if (x > 0)
        {
            var r = Math.Pow(x, y);
            dx = y * Math.Pow(x, y - 1);
            dy = r * Math.Log(x);
            return r;
        }

        dy = 0;
        if (x == 0)
        {
            dx = y == 1 ? 1 : y > 1 ? 0 : double.PositiveInfinity;
            return y > 0 ? 0 : Math.Pow(0, y);
        }

        var n = Math.Round(y);
        if (Math.Abs(n - y) <= 1e-12 * Math.Max(1, Math.Abs(y)))
        {
            dx = n * Math.Pow(x, n - 1);
            return Math.Pow(x, n);
        }

        dx = 0;
        return 0;
    }
}
