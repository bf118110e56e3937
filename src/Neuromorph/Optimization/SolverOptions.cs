namespace Neuromorph.Optimization;

/// <summary>Run controls shared by all spin solvers.</summary>
public sealed record SolverOptions
{
    /// <summary>Independent restarts (at most; the time limit may stop earlier).</summary>
    public int Restarts { get; init; } = 8;

    /// <summary>Wall-clock budget in seconds for all restarts; 0 or less means unlimited.</summary>
    public double TimeLimitSeconds { get; init; }

    /// <summary>Base seed; restart r uses a stream derived from (seed, r), so results do not depend on threading.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Sweeps (N spin updates each) per restart; 0 picks a size-dependent default.</summary>
    public int Sweeps { get; init; }

    /// <summary>Target model energy; a restart succeeds when it reaches it (null: no target).</summary>
    public double? TargetEnergy { get; init; }

    /// <summary>Trace points recorded per restart.</summary>
    public int TracePoints { get; init; } = 100;

    /// <summary>Receives the fraction of restarts finished (null: no reports).</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Restarts whose device states (and, for memcomputing, memories) are sampled over time for plots (default 0).</summary>
    public int RecordDynamics { get; init; }

    /// <summary>Restarts run concurrently (defaults to the processor count).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Sweep count to use for a model of <paramref name="n"/> spins.</summary>
    public int SweepsFor(int n) => Sweeps > 0 ? Sweeps : Math.Max(1000, 2_000_000 / Math.Max(n, 1));
}

/// <summary>One recorded point of an energy trace.</summary>
public readonly record struct TracePoint(int Restart, int Sweep, double Seconds, double Energy, double BestSoFar);

/// <summary>Outcome of one restart.</summary>
public sealed record RestartResult(int Restart, double BestEnergy, sbyte[] BestSpins, double Seconds, double? SecondsToTarget, IReadOnlyList<TracePoint> Trace)
{
    /// <summary>False if the time limit cut this restart short.</summary>
    public bool Completed { get; init; } = true;

    /// <summary>Wall-clock seconds from the start of the run to the end of this restart (set by <see cref="RestartRunner"/>).</summary>
    public double FinishedAt { get; init; }

    /// <summary>Sampled device states and memories when <see cref="SolverOptions.RecordDynamics"/> asked for them, else null.</summary>
    public DynamicsRecord? Dynamics { get; init; }
}

/// <summary>Outcome of a solver run over all restarts.</summary>
public sealed record SolverResult(string Solver, IReadOnlyList<RestartResult> Restarts, double WallSeconds, double? WallSecondsToTarget)
{
    /// <summary>Restart holding the lowest energy.</summary>
    public RestartResult Best => Restarts.MinBy(r => r.BestEnergy) ?? throw new InvalidOperationException("no restart completed");

    /// <summary>Restarts that ran their full schedule (all restarts if none did).</summary>
    public IReadOnlyList<RestartResult> Counted => Restarts.Any(r => r.Completed) ? Restarts.Where(r => r.Completed).ToList() : Restarts;

    /// <summary>Fraction of completed restarts that reached <paramref name="targetEnergy"/> (within 1e-9 relative).</summary>
    public double SuccessProbability(double targetEnergy) =>
        Counted.Count == 0 ? 0 : Counted.Count(r => Reached(r.BestEnergy, targetEnergy)) / (double)Counted.Count;

    /// <summary>True if <paramref name="energy"/> is at or below <paramref name="target"/> up to rounding.</summary>
    public static bool Reached(double energy, double target) => energy <= target + (1e-9 * Math.Max(1, Math.Abs(target)));
}
