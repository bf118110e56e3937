using Neuromorph.Networks;

namespace Neuromorph.Optimization;

/// <summary>
/// Hopfield/Ising-machine solver after Cai et al. (Nature Electronics 2020): asynchronous Hopfield updates
/// s_i = -sgn(f_i + sigma(t) xi) with Gaussian noise xi standing for the intrinsic noise of memristor
/// weights, its amplitude sigma annealed by a <see cref="NoiseSchedule"/> (default: exponential from
/// the rms local field down to a tenth of the smallest coupling). Ends with a noiseless quench.
/// </summary>
public sealed class HopfieldMachine : ISpinSolver
{
    /// <summary>Noise schedule (null: automatic exponential schedule scaled to the model).</summary>
    public NoiseSchedule? Noise { get; init; }

    /// <summary>Crossbar read effects on each decision (field ADC and read noise), or null for ideal arithmetic.</summary>
    public HardwareIsing? Hardware { get; init; }

    /// <inheritdoc/>
    public string Name => "hopfield";

    /// <inheritdoc/>
    public SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        var (t0, t1) = SimulatedAnnealing.DefaultTemperatures(model);

        // Gaussian noise sigma ~ 1.6 T gives a probit acceptance close to the logistic heat bath at T.
        var noise = Noise ?? new NoiseSchedule(NoiseShape.Exponential, 0.8 * t0, 0.8 * t1);
        return RestartRunner.Run(Name, options, (r, outOfTime, clock) =>
        {
            var run = new SpinRestart(model, options, r, clock);
            var n = model.Size;
            var sweeps = run.Sweeps;
            var s = run.Spins;
            var f = run.Field;
            var hw = Hardware;
            var sweep = 0;
            for (; sweep < sweeps; sweep++)
            {
                var sigma = noise.At(sweeps > 1 ? sweep / (double)(sweeps - 1) : 1);
                for (var i = 0; i < n; i++)
                {
                    var h = (hw is null ? f[i] : hw.Field(i, f[i]) + (hw.ReadNoiseScale[i] * run.Random.NextGaussian())) + (sigma * run.Random.NextGaussian());
                    var want = h > 0 ? (sbyte)-1 : (sbyte)1;
                    if (want != s[i] && h != 0)
                    {
                        run.Flip(i);
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
