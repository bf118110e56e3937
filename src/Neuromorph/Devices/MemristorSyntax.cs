namespace Neuromorph.Devices;

/// <summary>Which peer simulator's netlist syntax selects a memristor model (the netlist reader maps instance lines to it).</summary>
public enum MemristorSyntax
{
    /// <summary>Xyce <c>YMEMRISTOR</c>, model chosen by <c>LEVEL</c>.</summary>
    Xyce,

    /// <summary>ngspice XSPICE <c>A</c> element.</summary>
    XSpice,
}
