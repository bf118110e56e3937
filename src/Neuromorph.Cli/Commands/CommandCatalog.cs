using System.CommandLine;

namespace Neuromorph.Cli.Commands;

/// <summary>Every sub-command of <c>neuromorph</c>. A new command is one file in this folder plus one line here.</summary>
public static class CommandCatalog
{
    /// <summary>Creates the sub-commands in the order <c>--help</c> lists them.</summary>
    public static IEnumerable<Command> All()
    {
        yield return SimulateCommand.Create();
        yield return ModelsCommand.Create();
        yield return RunCommand.Create();
        yield return TrainCommand.Create();
        yield return SweepCommand.Create();
        yield return PlotCommand.Create();
        yield return MinimizeCommand.Create();
        yield return BackendsCommand.Create();
    }
}
