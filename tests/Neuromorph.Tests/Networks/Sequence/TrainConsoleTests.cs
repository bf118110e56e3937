using System.CommandLine;
using System.Text.RegularExpressions;
using Neuromorph.Cli;
using Neuromorph.Cli.Commands;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>What <c>neuromorph train</c> prints, and in which order when stdout and stderr go to one place.</summary>
public sealed class TrainConsoleTests
{
    [Fact]
    public void The_title_comes_before_the_epochs_and_epoch_times_have_a_fitting_unit()
    {
        using var dir = new TempDirectory("nm-train-console");
        var yaml = Path.Combine(dir, "t.yaml");
        File.WriteAllText(yaml, "model: { cell: gru, hidden: 4 }\ndata: { task: sine, length: 400, steps: 20, washout: 2, test_fraction: 0.25 }\ntraining: { epochs: 3, batch_size: 8 }\n");
        var root = new RootCommand("neuromorph");
        foreach (var c in CommandCatalog.All())
        {
            root.Subcommands.Add(c);
        }

        using var both = new StringWriter();
        Assert.Equal(0, CommandRunner.Invoke(root, ["train", yaml, "-o", Path.Combine(dir, "out")], both, both));
        var lines = both.ToString().Split('\n');
        Assert.Matches(@"^training gru \(1 × 4, \d+ parameters\) on Sine: 3 epochs, \d+ training sequences$", lines[0]);
        Assert.StartsWith("epoch 1/3: ", lines[1], StringComparison.Ordinal);
        var epochs = lines.Where(l => l.StartsWith("epoch ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, epochs.Count);
        Assert.All(epochs, l => Assert.Matches(new Regex(@"\((\d+ µs|\d+(\.\d)? ms|\d+\.\d s|\d+ min \d+ s)\)$"), l));
    }
}
