using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Studies;

/// <summary>
/// Expands a <see cref="StudySpec"/> into its runs, deterministically: grid points in row-major order
/// (first axis slowest), or random / Latin-hypercube samples drawn from the study seed; then replicates
/// per point, each with its own derived seed.
/// </summary>
public static class StudyPlan
{
    /// <summary>All points (replicate 0 only), in id order.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, double>> Points(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Sampling switch
        {
            SamplingMethod.Grid => Grid(spec.Axes),
            SamplingMethod.Random => Random(spec.Axes, spec.Samples, spec.Seed),
            _ => LatinHypercube(spec.Axes, spec.Samples, spec.Seed),
        };
    }

    /// <summary>Every run (points × replicates), in (point, replicate) order.</summary>
    public static IReadOnlyList<StudyPoint> Runs(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var points = Points(spec);
        var runs = new List<StudyPoint>(points.Count * spec.Replicates);
        for (var p = 0; p < points.Count; p++)
        {
            for (var r = 0; r < spec.Replicates; r++)
            {
                runs.Add(new StudyPoint(p, r, SeedSequence.Derive(spec.Seed, p, r), points[p]));
            }
        }

        return runs;
    }

    private static List<IReadOnlyDictionary<string, double>> Grid(IReadOnlyList<ParameterAxis> axes)
    {
        var result = new List<IReadOnlyDictionary<string, double>>();
        var index = new int[axes.Count];
        while (true)
        {
            var point = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            for (var a = 0; a < axes.Count; a++)
            {
                point[axes[a].Key] = axes[a].Values[index[a]];
            }

            result.Add(point);
            var k = axes.Count - 1;
            while (k >= 0 && ++index[k] == axes[k].Values.Count)
            {
                index[k] = 0;
                k--;
            }

            if (k < 0)
            {
                return result;
            }
        }
    }

    private static List<IReadOnlyDictionary<string, double>> Random(IReadOnlyList<ParameterAxis> axes, int samples, long seed)
    {
        var rng = new RandomStream(unchecked((int)SeedSequence.Mix((ulong)seed)));
        var result = new List<IReadOnlyDictionary<string, double>>(samples);
        for (var s = 0; s < samples; s++)
        {
            var point = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            foreach (var a in axes)
            {
                point[a.Key] = Scale(a, rng.NextDouble());
            }

            result.Add(point);
        }

        return result;
    }

    private static List<IReadOnlyDictionary<string, double>> LatinHypercube(IReadOnlyList<ParameterAxis> axes, int samples, long seed)
    {
        var rng = new RandomStream(SeedSequence.Derive(seed, SeedPurpose.LatinHypercube));
        var columns = new double[axes.Count][];
        for (var a = 0; a < axes.Count; a++)
        {
            var strata = Enumerable.Range(0, samples).ToArray();
            rng.Shuffle(strata);
            columns[a] = strata.Select(k => Scale(axes[a], (k + rng.NextDouble()) / samples)).ToArray();
        }

        var result = new List<IReadOnlyDictionary<string, double>>(samples);
        for (var s = 0; s < samples; s++)
        {
            var point = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            for (var a = 0; a < axes.Count; a++)
            {
                point[axes[a].Key] = columns[a][s];
            }

            result.Add(point);
        }

        return result;
    }

    private static double Scale(ParameterAxis a, double u) => a.Logarithmic
        ? Math.Exp(Math.Log(a.Low) + (u * (Math.Log(a.High) - Math.Log(a.Low))))
        : a.Low + (u * (a.High - a.Low));
}
