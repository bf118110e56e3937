using System.CommandLine;
using System.Text.RegularExpressions;
using Neuromorph.Cli;
using Neuromorph.Cli.Commands;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary>What <c>neuromorph simulate</c> prints, and in which order when stdout and stderr go to one place.</summary>
public sealed class SimulateConsoleTests
{
    [Fact]
    public void The_title_comes_first_and_the_total_time_has_a_fitting_unit()
    {
        using var dir = new TempDirectory("nm-simulate-console");
        var deck = Path.Combine(dir, "rc.cir");
        File.WriteAllText(deck, "rc charging\nv1 in 0 pulse(0 1 0 1n 1n 1m 2m)\nr1 in out 1k\nc1 out 0 1n\n.plot tran v(out)\n.tran 10n 5u\n.end\n");
        var root = new RootCommand("neuromorph");
        foreach (var c in CommandCatalog.All())
        {
            root.Subcommands.Add(c);
        }

        using var both = new StringWriter();
        Assert.Equal(0, CommandRunner.Invoke(root, ["simulate", deck, "-o", Path.Combine(dir, "out")], both, both));
        var lines = both.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // the title is written (and flushed) before the simulation: before its progress lines and its warnings
        Assert.Equal("rc charging", lines[0]);
        Assert.Contains(lines, l => l.Contains(".plot ignored", StringComparison.Ordinal));
        Assert.Matches(new Regex(@"^  total (\d+ µs|\d+(\.\d)? ms|\d+\.\d s|\d+ min \d+ s)$"), lines[^1]);
    }
}
