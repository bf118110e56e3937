namespace Neuromorph.Circuits.Engine;

/// <summary>What an unknown of the MNA system is; sets its convergence and error tolerances.</summary>
public enum UnknownKind
{
    /// <summary>A node voltage (V): tolerance vntol.</summary>
    Voltage,

    /// <summary>A branch current (A): tolerance abstol.</summary>
    Current,

    /// <summary>A device state (memristor x): tolerance from the device's state scale.</summary>
    State,
}
