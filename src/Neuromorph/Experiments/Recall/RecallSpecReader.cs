using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks;

namespace Neuromorph.Experiments.Recall;

/// <summary>Reads <c>kind: recall</c> files (see docs/networks.md) into a <see cref="RecallSpec"/>; every mistake is a located user error.</summary>
public static class RecallSpecReader
{
    private static readonly string[] Keys = ["kind", "substrate", "experiment", "network", "neurons", "rule", "loads", "pairs", "noise", "probe", "probes", "max_sweeps", "seed", "patterns_file", "output_neurons"];

    /// <summary>Reads the study; <paramref name="seedOverride"/> replaces the file's seed (studies).</summary>
    public static RecallSpec Read(YamlSection root, ulong? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var network = root.GetString("network", "hopfield") switch
        {
            "hopfield" => RecallNetwork.Hopfield,
            "bam" => RecallNetwork.Bam,
            var other => throw root.Error("network", $"unknown network '{other}'", "use hopfield or bam"),
        };
        var probe = root.GetString("probe", "noisy") switch
        {
            "noisy" => CueCorruption.Noisy,
            "partial" => CueCorruption.Partial,
            var other => throw root.Error("probe", $"unknown probe kind '{other}'", "use noisy (flip bits) or partial (erase bits)"),
        };
        var noise = root.Has("noise") ? root.GetDoubleList("noise") : [0.0, 0.1, 0.2, 0.3];
        if (noise.Any(q => q is < 0 or > 1) || noise.Length == 0)
        {
            throw root.Error("noise", "probe noise fractions must lie in [0, 1] (at least one)");
        }

        var spec = new RecallSpec
        {
            Network = network,
            Probe = probe,
            Noise = noise,
            Probes = AtLeastOne(root, "probes", 10),
            MaxSweeps = AtLeastOne(root, "max_sweeps", 50),
            Seed = seedOverride ?? (ulong)root.GetLong("seed", 1),
        };
        return network == RecallNetwork.Hopfield ? ReadHopfield(root, spec) : ReadBam(root, spec);
    }

    private static RecallSpec ReadHopfield(YamlSection root, RecallSpec spec)
    {
        var rule = root.GetString("rule", "hebbian") switch
        {
            "hebbian" => LearningRule.Hebbian,
            "pseudo-inverse" => LearningRule.PseudoInverse,
            "storkey" => LearningRule.Storkey,
            var other => throw root.Error("rule", $"unknown rule '{other}'", "use hebbian, pseudo-inverse or storkey"),
        };
        var loads = root.Has("loads") ? root.GetDoubleList("loads") : [0.05, 0.1, 0.138, 0.2, 0.3];
        if (loads.Length == 0 || loads.Any(a => !(a > 0)))
        {
            throw root.Error("loads", "loads P/N must be positive (at least one)");
        }

        var patterns = root.Has("patterns_file") ? ReadPatterns(root, Path.Combine(Path.GetDirectoryName(root.File) ?? ".", root.GetString("patterns_file"))) : null;
        var neurons = patterns?[0].Length ?? AtLeastOne(root, "neurons", 500);
        return spec with { Rule = rule, Loads = loads, Patterns = patterns, Neurons = neurons };
    }

    private static RecallSpec ReadBam(YamlSection root, RecallSpec spec)
    {
        var pairs = root.Has("pairs") ? root.GetDoubleList("pairs") : [1, 2, 4, 8, 16, 32];
        if (pairs.Length == 0 || pairs.Any(m => m < 1 || m != Math.Floor(m)))
        {
            throw root.Error("pairs", "pairs lists how many pattern pairs to store: whole numbers of at least 1", "e.g. pairs: [1, 2, 4, 8]");
        }

        return spec with { Neurons = AtLeastOne(root, "neurons", 100), OutputNeurons = AtLeastOne(root, "output_neurons", 80), Pairs = [.. pairs.Select(m => (int)m)] };
    }

    private static int AtLeastOne(YamlSection root, string key, int fallback)
    {
        var v = root.GetInt(key, fallback);
        return v >= 1 ? v : throw root.Error(key, $"{key} must be at least 1, got {v}");
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
                    _ => throw new UserInputException(new SourceLocation(path, lineNo, i + 1), $"pattern character '{line[i]}' is not 0/1/+/-", "one pattern per line, e.g. 0110 or +--+"),
                };
            }

            if (list.Count > 0 && x.Length != list[0].Length)
            {
                throw new UserInputException(new SourceLocation(path, lineNo, 1), $"pattern has {x.Length} bits, the first had {list[0].Length}", "all patterns must have the same length");
            }

            list.Add(x);
        }

        return list.Count > 0 ? list : throw root.Error("patterns_file", "pattern file holds no patterns");
    }
}
