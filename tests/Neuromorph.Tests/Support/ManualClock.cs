namespace Neuromorph.Tests.Support;

/// <summary>A clock that moves only when told (timing logic under test: signal windows, progress intervals).</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = 1_000_000;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => _ticks;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}
