using System.Globalization;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;

namespace Neuromorph.Experiments.Catalogs;

/// <summary>
/// What <c>neuromorph models</c> shows, as text tables: the memristor models with their netlist selector, and one
/// model's parameters with defaults, units and limits. The first row of each table is its header.
/// </summary>
public static class ModelTables
{
    /// <summary>One row per model: name, netlist selector, description.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Models()
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "name", "netlist", "description" } };
        rows.AddRange(MemristorCatalog.All.Select(d => new[] { d.Name, Selector(d), d.Description }));
        return rows;
    }

    /// <summary>
    /// The model named <paramref name="name"/>: its title lines (name and description, netlist selector) and one row per
    /// parameter (parameter, default, unit, limits, meaning). An unknown name is a user error with the closest names.
    /// </summary>
    public static (IReadOnlyList<string> Title, IReadOnlyList<IReadOnlyList<string>> Parameters) Model(string name)
    {
        var def = MemristorCatalog.FindByName(name)
            ?? throw new UserInputException($"unknown model '{name}'", Suggestions.Hint(name, MemristorCatalog.All.Select(d => d.Name).ToList()));
        var table = new List<IReadOnlyList<string>> { new[] { "parameter", "default", "unit", "limits", "meaning" } };
        table.AddRange(def.Parameters.Select(p => new[] { p.Name, p.Default.ToString("G6", CultureInfo.InvariantCulture), p.Unit, Limits(p), p.Description }));
        return ([$"{def.Name}: {def.Description}", $"netlist: {Selector(def)}"], table);
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
