using Neuromorph.Crossbars;
using Neuromorph.Numerics;

namespace Neuromorph.Optimization;

/// <summary>
/// A spin problem as memristive crossbar hardware computes it. The Hopfield weights W = −K are programmed onto a
/// crossbar (<see cref="CrossbarSubstrate"/>: mapping, levels, variability, faults, drift, wire resistance); the
/// couplings the solver then sees are the symmetric part of the weights the array realises
/// (<see cref="CrossbarSubstrate.EffectiveWeights"/>, so IR drop and sneak currents count). Per-read effects enter
/// each neuron decision: read noise σ per device adds a Gaussian of standard deviation σ ‖K_i‖₂ to field i (the exact
/// spread of Σ_j K_ij (1 + σ ξ_ij) s_j), and an ADC of b bits quantises the field over ±Σ_j |K_ij|. Linear terms
/// are applied digitally. Solutions are always scored on the true problem.
/// </summary>
public sealed class HardwareIsing
{
    private HardwareIsing(IsingModel model, double[] noiseScale, int adcBits, double[] adcRange, double deviation)
    {
        Model = model;
        ReadNoiseScale = noiseScale;
        AdcBits = adcBits;
        AdcRange = adcRange;
        CouplingDeviation = deviation;
    }

    /// <summary>The couplings as the hardware realises them (same linear terms and offset as the true problem).</summary>
    public IsingModel Model { get; }

    /// <summary>Per-neuron read-noise standard deviation of the field, σ ‖K_i‖₂ (zeros when read noise is off).</summary>
    public double[] ReadNoiseScale { get; }

    /// <summary>ADC bits for the field (0: ideal).</summary>
    public int AdcBits { get; }

    /// <summary>Per-neuron ADC full scale, Σ_j |K_ij|.</summary>
    public double[] AdcRange { get; }

    /// <summary>‖K_hw − K‖_F / ‖K‖_F: how far the hardware couplings are from the problem's.</summary>
    public double CouplingDeviation { get; }

    /// <summary>Programs <paramref name="model"/>'s couplings onto the crossbar described by <paramref name="substrate"/>.</summary>
    public static HardwareIsing Program(IsingModel model, CrossbarSubstrateSpec substrate, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(substrate);
        var n = model.Size;
        var w = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var p = model.RowStart[i]; p < model.RowStart[i + 1]; p++)
            {
                w[i, model.Neighbour[p]] = -model.Coupling[p];
            }
        }

        var crossbar = new CrossbarSubstrate(w, substrate, seed);
        var eff = crossbar.EffectiveWeights();
        var pairs = new List<(int I, int J, double K)>();
        double diff = 0, norm = 0;
        var sumSq = new double[n];
        var sumAbs = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var k = -0.5 * (eff[i, j] + eff[j, i]);
                var truth = -w[i, j];
                diff += 2 * (k - truth) * (k - truth);
                norm += 2 * truth * truth;
                if (k != 0)
                {
                    pairs.Add((i, j, k));
                    sumSq[i] += k * k;
                    sumSq[j] += k * k;
                    sumAbs[i] += Math.Abs(k);
                    sumAbs[j] += Math.Abs(k);
                }
            }
        }

        var ni = crossbar.NonIdealities;
        var hw = IsingModel.FromPairs(n, pairs, (double[])model.Linear.Clone(), model.Offset);
        return new HardwareIsing(hw, [.. sumSq.Select(v => ni.ReadNoise * Math.Sqrt(v))], ni.AdcBits, sumAbs, norm > 0 ? Math.Sqrt(diff / norm) : 0);
    }

    /// <summary>What the hardware sees of field f_i: quantised by the ADC (noise is added by the solver).</summary>
    public double Field(int i, double f) => AdcBits > 0 ? DataConverter.Quantize(f, AdcBits, AdcRange[i]) : f;

    /// <summary>Re-scores a result found on the hardware couplings on the true problem.</summary>
    public static SolverResult Rescore(SolverResult result, IsingModel truth, double? targetEnergy)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(truth);
        var restarts = result.Restarts
            .Select(r => (Restart: r, Energy: truth.Energy(r.BestSpins)))
            .Select(x => x.Restart with
            {
                BestEnergy = x.Energy,
                // the restart's answer is known when it ends: its finishing time on the run's clock (its duration
                // alone would put the time to target before the restart's own trace points)
                SecondsToTarget = targetEnergy is { } t && SolverResult.Reached(x.Energy, t) ? x.Restart.FinishedAt : null,
            })
            .ToList();
        var ttt = restarts.Where(r => r.SecondsToTarget is not null).Select(r => r.SecondsToTarget).Min();
        return result with { Restarts = restarts, WallSecondsToTarget = ttt };
    }
}
