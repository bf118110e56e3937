namespace Neuromorph.Numerics.Ode;

/// <summary>
/// K independent systems of the same shape integrated together, each with its own step control (so one stiff member
/// does not slow the others), in parallel over cores: the form Monte Carlo runs, restarts and parameter studies use,
/// and the one GPU backends batch.
/// </summary>
public static class OdeBatch
{
    /// <summary>Integrates system k from <paramref name="initialStates"/>[k]; <paramref name="makeIntegrator"/> gives each its own integrator (they hold scratch state).</summary>
    public static OdeResult[] Integrate(
        Func<int, OdeFunction> system,
        IReadOnlyList<double[]> initialStates,
        double t0,
        double t1,
        Func<AdaptiveIntegrator> makeIntegrator,
        OdeOptions? options = null,
        int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(initialStates);
        ArgumentNullException.ThrowIfNull(makeIntegrator);
        var results = new OdeResult[initialStates.Count];
        Parallel.For(0, initialStates.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
            results[k] = makeIntegrator().Integrate(system(k), t0, initialStates[k], t1, options));
        return results;
    }
}
