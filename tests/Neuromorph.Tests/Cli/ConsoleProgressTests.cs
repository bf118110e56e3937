using Neuromorph.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary>Issue 25: progress at least every two seconds with an estimate of the time left, and a quiet mode for scripts.</summary>
public class ConsoleProgressTests
{
    [Fact]
    public void Silent_for_two_seconds_then_a_line_every_two_seconds_with_the_time_left()
    {
        var clock = new ManualClock();
        using var err = new StringWriter();
        var p = new ConsoleProgress(err, "transient", clock);
        p.Report(0.01);
        clock.Advance(TimeSpan.FromSeconds(1.5));
        p.Report(0.02);
        Assert.Equal("", err.ToString());

        // 3 s for 1 % of the work: 297 s left; the same tenth again 0.5 s later prints nothing, 2 s later it prints
        clock.Advance(TimeSpan.FromSeconds(1.5));
        p.Report(0.01);
        clock.Advance(TimeSpan.FromSeconds(0.5));
        p.Report(0.011);
        clock.Advance(TimeSpan.FromSeconds(2));
        p.Report(0.02);
        var lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("  transient 1% (3.0 s, about 4 min 57 s left)", lines[0]);
        Assert.StartsWith("  transient 2% (5.5 s, about 4 min", lines[1], StringComparison.Ordinal);

        // a new tenth prints at once; the end says no time left
        clock.Advance(TimeSpan.FromSeconds(0.1));
        p.Report(0.15);
        p.Report(1);
        lines = err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Equal("  transient 100% (5.6 s)", lines[3]);
    }

    [Fact]
    public void Quiet_silences_progress_but_not_results()
    {
        var dir = Path.Combine(Path.GetTempPath(), "nm-quiet-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(dir);
            var cir = Path.Combine(dir, "a.cir");
            File.WriteAllText(cir, "divider\nv1 a 0 1\nr1 a b 1k\nr2 b 0 1k\n.op\n.end\n");
            var (code, output, _) = CliHarness.Run("simulate", cir, "-o", Path.Combine(dir, "out"), "--quiet");
            Assert.Equal(0, code);
            Assert.Contains("v(b) = 0.5", output, StringComparison.Ordinal);
            ConsoleProgress.Quiet = true;
            using var err = new StringWriter();
            var clock = new ManualClock();
            var p = new ConsoleProgress(err, "x", clock);
            clock.Advance(TimeSpan.FromSeconds(10));
            p.Report(0.5);
            Assert.Equal("", err.ToString());
        }
        finally
        {
            ConsoleProgress.Quiet = false;
            Directory.Delete(dir, recursive: true);
        }
    }
}
