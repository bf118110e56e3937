using System.CommandLine;
using System.Globalization;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

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
                var rows = new List<IReadOnlyList<string>> { new[] { "name", "netlist", "description" } };
                rows.AddRange(MemristorCatalog.All.Select(d => new[] { d.Name, Selector(d), d.Description }));
                foreach (var line in TextTable.Lines(rows))
                {
                    o.WriteLine(line);
                }

                o.WriteLine();
                o.WriteLine("Run 'neuromorph models NAME' for a model's parameters.");
                return CommandRunner.Success;
            }

            var def = MemristorCatalog.FindByName(wanted)
                ?? throw new UserInputException($"unknown model '{wanted}'", Suggestions.Hint(wanted, MemristorCatalog.All.Select(d => d.Name).ToList()));
            o.WriteLine($"{def.Name}: {def.Description}");
            o.WriteLine($"netlist: {Selector(def)}");
            o.WriteLine();
            var table = new List<IReadOnlyList<string>> { new[] { "parameter", "default", "unit", "limits", "meaning" } };
            table.AddRange(def.Parameters.Select(p => new[] { p.Name, p.Default.ToString("G6", CultureInfo.InvariantCulture), p.Unit, Limits(p), p.Description }));
            foreach (var line in TextTable.Lines(table))
            {
                o.WriteLine(line);
            }

            return CommandRunner.Success;
        });
        return command;
    }

    private static string Selector(IMemristorModelDefinition d) => d.Syntax == MemristorSyntax.Xyce
        ? $"YMEMRISTOR, LEVEL={d.Level}"
        : "A element (XSPICE memristor)";

    private static string Limits(ParameterSpec p)
    {
        string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        return (double.IsNegativeInfinity(p.Min), double.IsPositiveInfinity(p.Max)) switch
        {
            (true, true) => "any",
            (false, true) => $">= {F(p.Min)}",
            (true, false) => $"<= {F(p.Max)}",
            _ => $"[{F(p.Min)}, {F(p.Max)}]",
        };
    }
}
