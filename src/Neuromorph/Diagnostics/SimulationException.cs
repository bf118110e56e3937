namespace Neuromorph.Diagnostics;

/// <summary>
/// A numerical failure during a run (singular or indefinite matrix, time step too small, NaN state, no convergence): the
/// only exception type numerical code throws for one, so the command line's single catch prints it without a stack
/// trace and exits 1 (the Python binding raises SimulationError). The message names the node, device or time; code
/// that knows more (a CTD run, a readout) catches it and throws a new one whose message adds that context.
/// </summary>
public sealed class SimulationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public SimulationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception (for serializers).</summary>
    public SimulationException()
        : base("simulation failed")
    {
    }

    /// <summary>Simulation time at failure in seconds, when known.</summary>
    public double? Time { get; init; }

    /// <summary>What the user can change to avoid the failure, when the thrower knows (printed as "hint:").</summary>
    public string? Hint { get; init; }
}
