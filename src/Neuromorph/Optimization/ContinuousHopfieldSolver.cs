using Neuromorph.Networks;

namespace Neuromorph.Optimization;

/// <summary>
/// Continuous Hopfield network (Hopfield 1984; Hopfield and Tank 1985) as a spin-problem solver:
/// du_i/dt = -u_i - f_i(V), V_i = tanh(lambda u_i), f = c + K V the energy gradient, integrated with
/// asynchronous explicit Euler steps (dt = 0.5) while the gain lambda rises geometrically from 0.5/T0 to 10/T1
/// with Gaussian noise on the input current falling linearly from T0/2 to zero, so restarts explore. Every trace point rounds V to spins; the best rounded state is quenched greedily.
/// </summary>
public sealed class ContinuousHopfieldSolver : ISpinSolver
{
    /// <inheritdoc/>
    public string Name => "continuous-hopfield";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var (t0, t1) = SimulatedAnnealing.DefaultTemperatures(model);
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            var n = model.Size;
            var run = new SpinRestart(model, options, r, clock);
            var rng = run.Random;
            var u = new double[n];
            var v = new double[n];
            var f = new double[n];
            for (var i = 0; i < n; i++)
            {
                u[i] = 0.01 * t0 * rng.NextGaussian();
            }

            var sweeps = run.Sweeps;
            var g0 = 0.5 / t0;
            var g1 = 10 / t1;
            const double dt = 0.5;
            Array.Copy(model.Linear, f, n);
            var sweep = 0;
            for (; sweep < sweeps; sweep++)
            {
                var progress = sweep / (double)Math.Max(1, sweeps - 1);
                var gain = g0 * Math.Pow(g1 / g0, progress);
                var noise = 0.5 * t0 * (1 - progress);
                for (var i = 0; i < n; i++)
                {
                    u[i] += dt * (-u[i] - f[i] + (noise * rng.NextGaussian()));
                    var vNew = Math.Tanh(gain * u[i]);
                    var dv = vNew - v[i];
                    if (dv != 0)
                    {
                        v[i] = vNew;
                        for (var k = model.RowStart[i]; k < model.RowStart[i + 1]; k++)
                        {
                            f[model.Neighbour[k]] += model.Coupling[k] * dv;
                        }
                    }
                }

                if (sweep % Math.Max(1, sweeps / options.TracePoints) == 0 || sweep == sweeps - 1)
                {
                    for (var i = 0; i < n; i++)
                    {
                        var want = v[i] >= 0 ? (sbyte)1 : (sbyte)-1;
                        if (run.Spins[i] != want)
                        {
                            run.Flip(i);
                        }
                    }
                }

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
