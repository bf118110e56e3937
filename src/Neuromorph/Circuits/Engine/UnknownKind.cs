namespace Neuromorph.Circuits.Engine;

/// <summary>What an unknown of the MNA system is; sets its convergence and error tolerances.</summary>
public enum UnknownKind
{
    /// <summary>A node voltage (V): tolerance vntol.</summary>
    Voltage,

    /// <summary>A branch current that is a state (an inductor's, A): tolerance abstol.</summary>
    Current,

    /// <summary>
    /// The branch current of a voltage-defining element (V, E, H, B V=), amperes: tolerance abstol in Newton, but no
    /// truncation-error check in transients (it is algebraic, not integrated; SPICE checks only charges and fluxes).
    /// </summary>
    SourceCurrent,

    /// <summary>A device state (memristor x): tolerance from the device's state scale.</summary>
    State,
}
