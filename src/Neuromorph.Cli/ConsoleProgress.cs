using System.Diagnostics;
using Neuromorph.Units;

namespace Neuromorph.Cli;

/// <summary>
/// Progress on stderr for long runs: silent for the first two seconds, then one line per tenth of the work, e.g.
/// "  transient 40% (3.1 s)", later "(2 min 5 s)". Thread-safe (restarts report from worker threads).
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, string label) : IProgress<double>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private int _lastTenth = -1;

    /// <summary>Reports the fraction done, in [0, 1].</summary>
    public void Report(double value)
    {
        var pct = (int)(Math.Clamp(value, 0, 1) * 100);
        lock (_gate)
        {
            if (_clock.Elapsed.TotalSeconds > 2 && pct / 10 != _lastTenth)
            {
                _lastTenth = pct / 10;
                error.WriteLine($"  {label} {pct}% ({DurationText.Format(_clock.Elapsed.TotalSeconds)})");
            }
        }
    }
}
