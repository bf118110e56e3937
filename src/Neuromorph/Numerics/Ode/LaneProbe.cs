namespace Neuromorph.Numerics.Ode;

/// <summary>What a <see cref="LaneProbe"/> measures on a sampled signal (SPICE <c>.measure</c> in spirit).</summary>
public enum LaneStatistic
{
    /// <summary>Last sample.</summary>
    Final,

    /// <summary>Value at a time, interpolated linearly (clamped to the ends).</summary>
    At,

    /// <summary>Minimum over a window (interpolated window ends included).</summary>
    Min,

    /// <summary>Maximum over a window.</summary>
    Max,

    /// <summary>Trapezoidal time average over a window.</summary>
    Average,

    /// <summary>Root mean square over a window (trapezoidal).</summary>
    Rms,

    /// <summary>First time at or after the window start where the signal crosses a threshold (NaN if never).</summary>
    Cross,
}

/// <summary>
/// A measurement taken while a lane is integrated, so no waveform is stored: the value equals a measurement of the
/// sampled waveform with linear interpolation between samples and trapezoidal integrals (Studies.WaveformMetrics).
/// </summary>
/// <param name="Kind">What is measured.</param>
/// <param name="Signal">Which signal of the lane (lane-defined numbering).</param>
/// <param name="At">Time for <see cref="LaneStatistic.At"/> (seconds).</param>
/// <param name="From">Window start (seconds).</param>
/// <param name="To">Window end (seconds).</param>
/// <param name="Threshold">Level for <see cref="LaneStatistic.Cross"/>.</param>
/// <param name="Direction">Crossing direction: 0 either, 1 rising, 2 falling.</param>
public readonly record struct LaneProbe(LaneStatistic Kind, int Signal, double At, double From, double To, double Threshold, int Direction);
