using System.Runtime.InteropServices;
using Neuromorph.Io;

namespace Neuromorph.Cli;

/// <summary>
/// Ctrl-C and SIGTERM for every command. The first request cancels <see cref="Requested"/>: commands that can stop at
/// a clean point do so, write what is complete, say what they kept and exit 130. A command that has not finished
/// <see cref="Grace"/> later, or a second Ctrl-C, stops the process at once (exit 130), removing the temporary files of
/// unfinished writes, so no half-written output is ever left. One signal delivered twice at once (to the process and to
/// its group, as GNU <c>timeout</c> does) is one request (<see cref="InterruptRequests"/>).
/// </summary>
public sealed class Interruption : IDisposable
{
    /// <summary>Exit code of an interrupted command (128 + SIGINT, the shell convention).</summary>
    public const int ExitCode = 130;

    private static readonly AsyncLocal<CancellationToken> Ambient = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly TextWriter _error;
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly InterruptRequests _requests = new();

    private Interruption(TextWriter error) => _error = error;

    /// <summary>How long a command may take to stop cleanly after the first request.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The cancellation the running command watches (none outside a command run from <see cref="Program"/>).</summary>
    public static CancellationToken Requested => Ambient.Value;

    /// <summary>Token of this process's interruption requests.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>Installs the handlers for this process.</summary>
    public static Interruption Install(TextWriter error)
    {
        var i = new Interruption(error);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            i._signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                i.Request(context.Signal);
            }));
        }

        return i;
    }

    /// <summary>Makes <paramref name="token"/> the one <see cref="Requested"/> returns for the current command.</summary>
    public static void Watch(CancellationToken token) => Ambient.Value = token;

    /// <inheritdoc />
    public void Dispose()
    {
        _signals.ForEach(s => s.Dispose());
        _cts.Dispose();
    }

    private void Request(PosixSignal signal)
    {
        switch (_requests.Register(signal))
        {
            case InterruptRequest.Duplicate:
                return;
            case InterruptRequest.Repeat:
                Stop("stopped at once");
                return;
        }

        _error.WriteLine($"neuromorph: interrupted; finishing what is complete (Ctrl-C again to stop at once)");
        _cts.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => Stop($"no clean stopping point within {Grace.TotalSeconds:0} s"), TaskScheduler.Default);
    }

    private void Stop(string why)
    {
        var removed = AtomicFile.DeleteUnfinished();
        RunFolder.InterruptAll();
        _error.WriteLine($"neuromorph: interrupted ({why}); complete files are kept{(removed > 0 ? $", {removed} unfinished write(s) removed" : "")}");
        Environment.Exit(ExitCode);
    }
}
