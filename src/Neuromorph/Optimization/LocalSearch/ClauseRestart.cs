using System.Diagnostics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.LocalSearch;

/// <summary>
/// One local-search restart on a CNF formula: random start, best-so-far, trace points, target and time-limit checks.
/// </summary>
internal sealed class ClauseRestart
{
    private readonly SolverOptions _o;
    private readonly Stopwatch _clock;
    private readonly double _start;
    private readonly int _restart;
    private readonly List<TracePoint> _trace = [];
    private double? _toTarget;
    private int _lastSweep;

    public ClauseRestart(SatFormula f, SolverOptions o, int restart, Stopwatch clock)
    {
        _o = o;
        _clock = clock;
        _start = clock.Elapsed.TotalSeconds;
        _restart = restart;
        var rng = new RandomStream(SeedSequence.Derive(o.Seed, SeedPurpose.SolverRestart, restart));
        var spins = new sbyte[f.Variables];
        for (var i = 0; i < spins.Length; i++)
        {
            spins[i] = rng.NextSpin();
        }

        State = new ClauseState(f, spins);
        Best = State.Cost;
        BestSpins = (sbyte[])spins.Clone();
        _trace.Add(new TracePoint(restart, 0, clock.Elapsed.TotalSeconds, Best, Best));
    }

    public ClauseState State { get; }

    public double Best { get; private set; }

    public sbyte[] BestSpins { get; }

    public bool Truncated { get; private set; }

    /// <summary>Takes the current state as best if it improves on it.</summary>
    public void Observe()
    {
        if (State.Cost < Best - 1e-12)
        {
            Best = State.Cost;
            Array.Copy(State.Spins, BestSpins, BestSpins.Length);
            if (_toTarget is null && Target is { } t && SolverResult.Reached(Best, t))
            {
                _toTarget = _clock.Elapsed.TotalSeconds;
            }
        }
    }

    private double? Target => _o.TargetEnergy ?? 0;

    /// <summary>After each sweep: records, and returns true to stop (solved, target, or out of time).</summary>
    public bool EndSweep(int sweep, int sweeps, Func<bool> outOfTime)
    {
        Observe();
        _lastSweep = sweep;
        var every = Math.Max(1, sweeps / Math.Max(1, _o.TracePoints));
        var done = State.FalseClauses.Count == 0 || _toTarget is not null;
        if (sweep % every == 0 || done || sweep == sweeps - 1)
        {
            _trace.Add(new TracePoint(_restart, sweep + 1, _clock.Elapsed.TotalSeconds, State.Cost, Best));
        }

        if (done)
        {
            return true;
        }

        if ((sweep & 15) == 0 && sweep < sweeps - 1 && outOfTime())
        {
            Truncated = true;
            return true;
        }

        return false;
    }

    public RestartResult Result()
    {
        var now = _clock.Elapsed.TotalSeconds;
        if (_trace[^1].Sweep != _lastSweep + 1)
        {
            _trace.Add(new TracePoint(_restart, _lastSweep + 1, now, State.Cost, Best));
        }

        return new RestartResult(_restart, Best, BestSpins, now - _start, _toTarget, _trace) { Completed = !Truncated };
    }
}
