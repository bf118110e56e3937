using System.Runtime.InteropServices;

namespace Neuromorph.Cli;

/// <summary>What one interrupt signal means for the running command.</summary>
public enum InterruptRequest
{
    /// <summary>The same request again (one delivery seen twice, e.g. to the process and to its group): ignored.</summary>
    Duplicate,

    /// <summary>The first request: stop at a clean point.</summary>
    First,

    /// <summary>A later, separate request from the user: stop at once.</summary>
    Repeat,
}

/// <summary>
/// Counts interrupt requests. GNU <c>timeout</c>, service managers and a terminal deliver one signal to the process and
/// again to its process group, so the same signal arriving within <see cref="Window"/> of the previous one is the same
/// request; only a later signal (a second Ctrl-C) is a second request.
/// </summary>
public sealed class InterruptRequests
{
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private PosixSignal? _lastSignal;
    private long _lastAt;
    private int _count;

    /// <summary>Counts requests on <paramref name="clock"/> (the system clock when null).</summary>
    public InterruptRequests(TimeProvider? clock = null) => _clock = clock ?? TimeProvider.System;

    /// <summary>How close two deliveries of one signal must be to count as one request.</summary>
    public static TimeSpan Window { get; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Requests counted so far (duplicates not included).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Registers one delivery of <paramref name="signal"/> and says what it means.</summary>
    public InterruptRequest Register(PosixSignal signal)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            var duplicate = _lastSignal == signal && _clock.GetElapsedTime(_lastAt, now) <= Window;
            _lastSignal = signal;
            _lastAt = now;
            if (duplicate)
            {
                return InterruptRequest.Duplicate;
            }

            return ++_count == 1 ? InterruptRequest.First : InterruptRequest.Repeat;
        }
    }
}
