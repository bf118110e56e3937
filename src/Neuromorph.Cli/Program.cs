using System.CommandLine;
using Neuromorph.Cli;
using Neuromorph.Cli.Commands;

var root = new RootCommand("Neuromorph: a simulator of memristive circuits, crossbars and neuromorphic networks.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

using var interruption = Interruption.Install(Console.Error);
return CommandRunner.Invoke(root, args, cancel: interruption.Token);
