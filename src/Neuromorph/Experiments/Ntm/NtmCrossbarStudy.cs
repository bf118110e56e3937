using System.Globalization;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Experiments.Ntm;

/// <summary>One grid point of an NTM crossbar study: bit errors per sequence over the repeats (independently programmed arrays).</summary>
/// <param name="Variability">Relative device-to-device conductance spread σ_G.</param>
/// <param name="ReadNoise">Standard deviation of the noise on content addressing's cosine similarities.</param>
/// <param name="Length">Copy length.</param>
/// <param name="Repeats">Independently programmed sets of arrays.</param>
/// <param name="MeanBitErrors">Mean over repeats of the bit errors per sequence.</param>
/// <param name="StdBitErrors">Sample standard deviation over repeats (0 for one repeat).</param>
/// <param name="BitErrorRate">Mean bit errors per sequence over the bits per sequence (length × bits).</param>
/// <param name="StdBitErrorRate">The standard deviation over the bits per sequence.</param>
public sealed record NtmCrossbarPoint(double Variability, double ReadNoise, int Length, int Repeats, double MeanBitErrors, double StdBitErrors, double BitErrorRate, double StdBitErrorRate);

/// <summary>
/// Runs a crossbar study of a trained NTM (<see cref="NtmCrossbarStudySpec"/>): for each variability and repeat, every
/// weight matrix is programmed on crossbars through <see cref="CrossbarWeights"/> (the arrays of repeat r use the same
/// seeds at every variability, so the grid compares like with like), then each read noise and length is scored on
/// the same held-out sequences as the ideal model.
/// </summary>
public static class NtmCrossbarStudy
{
    /// <summary>The bit error rate below which a variability counts as tolerated (1 %).</summary>
    public const double Tolerated = 0.01;

    /// <summary>
    /// Scores <paramref name="model"/> on every grid point; <paramref name="testSeed"/> seeds the held-out sequences
    /// of each length (as the ideal evaluation), <paramref name="seed"/> the arrays and the read noise. The model is
    /// left unbound with no read noise.
    /// </summary>
    public static IReadOnlyList<NtmCrossbarPoint> Run(NtmModel model, IMemoryTask task, NtmCrossbarStudySpec study, ulong seed, ulong testSeed,
        TextWriter? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(study);
        var (nv, nr, nl) = (study.Variability.Count, study.ReadNoise.Count, study.Lengths.Count);
        var errors = new double[nv, nr, nl, study.Repeats];
        try
        {
            for (var vi = 0; vi < nv; vi++)
            {
                var substrate = study.Substrate with { NonIdealities = study.Substrate.NonIdealities with { Variability = study.Variability[vi] } };
                for (var r = 0; r < study.Repeats; r++)
                {
                    model.BindWeights(CrossbarWeights.Factory(substrate, study.Periphery, SeedSequence.Derive(seed, SeedPurpose.NtmCrossbar, r)));
                    for (var ni = 0; ni < nr; ni++)
                    {
                        model.ReadNoise = study.ReadNoise[ni];
                        model.NoiseStream = new RandomStream(SeedSequence.Derive(seed, SeedPurpose.NtmReadNoise, vi, r, ni));
                        for (var li = 0; li < nl; li++)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            var l = study.Lengths[li];
                            errors[vi, ni, li, r] = CopyEvaluation.BitErrorsPerSequence(model, task, l, study.Sequences, SeedSequence.Derive(testSeed, "length", l));
                        }
                    }
                }

                log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crossbar study: variability {study.Variability[vi]:G3} done ({vi + 1} of {nv})"));
            }
        }
        finally
        {
            model.BindWeights(null);
            model.ReadNoise = 0;
            model.NoiseStream = null;
        }

        var points = new List<NtmCrossbarPoint>();
        for (var ni = 0; ni < nr; ni++)
        {
            for (var li = 0; li < nl; li++)
            {
                for (var vi = 0; vi < nv; vi++)
                {
                    var e = Enumerable.Range(0, study.Repeats).Select(r => errors[vi, ni, li, r]).ToArray();
                    var mean = e.Average();
                    var std = e.Length > 1 ? Math.Sqrt(e.Sum(x => (x - mean) * (x - mean)) / (e.Length - 1)) : 0;
                    var l = study.Lengths[li];
                    points.Add(new NtmCrossbarPoint(study.Variability[vi], study.ReadNoise[ni], l, study.Repeats, mean, std, mean / task.ScoredBits(l), std / task.ScoredBits(l)));
                }
            }
        }

        return points;
    }

    /// <summary>
    /// The largest variability up to which (from the smallest on) the mean bit error rate stays below
    /// <see cref="Tolerated"/> at <paramref name="readNoise"/> and <paramref name="length"/>; NaN when even the smallest fails
    /// or the grid has no such points.
    /// </summary>
    public static double MaxTolerated(IReadOnlyList<NtmCrossbarPoint> points, double readNoise, int length)
    {
        ArgumentNullException.ThrowIfNull(points);
        var best = double.NaN;
        foreach (var p in points.Where(p => p.ReadNoise == readNoise && p.Length == length).OrderBy(p => p.Variability))
        {
            if (!(p.BitErrorRate < Tolerated))
            {
                break;
            }

            best = p.Variability;
        }

        return best;
    }

    /// <summary>crossbar_study.csv: one row per grid point.</summary>
    public static ResultTable Table(IReadOnlyList<NtmCrossbarPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return new ResultTable("crossbar_study.csv", ["variability", "read_noise", "length", "repeats", "mean_bit_errors_per_sequence", "std_bit_errors_per_sequence", "bit_error_rate", "std_bit_error_rate"],
        [
            [.. points.Select(p => p.Variability)], [.. points.Select(p => p.ReadNoise)], [.. points.Select(p => (double)p.Length)], [.. points.Select(p => (double)p.Repeats)],
            [.. points.Select(p => p.MeanBitErrors)], [.. points.Select(p => p.StdBitErrors)], [.. points.Select(p => p.BitErrorRate)],
            [.. points.Select(p => p.StdBitErrorRate)],
        ]);
    }

    /// <summary>crossbar_thresholds.csv: per read noise and length, the largest tolerated variability (<see cref="MaxTolerated"/>).</summary>
    public static ResultTable Thresholds(IReadOnlyList<NtmCrossbarPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var keys = points.Select(p => (p.ReadNoise, p.Length)).Distinct().ToList();
        return new ResultTable("crossbar_thresholds.csv", ["read_noise", "length", "max_variability_below_1pct"],
        [
            [.. keys.Select(k => k.ReadNoise)], [.. keys.Select(k => (double)k.Length)], [.. keys.Select(k => MaxTolerated(points, k.ReadNoise, k.Length))],
        ]);
    }
}
