using System.Diagnostics;
using Neuromorph.Studies;
using Spectre.Console;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// How <c>sweep</c> shows a session's progress: in a terminal a live bar (runs done, rate, time left) with each failed
/// run printed above it; otherwise (a pipe, a file, <c>--quiet</c>) a line every two seconds and at the end, with each
/// failed run on a line of its own. At most <see cref="PrintedFailures"/> failures are printed as they happen; the rest
/// are counted at the end (every failure is in results.csv).
/// </summary>
internal sealed class SweepProgress(TextWriter log, string name)
{
    /// <summary>How many failed runs a sweep prints as they happen.</summary>
    public const int PrintedFailures = 20;

    private int _printed;

    /// <summary>Failed runs printed so far.</summary>
    public int Printed => _printed;

    /// <summary>Runs <paramref name="run"/> (a session of <paramref name="total"/> runs) while showing its progress.</summary>
    public StudyOutcome Show(int total, Func<IProgress<StudyProgress>, StudyOutcome> run)
    {
        var interactive = !ConsoleProgress.Quiet && ReferenceEquals(log, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
        return interactive ? Live(total, run) : Lines(run);
    }

    /// <summary>A live bar (runs done, rate, ETA) in a terminal; failures are printed above it as they happen.</summary>
    private StudyOutcome Live(int total, Func<IProgress<StudyProgress>, StudyOutcome> run)
    {
        StudyOutcome report = null!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(name, maxValue: total);
                var progress = new SyncProgress<StudyProgress>(p =>
                {
                    task.Value = p.Done;
                    task.Description = $"{name}: {p.Done}/{p.Total}, {p.Failed} failed";
                    foreach (var failure in Shown(p.NewFailures))
                    {
                        AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] {failure}");
                    }
                });
                report = run(progress);
            });
        return report;
    }

    /// <summary>A line at least every two seconds and at the end; failures on lines of their own.</summary>
    private StudyOutcome Lines(Func<IProgress<StudyProgress>, StudyOutcome> run)
    {
        var clock = Stopwatch.StartNew();
        var lastPrint = TimeSpan.Zero;
        var gate = new object();
        var progress = new SyncProgress<StudyProgress>(p =>
        {
            lock (gate)
            {
                foreach (var failure in Shown(p.NewFailures))
                {
                    log.WriteLine($"  failed: {failure}");
                }

                if (!ConsoleProgress.Quiet && (clock.Elapsed - lastPrint > TimeSpan.FromSeconds(2) || p.Done == p.Total))
                {
                    lastPrint = clock.Elapsed;
                    var rate = p.Done / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                    var eta = rate > 0 ? TimeSpan.FromSeconds((p.Total - p.Done) / rate) : TimeSpan.Zero;
                    log.WriteLine($"  {p.Done}/{p.Total} runs, {p.Failed} failed, {rate:0.0} runs/s, ETA {eta:hh\\:mm\\:ss}");
                }
            }
        });
        return run(progress);
    }

    /// <summary>The failures of a progress report that still fit under <see cref="PrintedFailures"/>.</summary>
    private List<string> Shown(IReadOnlyList<string>? failures)
    {
        var shown = (failures ?? []).Take(Math.Max(0, PrintedFailures - _printed)).ToList();
        _printed += shown.Count;
        return shown;
    }

    /// <summary>An IProgress that reports on the calling thread (no synchronisation context hop).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
