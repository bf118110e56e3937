using System.Diagnostics;
using System.Runtime.InteropServices;
using Neuromorph.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

public class InterruptionTests
{
    [Fact]
    public void One_signal_delivered_to_the_process_and_its_group_is_one_request()
    {
        var clock = new ManualClock();
        var requests = new InterruptRequests(clock);
        Assert.Equal(InterruptRequest.First, requests.Register(PosixSignal.SIGTERM));
        clock.Advance(TimeSpan.FromMilliseconds(3));
        Assert.Equal(InterruptRequest.Duplicate, requests.Register(PosixSignal.SIGTERM));
        Assert.Equal(1, requests.Count);
    }

    [Fact]
    public void A_later_ctrl_c_is_a_second_request()
    {
        var clock = new ManualClock();
        var requests = new InterruptRequests(clock);
        Assert.Equal(InterruptRequest.First, requests.Register(PosixSignal.SIGINT));
        clock.Advance(InterruptRequests.Window + TimeSpan.FromMilliseconds(1));
        Assert.Equal(InterruptRequest.Repeat, requests.Register(PosixSignal.SIGINT));
        Assert.Equal(2, requests.Count);
    }

    [Fact]
    public void A_different_signal_is_a_separate_request_even_at_once()
    {
        var clock = new ManualClock();
        var requests = new InterruptRequests(clock);
        Assert.Equal(InterruptRequest.First, requests.Register(PosixSignal.SIGTERM));
        Assert.Equal(InterruptRequest.Repeat, requests.Register(PosixSignal.SIGINT));
    }

    [Fact]
    public void A_group_delivery_after_a_first_request_still_counts_once()
    {
        // Ctrl-C, then much later the group gets SIGTERM twice at once: that is the second request, once
        var clock = new ManualClock();
        var requests = new InterruptRequests(clock);
        Assert.Equal(InterruptRequest.First, requests.Register(PosixSignal.SIGINT));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(InterruptRequest.Repeat, requests.Register(PosixSignal.SIGTERM));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(InterruptRequest.Duplicate, requests.Register(PosixSignal.SIGTERM));
        Assert.Equal(2, requests.Count);
    }

    [SkippableFact]
    public void Gnu_timeout_keeps_the_finished_restarts_of_a_long_minimize()
    {
        Skip.IfNot(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "needs POSIX signals");
        var timeout = new[] { "/usr/bin/timeout", "/bin/timeout" }.FirstOrDefault(File.Exists);
        Skip.If(timeout is null, "GNU timeout is not installed");
        var cli = new[] { Path.Combine(AppContext.BaseDirectory, "Neuromorph.Cli.dll"), RepoPaths.InRepo("src", "Neuromorph.Cli", "bin", "Release", "net10.0", "Neuromorph.Cli.dll") }
            .FirstOrDefault(p => File.Exists(p) && File.Exists(Path.ChangeExtension(p, ".runtimeconfig.json")));
        Skip.If(cli is null, "the built Neuromorph.Cli.dll with its runtimeconfig is not found");
        using var dir = new TempDirectory("nm-timeout");
        var output = Path.Combine(dir, "o");
        var start = new ProcessStartInfo(timeout!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--preserve-status", "-s", "TERM", "8", "dotnet", cli!, "minimize", RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt"), "--restarts", "100000000", "--plot-format", "none", "-o", output })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the CLI did not stop within 60 s of the signal");
        var error = stderr.Result;
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}, expected 130; stderr: {error}");
        Assert.DoesNotContain("stopped at once", error, StringComparison.Ordinal);
        Assert.Contains("finished restart(s)", error, StringComparison.Ordinal);
        var final = File.ReadAllLines(Path.Combine(output, "final.csv"));
        Assert.True(final.Length > 2, $"final.csv keeps the finished restarts; it has {final.Length - 1} row(s); stdout: {stdout.Result}");
        Assert.True(File.Exists(Path.Combine(output, "summary.txt")));

        // the manifest says the run was interrupted and lists the files it kept
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.Equal("interrupted", manifest.RootElement.GetProperty("status").GetString());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        Assert.Contains("final.csv", listed);
        Assert.Equal(Directory.GetFiles(output).Select(Path.GetFileName).Where(f => f != "run.json").Order(StringComparer.Ordinal), listed);
    }
}
