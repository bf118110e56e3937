namespace Neuromorph.Experiments.Netlist;

/// <summary>Which engine simulates a netlist.</summary>
public enum NetlistEngineKind
{
    /// <summary>The full circuit: modified nodal analysis of every element, every analysis of the deck.</summary>
    Mna,

    /// <summary>The reduced Caravelli–Traversa–Di Ventra equation of a network of LEVEL=7 memristors (its first .tran).</summary>
    Ctd,
}
