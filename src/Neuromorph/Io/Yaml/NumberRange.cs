using System.Globalization;

namespace Neuromorph.Io.Yaml;

/// <summary>
/// The values a numeric key accepts: a finite interval, each end open or closed, optionally whole numbers only. Readers
/// state a key's range once (<see cref="YamlRanges"/>) and every value outside it, NaN or infinite, is a located error.
/// </summary>
/// <param name="Low">Lowest value (−∞: no lower bound).</param>
/// <param name="High">Highest value (+∞: no upper bound).</param>
/// <param name="LowOpen">True if <paramref name="Low"/> itself is excluded.</param>
/// <param name="HighOpen">True if <paramref name="High"/> itself is excluded.</param>
public sealed record NumberRange(double Low, double High, bool LowOpen = false, bool HighOpen = false)
{
    /// <summary>Any finite number.</summary>
    public static NumberRange Finite { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Zero or more.</summary>
    public static NumberRange NonNegative { get; } = new(0, double.PositiveInfinity);

    /// <summary>More than zero.</summary>
    public static NumberRange Positive { get; } = new(0, double.PositiveInfinity, LowOpen: true);

    /// <summary>A fraction in [0, 1].</summary>
    public static NumberRange Fraction { get; } = new(0, 1);

    /// <summary>The closed interval [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static NumberRange Between(double low, double high) => new(low, high);

    /// <summary>At least <paramref name="low"/>.</summary>
    public static NumberRange AtLeast(double low) => new(low, double.PositiveInfinity);

    /// <summary>True if <paramref name="value"/> is finite and inside the range.</summary>
    public bool Contains(double value) =>
        double.IsFinite(value)
        && (LowOpen ? value > Low : value >= Low)
        && (HighOpen ? value < High : value <= High);

    /// <summary>What a value must be, in words, e.g. "finite and not negative", "positive and finite", "in [1, 53]".</summary>
    public string Describe()
    {
        var lowBound = !double.IsNegativeInfinity(Low);
        var highBound = !double.IsPositiveInfinity(High);
        return (lowBound, highBound) switch
        {
            (false, false) => "a finite number",
            (true, false) when Low == 0 => LowOpen ? "positive and finite" : "finite and not negative",
            (true, false) => LowOpen ? $"above {Text(Low)} and finite" : $"at least {Text(Low)} and finite",
            (false, true) => HighOpen ? $"below {Text(High)}" : $"at most {Text(High)}",
            (true, true) when Low == 0 && !LowOpen => HighOpen ? $"not negative and below {Text(High)}" : $"not negative and at most {Text(High)}",
            _ => $"in {(LowOpen ? '(' : '[')}{Text(Low)}, {Text(High)}{(HighOpen ? ')' : ']')}",
        };
    }

    private static string Text(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
