using System.CommandLine;
using Neuromorph.Experiments.Catalogs;

namespace Neuromorph.Cli.Commands;

/// <summary><c>neuromorph models [NAME]</c>: lists the memristor models, or one model's parameters with defaults, units and limits.</summary>
public static class ModelsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var name = new Argument<string?>("model") { Description = "a model name (e.g. team) to list its parameters", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("models", "List memristor device models, or one model's parameters.") { name };
        command.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            var wanted = parse.GetValue(name);
            if (string.IsNullOrEmpty(wanted))
            {
                Print(o, ModelTables.Models());
                o.WriteLine();
                o.WriteLine("Run 'neuromorph models NAME' for a model's parameters.");
                return CommandRunner.Success;
            }

            var (title, parameters) = ModelTables.Model(wanted);
            foreach (var line in title)
            {
                o.WriteLine(line);
            }

            o.WriteLine();
            Print(o, parameters);
            return CommandRunner.Success;
        });
        return command;
    }

    private static void Print(TextWriter o, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        foreach (var line in TextTable.Lines(rows))
        {
            o.WriteLine(line);
        }
    }
}
