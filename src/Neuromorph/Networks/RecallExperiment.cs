using System.Globalization;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks;

/// <summary>
/// Associative-recall experiment driven by YAML (see docs/networks.md): stores random (seeded) or file patterns in a
/// Hopfield network or BAM, probes with noisy (bit-flipped) or partial (erased, then randomised) versions, and
/// writes overlap and bit-error fraction versus load and probe noise to recall.csv (Hopfield) or bam_recall.csv.
/// </summary>
public static class RecallExperiment
{
    /// <summary>Runs the experiment described by <paramref name="root"/> and writes CSV files to <paramref name="outputDir"/>.</summary>
    public static void Run(YamlSection root, string outputDir, TextWriter log) => Run(root, outputDir, log, null);

    /// <summary>
    /// Runs the experiment; <paramref name="substrate"/> turns learned weights into the substrate that holds them (null:
    /// the ideal matrix). On a substrate other than the ideal one, Hopfield probes run batched synchronous updates, so
    /// every update is one product through the hardware. Returns the mean bit-error fraction and mean overlap.
    /// </summary>
    public static (double BitError, double Overlap) Run(YamlSection root, string? outputDir, TextWriter log, Func<DenseWeights, IWeightSubstrate>? substrate)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(log);
        root.RejectUnknownKeys("kind", "substrate", "experiment", "network", "neurons", "rule", "loads", "pairs", "noise", "probe", "probes", "max_sweeps", "seed", "patterns_file", "output_neurons");
        var network = root.GetString("network", "hopfield");
        if (network is not ("hopfield" or "bam"))
        {
            throw root.Error("network", $"unknown network '{network}'", "use hopfield or bam");
        }

        var probeKind = root.GetString("probe", "noisy");
        if (probeKind is not ("noisy" or "partial"))
        {
            throw root.Error("probe", $"unknown probe kind '{probeKind}'", "use noisy (flip bits) or partial (erase bits)");
        }

        var noise = root.Has("noise") ? root.GetDoubleList("noise") : [0.0, 0.1, 0.2, 0.3];
        if (noise.Any(q => q is < 0 or > 1))
        {
            throw root.Error("noise", "probe noise fractions must lie in [0, 1]");
        }

        var probes = root.GetInt("probes", 10);
        var maxSweeps = root.GetInt("max_sweeps", 50);
        var seed = (ulong)root.GetLong("seed", 1);
        if (outputDir is not null)
        {
            Directory.CreateDirectory(outputDir);
        }

        return network == "hopfield"
            ? RunHopfield(root, outputDir, log, noise, probeKind, probes, maxSweeps, seed, substrate)
            : RunBam(root, outputDir, log, noise, probeKind, probes, seed, substrate);
    }

    private static (double, double) RunHopfield(YamlSection root, string? outputDir, TextWriter log, double[] noise, string probeKind, int probes, int maxSweeps, ulong seed, Func<DenseWeights, IWeightSubstrate>? substrate)
    {
        var rule = root.GetString("rule", "hebbian");
        Func<IReadOnlyList<double[]>, DenseWeights> learn = rule switch
        {
            "hebbian" => LearningRules.Hebbian,
            "pseudo-inverse" => LearningRules.PseudoInverse,
            "storkey" => LearningRules.Storkey,
            _ => throw root.Error("rule", $"unknown rule '{rule}'", "use hebbian, pseudo-inverse or storkey"),
        };
        List<double[]> all;
        int n;
        var loads = root.Has("loads") ? root.GetDoubleList("loads") : [0.05, 0.1, 0.138, 0.2, 0.3];
        if (loads.Any(a => a <= 0))
        {
            throw root.Error("loads", "loads P/N must be positive");
        }

        if (root.Has("patterns_file"))
        {
            all = ReadPatterns(root, Path.Combine(Path.GetDirectoryName(root.File) ?? ".", root.GetString("patterns_file")));
            n = all[0].Length;
        }
        else
        {
            n = root.GetInt("neurons", 500);
            var pMax = (int)Math.Round(loads.Max() * n);
            var rng = new RandomStream(seed);
            all = Enumerable.Range(0, Math.Max(1, pMax)).Select(_ => RandomPattern(rng, n)).ToList();
        }

        var counts = root.Has("patterns_file") ? [all.Count] : loads.Select(a => Math.Max(1, (int)Math.Round(a * n))).Distinct().ToArray();
        var rows = new List<string> { "load,patterns,probe_noise,overlap,bit_error_fraction" };
        double totalOverlap = 0;
        var cells = 0;
        foreach (var p in counts)
        {
            var stored = all.Take(p).ToList();
            var net = new HopfieldNetwork(substrate is null ? learn(stored) : substrate(learn(stored)));
            foreach (var q in noise)
            {
                var rng = new RandomStream(seed + (ulong)(p * 1000) + (ulong)(q * 1e6));
                double overlap = 0;
                var k = Math.Min(probes, p);
                if (substrate is null)
                {
                    for (var mu = 0; mu < k; mu++)
                    {
                        var s = Probe(stored[mu], q, probeKind, rng);
                        net.RunAsynchronous(s, maxSweeps, rng);
                        overlap += s.Zip(stored[mu]).Sum(t => t.First * t.Second) / n;
                    }
                }
                else
                {
                    var batch = new double[k * n];
                    for (var mu = 0; mu < k; mu++)
                    {
                        Probe(stored[mu], q, probeKind, rng).CopyTo(batch, mu * n);
                    }

                    net.RunSynchronous(batch, k, maxSweeps);
                    for (var mu = 0; mu < k; mu++)
                    {
                        overlap += batch.AsSpan(mu * n, n).ToArray().Zip(stored[mu]).Sum(t => t.First * t.Second) / n;
                    }
                }

                overlap /= k;
                totalOverlap += overlap;
                cells++;
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{p / (double)n:G6},{p},{q:G6},{overlap:G6},{(1 - overlap) / 2:G6}"));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hopfield {rule}: P/N = {p / (double)n:F3}, probe noise {q:F2}: overlap {overlap:F4}"));
            }
        }

        if (outputDir is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(outputDir, "recall.csv"), string.Join('\n', rows) + "\n");
        }

        var mean = totalOverlap / Math.Max(1, cells);
        return ((1 - mean) / 2, mean);
    }

    private static (double, double) RunBam(YamlSection root, string? outputDir, TextWriter log, double[] noise, string probeKind, int probes, ulong seed, Func<DenseWeights, IWeightSubstrate>? substrate)
    {
        var n = root.GetInt("neurons", 100);
        var p = root.GetInt("output_neurons", 80);
        var pairCounts = root.Has("pairs") ? root.GetDoubleList("pairs").Select(v => (int)v).ToArray() : [1, 2, 4, 8, 16, 32];
        var rng = new RandomStream(seed);
        var all = Enumerable.Range(0, pairCounts.Max()).Select(_ => (RandomPattern(rng, n), RandomPattern(rng, p))).ToList();
        var rows = new List<string> { "pairs,load,probe_noise,overlap_a,overlap_b,bit_error_fraction_b" };
        double totalOverlap = 0;
        var cells = 0;
        foreach (var m in pairCounts)
        {
            var stored = all.Take(m).ToList();
            var bam = new BidirectionalMemory(substrate is null ? LearningRules.BamCorrelation(stored) : substrate(LearningRules.BamCorrelation(stored)));
            foreach (var q in noise)
            {
                double oa = 0, ob = 0;
                var k = Math.Min(probes, m);
                for (var mu = 0; mu < k; mu++)
                {
                    var a = Probe(stored[mu].Item1, q, probeKind, rng);
                    var b = RandomPattern(rng, p);
                    bam.Recall(a, b);
                    oa += a.Zip(stored[mu].Item1).Sum(t => t.First * t.Second) / n;
                    ob += b.Zip(stored[mu].Item2).Sum(t => t.First * t.Second) / p;
                }

                oa /= k;
                ob /= k;
                totalOverlap += ob;
                cells++;
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"{m},{m / (double)Math.Min(n, p):G6},{q:G6},{oa:G6},{ob:G6},{(1 - ob) / 2:G6}"));
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bam: {m} pairs, probe noise {q:F2}: overlap A {oa:F4}, B {ob:F4}"));
            }
        }

        if (outputDir is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(outputDir, "bam_recall.csv"), string.Join('\n', rows) + "\n");
        }

        var mean = totalOverlap / Math.Max(1, cells);
        return ((1 - mean) / 2, mean);
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

    private static double[] Probe(double[] pattern, double q, string kind, RandomStream rng)
    {
        var s = (double[])pattern.Clone();
        for (var i = 0; i < s.Length; i++)
        {
            if (rng.NextDouble() < q)
            {
                s[i] = kind == "noisy" ? -s[i] : rng.NextSpin();
            }
        }

        return s;
    }

    private static List<double[]> ReadPatterns(YamlSection root, string path)
    {
        if (!File.Exists(path))
        {
            throw root.Error("patterns_file", $"pattern file '{path}' not found", "give a path relative to the YAML file");
        }

        var list = new List<double[]>();
        var lineNo = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var x = new double[line.Length];
            for (var i = 0; i < line.Length; i++)
            {
                x[i] = line[i] switch
                {
                    '1' or '+' => 1,
                    '0' or '-' => -1,
                    _ => throw new Diagnostics.UserInputException(new Diagnostics.SourceLocation(path, lineNo, i + 1), $"pattern character '{line[i]}' is not 0/1/+/-", "one pattern per line, e.g. 0110 or +--+"),
                };
            }

            if (list.Count > 0 && x.Length != list[0].Length)
            {
                throw new Diagnostics.UserInputException(new Diagnostics.SourceLocation(path, lineNo, 1), $"pattern has {x.Length} bits, the first had {list[0].Length}", "all patterns must have the same length");
            }

            list.Add(x);
        }

        if (list.Count == 0)
        {
            throw root.Error("patterns_file", "pattern file holds no patterns");
        }

        return list;
    }
}
