using Neuromorph.Circuits.Netlist;
using Neuromorph.Diagnostics;

namespace Neuromorph.Devices;

/// <summary>
/// Every memristor model Neuromorph knows, and the rules that turn a <c>.model</c> card plus instance
/// parameters into a device: select by syntax and <c>LEVEL</c>, resolve aliases, fill defaults, check limits.
/// </summary>
public static class MemristorCatalog
{
    /// <summary>The registered models, one line each.</summary>
    public static IReadOnlyList<IMemristorModelDefinition> All { get; } =
    [
    ];

    /// <summary>Finds the definition a model card selects, or null.</summary>
    public static IMemristorModelDefinition? Find(MemristorSyntax syntax, int? level) =>
        All.FirstOrDefault(d => d.Syntax == syntax && (syntax == MemristorSyntax.XSpice || d.Level == (level ?? 1)));
}
