using Neuromorph.Circuits.Simulation;
using Neuromorph.Dynamics;

namespace Neuromorph.Experiments.Netlist;

/// <summary>The engines a netlist can run on, by name (<c>mna</c>, <c>ctd</c>).</summary>
public static class NetlistEngines
{
    /// <summary>The engine names, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mna", "ctd"];

    /// <summary>One line per engine, for help texts.</summary>
    public const string Description = "mna (full circuit, default) or ctd (reduced Caravelli-Traversa-Di Ventra equation for LEVEL=7 memristor networks)";

    /// <summary>The engine called <paramref name="name"/> (case-insensitive), or null for an unknown name.</summary>
    public static NetlistEngineKind? Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "mna" => NetlistEngineKind.Mna,
        "ctd" => NetlistEngineKind.Ctd,
        _ => null,
    };

    /// <summary>The engine that runs <paramref name="kind"/>.</summary>
    public static INetlistEngine For(NetlistEngineKind kind) => kind == NetlistEngineKind.Ctd ? CtdEngine.Instance : MnaEngine.Instance;
}
