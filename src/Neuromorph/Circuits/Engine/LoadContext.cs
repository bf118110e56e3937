namespace Neuromorph.Circuits.Engine;

/// <summary>
/// What elements need to load the system at one Newton iterate: the solution u, the time, the mode
/// (operating point or transient), the integration rule for time derivatives and the temperature.
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

    /// <summary>Conductance SPICE puts across every pn junction (<c>.options gmin</c>, 1e-12 S).</summary>
    public double JunctionGmin { get; set; } = 1e-12;

    /// <summary>Circuit temperature, degrees Celsius.</summary>
    public double Temperature { get; set; } = 27;

    /// <summary>
    /// Elements that limited a junction voltage or changed a switch state in this load count it here; the Newton
    /// iteration is not converged while it is non-zero (SPICE's noncon).
    /// </summary>
    public int NonConvergence { get; set; }

    /// <summary>True on the first Newton iteration of an operating point (elements may start from their own guesses).</summary>
    public bool InitialIteration { get; set; }

    /// <summary>
    /// Nodes held at values by a 1e10 S conductance, as SPICE does for <c>.ic</c> during the operating point and for
    /// <c>.nodeset</c> during its first phase: (unknown, volts).
    /// </summary>
    public IReadOnlyList<(int Node, double Value)> HeldNodes { get; set; } = [];

    /// <summary>
    /// True while an operating point holds each capacitor with <c>IC=</c> at that voltage (Xyce's semantics: the IC is
    /// enforced during the DC solution even without <c>uic</c>; ngspice uses device ICs only with <c>uic</c>).
    /// </summary>
    public bool HoldCapacitorVoltages { get; set; }

    /// <summary>Derivative rule dq/dt ≈ C0 q + history.</summary>
    public IntegrationRule Rule { get; } = new();

    /// <summary>Voltage of unknown <paramref name="node"/> (0 for ground, -1).</summary>
    public double V(int node) => node < 0 ? 0 : Solution[node];
}
