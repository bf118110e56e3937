using System.CommandLine;
using Neuromorph.Units;

namespace Neuromorph.Cli;

/// <summary>
/// Progress on stderr for long runs: silent for the first two seconds, then a line at each tenth of the work and at
/// least every two seconds between them, with the elapsed time and an estimate of the time left, e.g.
/// "  transient 40% (3.1 s, about 4.6 s left)". Thread-safe (restarts report from worker threads). The global
/// <c>--quiet</c> option (<see cref="QuietOption"/>) silences it for scripts; results and errors still print.
/// </summary>
public sealed class ConsoleProgress : IProgress<double>
{
    private static readonly AsyncLocal<bool> Silenced = new();
    private readonly TextWriter _error;
    private readonly string _label;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly Lock _gate = new();
    private int _lastTenth = -1;
    private double _lastLine = double.NegativeInfinity;

    /// <summary>Progress labelled <paramref name="label"/> on <paramref name="error"/>.</summary>
    public ConsoleProgress(TextWriter error, string label)
        : this(error, label, TimeProvider.System)
    {
    }

    /// <summary>Progress with its own clock (tests).</summary>
    public ConsoleProgress(TextWriter error, string label, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _error = error;
        _label = label;
        _time = time;
        _start = time.GetTimestamp();
    }

    /// <summary>The global option that silences progress lines (<c>--quiet</c>, <c>-q</c>), on every command.</summary>
    public static Option<bool> QuietOption { get; } = new("--quiet", "-q") { Description = "no progress lines on stderr (results, warnings and errors still print)", Recursive = true };

    /// <summary>Whether the running command was asked to be quiet (per command invocation, so parallel runs in one process keep their own).</summary>
    public static bool Quiet
    {
        get => Silenced.Value;
        set => Silenced.Value = value;
    }

    /// <summary>Seconds between lines when the tenths come slowly.</summary>
    public const double Interval = 2.0;

    /// <summary>Reports the fraction done, in [0, 1].</summary>
    public void Report(double value)
    {
        if (Quiet)
        {
            return;
        }

        var fraction = Math.Clamp(double.IsFinite(value) ? value : 0, 0, 1);
        var pct = (int)(fraction * 100);
        lock (_gate)
        {
            var elapsed = _time.GetElapsedTime(_start).TotalSeconds;
            if (elapsed <= Interval || (pct / 10 == _lastTenth && elapsed - _lastLine < Interval))
            {
                return;
            }

            _lastTenth = pct / 10;
            _lastLine = elapsed;
            var left = fraction > 0 && fraction < 1 ? $", about {DurationText.Format(elapsed * (1 - fraction) / fraction)} left" : "";
            _error.WriteLine($"  {_label} {pct}% ({DurationText.Format(elapsed)}{left})");
        }
    }
}
