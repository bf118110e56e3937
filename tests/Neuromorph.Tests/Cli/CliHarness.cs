using System.CommandLine;
using Neuromorph.Cli;
using Neuromorph.Cli.Commands;

namespace Neuromorph.Tests.Cli;

/// <summary>Runs the <c>neuromorph</c> command line in-process and captures what it prints.</summary>
public static class CliHarness
{
    /// <summary>Runs with <paramref name="args"/>; returns the exit code and both streams.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand("neuromorph");
        foreach (var c in CommandCatalog.All())
        {
            root.Subcommands.Add(c);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CommandRunner.Invoke(root, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
