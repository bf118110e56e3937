using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks;

/// <summary>Which associative memory a recall study uses.</summary>
public enum RecallNetwork
{
    /// <summary>Binary Hopfield network (auto-association).</summary>
    Hopfield,

    /// <summary>Bidirectional associative memory (Kosko 1988, hetero-association).</summary>
    Bam,
}

/// <summary>How a probe is made from a stored pattern.</summary>
public enum CueCorruption
{
    /// <summary>Each bit flipped with the probe-noise probability.</summary>
    Noisy,

    /// <summary>Each bit erased (replaced by a random bit) with the probe-noise probability.</summary>
    Partial,
}

/// <summary>Hopfield learning rule.</summary>
public enum LearningRule
{
    /// <summary>W = (1/N) Σ ξξᵀ, zero diagonal.</summary>
    Hebbian,

    /// <summary>Projection rule.</summary>
    PseudoInverse,

    /// <summary>Storkey's incremental rule.</summary>
    Storkey,
}

/// <summary>
/// An associative-recall study: store random (seeded) or given patterns, probe with noisy or partial versions, measure
/// overlap and bit errors versus load (Hopfield: P/N values; BAM: numbers of pairs) and probe noise.
/// </summary>
public sealed record RecallSpec
{
    /// <summary>Hopfield or BAM.</summary>
    public RecallNetwork Network { get; init; } = RecallNetwork.Hopfield;

    /// <summary>Hopfield learning rule.</summary>
    public LearningRule Rule { get; init; } = LearningRule.Hebbian;

    /// <summary>How probes are made.</summary>
    public CueCorruption Probe { get; init; } = CueCorruption.Noisy;

    /// <summary>Probe-noise fractions in [0, 1].</summary>
    public IReadOnlyList<double> Noise { get; init; } = [0.0, 0.1, 0.2, 0.3];

    /// <summary>Probes per (load, noise) cell (at most the number stored).</summary>
    public int Probes { get; init; } = 10;

    /// <summary>Hopfield: sweeps before giving up on convergence.</summary>
    public int MaxSweeps { get; init; } = 50;

    /// <summary>Seed of patterns and probes.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Neurons (Hopfield), or the size of the A layer (BAM).</summary>
    public int Neurons { get; init; } = 500;

    /// <summary>Hopfield loads P/N (ignored when <see cref="Patterns"/> is given).</summary>
    public IReadOnlyList<double> Loads { get; init; } = [0.05, 0.1, 0.138, 0.2, 0.3];

    /// <summary>Hopfield: stored patterns given by the user (±1), or null for random patterns.</summary>
    public IReadOnlyList<double[]>? Patterns { get; init; }

    /// <summary>BAM: size of the B layer.</summary>
    public int OutputNeurons { get; init; } = 80;

    /// <summary>BAM: numbers of stored pairs.</summary>
    public IReadOnlyList<int> Pairs { get; init; } = [1, 2, 4, 8, 16, 32];
}

/// <summary>One cell of a Hopfield recall table: load P/N, stored patterns, probe noise, mean overlap, bit-error fraction.</summary>
public sealed record HopfieldRecallPoint(double Load, int Patterns, double ProbeNoise, double Overlap, double BitErrorFraction);

/// <summary>One cell of a BAM recall table: pairs, load m/min(n, p), probe noise, overlaps of A and B, bit-error fraction of B.</summary>
public sealed record BamRecallPoint(int Pairs, double Load, double ProbeNoise, double OverlapA, double OverlapB, double BitErrorFractionB);

/// <summary>
/// Mean overlap with the stored pattern (Hopfield) or the stored B pattern (BAM) after each update of one cell's probes:
/// entry 0 is the probe, entry t the state after t sweeps (asynchronous Hopfield), synchronous steps (Hopfield on a
/// substrate) or A→B→A iterations (BAM). A probe that has settled keeps its final overlap in later entries.
/// </summary>
/// <param name="Load">P/N (Hopfield) or stored pairs (BAM).</param>
/// <param name="ProbeNoise">Probe-noise fraction.</param>
/// <param name="Overlap">Mean overlap per update.</param>
public sealed record OverlapTrajectory(double Load, double ProbeNoise, IReadOnlyList<double> Overlap);

/// <summary>The recall table (Hopfield or BAM rows) with the mean bit-error fraction and mean overlap over all cells.</summary>
public sealed record RecallResult(IReadOnlyList<HopfieldRecallPoint> Hopfield, IReadOnlyList<BamRecallPoint> Bam, double BitError, double Overlap)
{
    /// <summary>Overlap against update step for every cell, in table order.</summary>
    public IReadOnlyList<OverlapTrajectory> Trajectories { get; init; } = [];
}

/// <summary>
/// Runs a <see cref="RecallSpec"/> on the ideal weights or on any <see cref="IWeightSubstrate"/> (crossbars, a compute
/// device). On a substrate other than the ideal one, Hopfield probes run batched synchronous updates, so every update
/// is one product through the hardware.
/// </summary>
public static class AssociativeRecall
{
    /// <summary>
    /// Runs the study; <paramref name="substrate"/> turns learned weights into the substrate that holds them (null: the
    /// ideal matrix); <paramref name="report"/> receives one line per cell.
    /// </summary>
    public static RecallResult Run(RecallSpec spec, Func<DenseWeights, IWeightSubstrate>? substrate = null, Action<string>? report = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        report ??= _ => { };
        return spec.Network == RecallNetwork.Hopfield ? RunHopfield(spec, substrate, report) : RunBam(spec, substrate, report);
    }

    private static RecallResult RunHopfield(RecallSpec spec, Func<DenseWeights, IWeightSubstrate>? substrate, Action<string> report)
    {
        Func<IReadOnlyList<double[]>, DenseWeights> learn = spec.Rule switch
        {
            LearningRule.PseudoInverse => LearningRules.PseudoInverse,
            LearningRule.Storkey => LearningRules.Storkey,
            _ => LearningRules.Hebbian,
        };
        var seed = spec.Seed;
        List<double[]> all;
        int n;
        if (spec.Patterns is { } given)
        {
            all = [.. given];
            n = all[0].Length;
        }
        else
        {
            n = spec.Neurons;
            var pMax = (int)Math.Round(spec.Loads.Max() * n);
            var rng = new RandomStream(seed);
            all = Enumerable.Range(0, Math.Max(1, pMax)).Select(_ => RandomPattern(rng, n)).ToList();
        }

        var counts = spec.Patterns is not null ? [all.Count] : spec.Loads.Select(a => Math.Max(1, (int)Math.Round(a * n))).Distinct().ToArray();
        var points = new List<HopfieldRecallPoint>();
        var trajectories = new List<OverlapTrajectory>();
        var rule = spec.Rule switch { LearningRule.PseudoInverse => "pseudo-inverse", LearningRule.Storkey => "storkey", _ => "hebbian" };
        foreach (var p in counts)
        {
            var stored = all.Take(p).ToList();
            var net = new HopfieldNetwork(substrate is null ? learn(stored) : substrate(learn(stored)));
            foreach (var q in spec.Noise)
            {
                var rng = new RandomStream(SeedSequence.Derive(seed, SeedPurpose.RecallProbes, p, BitConverter.DoubleToInt64Bits(q)));
                double overlap = 0;
                var k = Math.Min(spec.Probes, p);
                var paths = new List<List<double>>();
                if (substrate is null)
                {
                    for (var mu = 0; mu < k; mu++)
                    {
                        var s = Probe(stored[mu], q, spec.Probe, rng);
                        var target = stored[mu];
                        var path = new List<double> { Overlap(s, target) };
                        net.RunAsynchronous(s, spec.MaxSweeps, rng, afterSweep: x => path.Add(Overlap(x, target)));
                        paths.Add(path);
                        overlap += Overlap(s, stored[mu]);
                    }
                }
                else
                {
                    var batch = new double[k * n];
                    for (var mu = 0; mu < k; mu++)
                    {
                        Probe(stored[mu], q, spec.Probe, rng).CopyTo(batch, mu * n);
                    }

                    for (var mu = 0; mu < k; mu++)
                    {
                        paths.Add([Overlap(batch.AsSpan(mu * n, n), stored[mu])]);
                    }

                    net.RunSynchronous(batch, k, spec.MaxSweeps, afterStep: x =>
                    {
                        for (var mu = 0; mu < k; mu++)
                        {
                            paths[mu].Add(Overlap(x.AsSpan(mu * n, n), stored[mu]));
                        }
                    });
                    for (var mu = 0; mu < k; mu++)
                    {
                        overlap += Overlap(batch.AsSpan(mu * n, n), stored[mu]);
                    }
                }

                overlap /= k;
                points.Add(new HopfieldRecallPoint(p / (double)n, p, q, overlap, (1 - overlap) / 2));
                trajectories.Add(new OverlapTrajectory(p / (double)n, q, MeanPath(paths)));
                report(FormattableString.Invariant($"hopfield {rule}: P/N = {p / (double)n:F3}, probe noise {q:F2}: overlap {overlap:F4}"));
            }
        }

        var mean = points.Count == 0 ? 0 : points.Average(c => c.Overlap);
        return new RecallResult(points, [], (1 - mean) / 2, mean) { Trajectories = trajectories };
    }

    private static RecallResult RunBam(RecallSpec spec, Func<DenseWeights, IWeightSubstrate>? substrate, Action<string> report)
    {
        var n = spec.Neurons;
        var p = spec.OutputNeurons;
        var rng = new RandomStream(spec.Seed);
        var all = Enumerable.Range(0, spec.Pairs.Max()).Select(_ => (RandomPattern(rng, n), RandomPattern(rng, p))).ToList();
        var points = new List<BamRecallPoint>();
        var trajectories = new List<OverlapTrajectory>();
        foreach (var m in spec.Pairs)
        {
            var stored = all.Take(m).ToList();
            var bam = new BidirectionalMemory(substrate is null ? LearningRules.BamCorrelation(stored) : substrate(LearningRules.BamCorrelation(stored)));
            foreach (var q in spec.Noise)
            {
                double oa = 0, ob = 0;
                var k = Math.Min(spec.Probes, m);
                var paths = new List<List<double>>();
                for (var mu = 0; mu < k; mu++)
                {
                    var a = Probe(stored[mu].Item1, q, spec.Probe, rng);
                    var b = RandomPattern(rng, p);
                    var target = stored[mu].Item2;
                    var path = new List<double> { Overlap(b, target) };
                    bam.Recall(a, b, afterIteration: (_, bNow) => path.Add(Overlap(bNow, target)));
                    paths.Add(path);
                    oa += Overlap(a, stored[mu].Item1);
                    ob += Overlap(b, stored[mu].Item2);
                }

                oa /= k;
                ob /= k;
                points.Add(new BamRecallPoint(m, m / (double)Math.Min(n, p), q, oa, ob, (1 - ob) / 2));
                trajectories.Add(new OverlapTrajectory(m, q, MeanPath(paths)));
                report(FormattableString.Invariant($"bam: {m} pairs, probe noise {q:F2}: overlap A {oa:F4}, B {ob:F4}"));
            }
        }

        var mean = points.Count == 0 ? 0 : points.Average(c => c.OverlapB);
        return new RecallResult([], points, (1 - mean) / 2, mean) { Trajectories = trajectories };
    }

    /// <summary>Mean over probes of overlap per update, each probe held at its last value once it has settled.</summary>
    private static double[] MeanPath(List<List<double>> paths)
    {
        var length = paths.Count == 0 ? 0 : paths.Max(p => p.Count);
        var mean = new double[length];
        foreach (var path in paths)
        {
            for (var t = 0; t < length; t++)
            {
                mean[t] += path[Math.Min(t, path.Count - 1)] / paths.Count;
            }
        }

        return mean;
    }

    /// <summary>Overlap (1/N) Σ s_i ξ_i of a state with a pattern.</summary>
    private static double Overlap(ReadOnlySpan<double> s, double[] pattern)
    {
        double sum = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            sum += s[i] * pattern[i];
        }

        return sum / pattern.Length;
    }

    private static double[] RandomPattern(RandomStream rng, int n)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = rng.NextSpin();
        }

        return x;
    }

    private static double[] Probe(double[] pattern, double q, CueCorruption kind, RandomStream rng)
    {
        var s = (double[])pattern.Clone();
        for (var i = 0; i < s.Length; i++)
        {
            if (rng.NextDouble() < q)
            {
                s[i] = kind == CueCorruption.Noisy ? -s[i] : rng.NextSpin();
            }
        }

        return s;
    }
}
