namespace Neuromorph.Circuits.Engine;

/// <summary>
/// What elements need to load the system at one Newton iterate: the solution u, the time, the mode
/// (operating point or transient) and the integration rule for time derivatives.
/// </summary>
public sealed class LoadContext
{
    /// <summary>Current Newton iterate (node voltages, branch currents, states).</summary>
    public double[] Solution { get; set; } = [];

    /// <summary>Simulation time in seconds.</summary>
    public double Time { get; set; }

    /// <summary>True for DC operating points and sweeps: capacitors open, inductors shorted, states frozen.</summary>
    public bool IsDc { get; set; } = true;

    /// <summary>True for .op and .dc: sources take their DC values; false in transient (its initial point uses the waveforms at t = 0).</summary>
    public bool UseDcValues { get; set; } = true;

    /// <summary>Scale applied to independent sources (source stepping), 1 normally.</summary>
    public double SourceFactor { get; set; } = 1;

    /// <summary>Conductance from every node to ground, siemens: zero except while gmin stepping searches a hard operating point.</summary>
    public double Gmin { get; set; }

    /// <summary>Derivative rule dq/dt ≈ C0 q + history.</summary>
    public IntegrationRule Rule { get; } = new();

    /// <summary>Voltage of unknown <paramref name="node"/> (0 for ground, -1).</summary>
    public double V(int node) => node < 0 ? 0 : Solution[node];
}
