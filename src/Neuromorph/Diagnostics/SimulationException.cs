namespace Neuromorph.Diagnostics;

/// <summary>
/// A numerical failure during a run (singular matrix, time step too small, NaN). The message
/// names the node, device or time. The command line prints it without a stack trace and exits 1.
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
}
