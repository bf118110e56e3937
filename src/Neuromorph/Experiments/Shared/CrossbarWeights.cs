using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Experiments.Shared;

/// <summary>Programs the weight matrices of sequence models and reservoirs onto crossbars, each with its own seeded draws.</summary>
public static class CrossbarWeights
{
    /// <summary>A factory for <see cref="SequenceModel.BindWeights"/>: matrix k is programmed with the seed <see cref="SeedPurpose.WeightArray"/> (seed, k).</summary>
    public static Func<Parameter, IWeightSubstrate> Factory(CrossbarSubstrateSpec spec, PeripherySpec periphery, ulong seed)
    {
        var k = 0;
        return p => Program(ToArray(p.Value, p.Rows, p.Columns), spec, periphery, seed, k++);
    }

    /// <summary>One matrix (rows × columns) on crossbars with the periphery around it.</summary>
    public static IWeightSubstrate Program(double[,] w, CrossbarSubstrateSpec spec, PeripherySpec periphery, ulong seed, int index)
    {
        ArgumentNullException.ThrowIfNull(periphery);
        var arraySeed = (long)SeedSequence.Derive(seed, SeedPurpose.WeightArray, index);
        var array = new CrossbarSubstrate(w, spec, arraySeed);
        // the reference: the same devices (same seed, same programming draws) read before any drift
        var reference = periphery.DriftCompensation ? new CrossbarSubstrate(w, spec with { NonIdealities = spec.NonIdealities with { DriftTime = 0 } }, arraySeed) : null;
        return periphery.InputScaling || periphery.DriftCompensation ? new NoiseManagedSubstrate(array, reference, periphery.InputScaling) : array;
    }

    /// <summary>A row-major array as a 2-D array.</summary>
    public static double[,] ToArray(ReadOnlySpan<double> values, int rows, int columns)
    {
        var a = new double[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < columns; j++)
            {
                a[i, j] = values[(i * columns) + j];
            }
        }

        return a;
    }
}
