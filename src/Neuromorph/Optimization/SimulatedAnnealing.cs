namespace Neuromorph.Optimization;

/// <summary>
/// Simulated annealing baseline (Kirkpatrick et al. 1983): Metropolis single-spin flips in sequential sweeps with
/// incremental local fields on adjacency lists, geometric temperature schedule from <c>T0</c> to <c>T1</c>
/// followed by a zero-temperature quench. Default temperatures scale with the model: T0 makes a typical
/// uphill move (twice the rms local field) accepted with probability 1/e; T1 makes the smallest
/// uphill move accepted with probability e^-10.
/// </summary>
public sealed class SimulatedAnnealing : ISpinSolver
{
    /// <summary>Start temperature in energy units (null: automatic).</summary>
    public double? StartTemperature { get; init; }

    /// <summary>End temperature in energy units (null: automatic).</summary>
    public double? EndTemperature { get; init; }

    /// <inheritdoc/>
    public string Name => "annealing";

    /// <summary>Automatic (T0, T1) for <paramref name="model"/>.</summary>
    public static (double T0, double T1) DefaultTemperatures(IsingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        double sumSq = 0, minAbs = double.MaxValue;
        for (var i = 0; i < model.Size; i++)
        {
            var row = model.Linear[i] * model.Linear[i];
            if (model.Linear[i] != 0)
            {
                minAbs = Math.Min(minAbs, Math.Abs(model.Linear[i]));
            }

            for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
            {
                row += model.Coupling[k] * model.Coupling[k];
                if (model.Coupling[k] != 0)
                {
                    minAbs = Math.Min(minAbs, Math.Abs(model.Coupling[k]));
                }
            }

            sumSq += row;
        }

        var rms = Math.Sqrt(sumSq / Math.Max(1, model.Size));
        if (rms == 0)
        {
            return (1, 0.01);
        }

        var t0 = 2 * rms;
        var t1 = 2 * minAbs / 10;
        return (t0, Math.Min(t1, t0 / 10));
    }

    /// <summary>Problems with at least this many spins anneal longer under a time limit (<see cref="DefaultSweeps"/>).</summary>
    public const int LongScheduleSize = 2000;

    /// <summary>
    /// Sweeps per restart: <c>--sweeps</c> when given; else the shared default (<see cref="SolverOptions.SweepsFor"/>,
    /// max(1000, 2·10⁶/N)); but with a time limit T on a problem of at least <see cref="LongScheduleSize"/> spins,
    /// max(that, T · 2·10⁷ / (N + 2E)) for E couplings: a few long anneals beat many short ones there (60 s, seed 1:
    /// G22 p_succ 0.0004 → 0.094 at 40,000 sweeps, G55 10,284 → 10,294, G70 9,555 → 9,585; benchmarks/RESULTS.md).
    /// The rule depends on T and the problem only, not on the machine, so a seed gives the same restarts everywhere.
    /// </summary>
    public static int DefaultSweeps(IsingModel model, SolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var sweeps = options.SweepsFor(model.Size);
        if (options.Sweeps > 0 || options.TimeLimitSeconds <= 0 || model.Size < LongScheduleSize)
        {
            return sweeps;
        }

        var elements = model.Size + (double)model.Neighbour.Length; // N + 2E: spins and both ends of every coupling
        return (int)Math.Max(sweeps, Math.Min(1e9, Math.Round(options.TimeLimitSeconds * 2e7 / elements)));
    }

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options = options with { Sweeps = DefaultSweeps(model, options) };
        var (a0, a1) = DefaultTemperatures(model);
        var t0 = StartTemperature ?? a0;
        var t1 = EndTemperature ?? a1;
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            var run = new SpinRestart(model, options, r, clock);
            var n = model.Size;
            var sweeps = run.Sweeps;
            var ratio = Math.Pow(t1 / t0, 1.0 / Math.Max(1, sweeps - 1));
            var temperature = t0;
            var s = run.Spins;
            var f = run.Field;
            var sweep = 0;
            for (; sweep < sweeps; sweep++)
            {
                for (var i = 0; i < n; i++)
                {
                    var dE = -2.0 * s[i] * f[i];
                    if (dE <= 0 || dE < -temperature * Math.Log(1.0 - run.Random.NextDouble()))
                    {
                        run.Flip(i);
                    }
                }

                temperature *= ratio;
                if (run.EndSweep(sweep, outOfTime))
                {
                    break;
                }
            }

            run.Quench(Math.Min(sweep, sweeps - 1), outOfTime);
            return run.Result();
        }, cancel);
    }
}
