namespace Neuromorph.Figures;

/// <summary>Linear or logarithmic axis.</summary>
public enum AxisScale
{
    /// <summary>Linear.</summary>
    Linear,

    /// <summary>Base-10 logarithmic: values ≤ 0 cannot be drawn and are dropped with a warning (<see cref="FigureChecks"/>).</summary>
    Log,
}

/// <summary>A labelled tick at a fixed position (categories such as study parameter values).</summary>
public sealed record AxisTick(double Position, string Label);

/// <summary>
/// An axis: the quantity (e.g. "Time"), its unit (e.g. "s"; tick labels then carry SI prefixes: <c>20 µs</c>) and the
/// scale. The range is automatic unless <see cref="Min"/>/<see cref="Max"/> are set.
/// </summary>
public sealed record FigureAxis(string Label, string Unit = "", AxisScale Scale = AxisScale.Linear)
{
    /// <summary>Fixed lower limit in data units, or null for automatic.</summary>
    public double? Min { get; init; }

    /// <summary>Fixed upper limit in data units, or null for automatic.</summary>
    public double? Max { get; init; }

    /// <summary>Fixed labelled ticks, or null for automatic ones.</summary>
    public IReadOnlyList<AxisTick>? Ticks { get; init; }

    /// <summary>True for counts and indices (epochs, rows): ticks only at integers.</summary>
    public bool IntegerTicks { get; init; }

    /// <summary>The axis title: "Label (unit)", or the label alone for dimensionless quantities.</summary>
    public string Title => Unit.Length > 0 ? $"{Label} ({Unit})" : Label;

    /// <summary>A logarithmic axis.</summary>
    public static FigureAxis Log(string label, string unit = "") => new(label, unit, AxisScale.Log);
}
