using System.Globalization;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Experiments.Ntm;

/// <summary>Reads the <c>crossbar_study:</c> section of <c>kind: ntm</c> (docs/ntm.md); every bad value is a located error.</summary>
public static class NtmCrossbarStudyReader
{
    private static readonly string[] Keys = ["substrate", "periphery", "variability", "read_noise", "repeats", "lengths", "sequences"];

    /// <summary>
    /// Reads <paramref name="s"/>; <paramref name="testLengths"/> and <paramref name="testSequences"/> (the run's
    /// <c>test:</c> section) are the defaults of <c>lengths</c> and <c>sequences</c>.
    /// </summary>
    public static NtmCrossbarStudySpec Read(YamlSection s, IReadOnlyList<int> testLengths, int testSequences)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(testLengths);
        s.RejectUnknownKeys(Keys);
        var substrate = CrossbarSubstrateSpec.Default;
        if (s.TryGetSection("substrate") is { } sub)
        {
            substrate = SubstrateSpecReader.Read(sub);
            if (substrate.NonIdealities.Variability != 0)
            {
                var n = sub.GetSection("nonidealities");
                throw n.Error("variability", "the crossbar study sets the device variability itself (its 'variability:' list)",
                    "leave variability out of the substrate's nonidealities and list the values under crossbar_study.variability");
            }
        }

        var periphery = s.TryGetSection("periphery") is { } p ? PeripherySpecReader.Read(p) : new PeripherySpec();
        var variability = Sigmas(s, "variability", "e.g. variability: [0, 0.01, 0.02, 0.05, 0.1]");
        var readNoise = s.Has("read_noise") ? Sigmas(s, "read_noise", "e.g. read_noise: [0, 0.02, 0.05, 0.1]") : [0.0];
        var repeats = s.Has("repeats") ? s.GetInt("repeats") : 5;
        if (repeats < 1)
        {
            throw s.Error("repeats", $"repeats must be at least 1, got {repeats}", "the number of independently programmed arrays per grid point, e.g. repeats: 5");
        }

        var lengths = testLengths.ToList();
        if (s.Has("lengths"))
        {
            lengths = [];
            foreach (var (v, node) in Values(s, "lengths", "e.g. lengths: [20, 30]"))
            {
                if (v < 1 || v != Math.Floor(v) || v > 100000)
                {
                    throw new UserInputException(s.At(node), string.Create(CultureInfo.InvariantCulture, $"copy lengths must be whole numbers of at least 1, got {v}"), "e.g. lengths: [20, 30]");
                }

                lengths.Add((int)v);
            }
        }

        return new NtmCrossbarStudySpec
        {
            Substrate = substrate,
            Periphery = periphery,
            Variability = variability,
            ReadNoise = readNoise,
            Repeats = repeats,
            Lengths = lengths,
            Sequences = SpecValues.Count(s, "sequences", testSequences),
        };
    }

    /// <summary>A non-empty, increasing list of standard deviations ≥ 0.</summary>
    private static double[] Sigmas(YamlSection s, string key, string example)
    {
        var list = new List<double>();
        foreach (var (v, node) in Values(s, key, example))
        {
            if (!(v >= 0) || !double.IsFinite(v))
            {
                throw new UserInputException(s.At(node), string.Create(CultureInfo.InvariantCulture, $"'{key}' values are standard deviations and must be at least 0, got {v}"), example);
            }

            if (list.Count > 0 && v <= list[^1])
            {
                throw new UserInputException(s.At(node), string.Create(CultureInfo.InvariantCulture, $"list '{key}' in increasing order without repeats ({v} follows {list[^1]})"), example);
            }

            list.Add(v);
        }

        return [.. list];
    }

    /// <summary>The numbers of a required, non-empty list with the node of each (for locations).</summary>
    private static List<(double Value, YamlNode Node)> Values(YamlSection s, string key, string example)
    {
        if (!s.Has(key))
        {
            throw s.Error(key, $"missing '{key}:' list", example);
        }

        var values = s.GetDoubleList(key);
        var nodes = ((YamlSequenceNode)s.Find(key)!).Children;
        if (values.Length == 0)
        {
            throw s.Error(key, $"'{key}' is empty; give at least one value", example);
        }

        return [.. values.Select((v, i) => (v, nodes[i]))];
    }
}
