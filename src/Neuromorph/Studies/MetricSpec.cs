using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>What a metric measures, in the spirit of SPICE <c>.measure</c> for waveforms, or a named value an experiment reports.</summary>
public enum MetricKind
{
    /// <summary>Last value of a signal.</summary>
    Final,

    /// <summary>Value of a signal at a time (linear interpolation).</summary>
    At,

    /// <summary>Minimum over a window.</summary>
    Min,

    /// <summary>Maximum over a window.</summary>
    Max,

    /// <summary>Time average over a window (trapezoidal).</summary>
    Average,

    /// <summary>Root mean square over a window (trapezoidal).</summary>
    Rms,

    /// <summary>First time a signal crosses a threshold (rising, falling or either).</summary>
    Cross,

    /// <summary>A scalar the base experiment reports under this key (bit-error rate, best cut, VMM error ...).</summary>
    Value,
}

/// <summary>Crossing direction for <see cref="MetricKind.Cross"/>.</summary>
public enum CrossDirection
{
    /// <summary>Either direction.</summary>
    Either,

    /// <summary>From below to above.</summary>
    Rise,

    /// <summary>From above to below.</summary>
    Fall,
}

/// <summary>
/// One metric to collect per run: its column name, its kind, the signal (an output header such as
/// <c>x(m1)</c> or <c>v(out)</c>, or a report key) and the window or threshold it needs. Times in seconds.
/// </summary>
public sealed record MetricSpec(
    string Name,
    MetricKind Kind,
    string Signal,
    SourceLocation Location,
    double? At = null,
    double? From = null,
    double? To = null,
    double? Threshold = null,
    CrossDirection Direction = CrossDirection.Either)
{
    /// <summary>Where the metric's <c>name</c> is written in the study file.</summary>
    public SourceLocation NameLocation { get; init; } = SourceLocation.None;
}
