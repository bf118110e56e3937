namespace Neuromorph.Numerics.Ode;

/// <summary>Why an integration stopped.</summary>
public enum OdeStop
{
    /// <summary>Reached the end time.</summary>
    EndTime,

    /// <summary>max |dy/dt| fell below the steady-state tolerance.</summary>
    SteadyState,

    /// <summary>The stop event's function changed sign.</summary>
    Event,

    /// <summary><see cref="OdeOptions.Interrupt"/> asked to stop (a wall-clock budget ran out).</summary>
    Interrupted,
}

/// <summary>Counts of an integration.</summary>
public sealed record OdeStatistics(int Steps, int Rejected, int FunctionEvaluations, int JacobianEvaluations, int Factorisations);

/// <summary>The solution at the reported times, why it stopped, and the work it took.</summary>
public sealed record OdeResult(IReadOnlyList<double> Times, IReadOnlyList<double[]> States, OdeStop Stop, OdeStatistics Statistics)
{
    /// <summary>The last reported state.</summary>
    public double[] Final => States[^1];

    /// <summary>The last reported time.</summary>
    public double FinalTime => Times[^1];
}
