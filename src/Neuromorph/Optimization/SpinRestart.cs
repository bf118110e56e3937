using System.Diagnostics;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization;

/// <summary>
/// Bookkeeping for one restart of a spin solver (annealing, Hopfield machine, continuous Hopfield): random start, incremental local fields, best-so-far tracking,
/// trace sampling, target timing and a final zero-temperature quench.
/// </summary>
internal sealed class SpinRestart
{
    private readonly IsingModel _model;
    private readonly SolverOptions _options;
    private readonly Stopwatch _clock;
    private readonly double _start;
    private readonly List<TracePoint> _trace = [];
    private readonly int _traceEvery;
    private double? _toTarget;

    public SpinRestart(IsingModel model, SolverOptions options, int restart, Stopwatch clock)
    {
        _model = model;
        _options = options;
        _clock = clock;
        _start = clock.Elapsed.TotalSeconds;
        Restart = restart;
        Random = new RandomStream(SeedSequence.Derive(options.Seed, SeedPurpose.SolverRestart, restart));
        Spins = new sbyte[model.Size];
        for (var i = 0; i < Spins.Length; i++)
        {
            Spins[i] = Random.NextSpin();
        }

        Field = new double[model.Size];
        model.LocalFields(Spins, Field);
        Energy = model.Energy(Spins);
        Best = Energy;
        BestSpins = (sbyte[])Spins.Clone();
        Sweeps = options.SweepsFor(model.Size);
        _traceEvery = Math.Max(1, Sweeps / Math.Max(1, options.TracePoints));
    }

    public int Restart { get; }

    public RandomStream Random;

    public sbyte[] Spins { get; }

    public double[] Field { get; }

    public double Energy { get; set; }

    public double Best { get; private set; }

    public sbyte[] BestSpins { get; }

    public int Sweeps { get; }

    /// <summary>True if the time limit stopped the schedule early.</summary>
    public bool Truncated { get; private set; }

    /// <summary>Flips spin i (energy change must be -2 s_i f_i, computed before the flip).</summary>
    public void Flip(int i)
    {
        Energy -= 2.0 * Spins[i] * Field[i];
        _model.Flip(Spins, Field, i);
    }

    /// <summary>Call after each sweep: records best, trace and target time. Returns true to stop early.</summary>
    public bool EndSweep(int sweep, Func<bool> outOfTime)
    {
        if (Energy < Best - 1e-12)
        {
            Best = Energy;
            Array.Copy(Spins, BestSpins, Spins.Length);
            if (_toTarget is null && _options.TargetEnergy is { } t && SolverResult.Reached(Best, t))
            {
                _toTarget = _clock.Elapsed.TotalSeconds;
            }
        }

        if (sweep % _traceEvery == 0 || sweep == Sweeps - 1)
        {
            _trace.Add(new TracePoint(Restart, sweep, _clock.Elapsed.TotalSeconds, Energy, Best));
        }

        if ((sweep & 15) == 0 && sweep < Sweeps - 1 && outOfTime())
        {
            Truncated = true;
            return true;
        }

        return false;
    }

    /// <summary>Greedy descent to a local minimum (single flips), then a final best update.</summary>
    public void Quench(int sweep, Func<bool> outOfTime)
    {
        _model.Descend(Spins, Field);
        Energy = _model.Energy(Spins); // the descent's exact energy (no accumulated rounding)
        var truncated = Truncated;
        EndSweep(sweep, () => false);
        Truncated = truncated;
    }

    public RestartResult Result()
    {
        if (_options.TargetEnergy is { } t && _toTarget is null && SolverResult.Reached(Best, t))
        {
            _toTarget = _clock.Elapsed.TotalSeconds;
        }

        return new RestartResult(Restart, _model.Energy(BestSpins), BestSpins, _clock.Elapsed.TotalSeconds - _start, _toTarget, _trace) { Completed = !Truncated };
    }
}
