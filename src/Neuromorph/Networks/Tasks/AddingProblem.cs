using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Tasks;

/// <summary>
/// The adding problem (Hochreiter and Schmidhuber 1997, in the form of Le, Jaitly and Hinton 2015): each step
/// carries (value uniform in [0, 1], marker); one marker falls uniformly in the first half of the sequence, the
/// other in the second half; the target after the last step is the sum of the two marked values. Always answering
/// 1 scores MSE 1/6 ≈ 0.167, so a model must remember across the sequence to do better.
/// </summary>
public static class AddingProblem
{
    /// <summary>MSE of the constant answer 1: the variance of a sum of two independent U(0, 1), 1/6.</summary>
    public const double TrivialMse = 1.0 / 6;

    /// <summary><paramref name="count"/> seeded sequences of <paramref name="steps"/> steps (≥ 2).</summary>
    public static SequenceSet Generate(int count, int steps, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);
        var rng = new RandomStream(seed);
        var x = new double[count * steps * 2];
        var y = new double[count];
        var half = steps / 2;
        for (var s = 0; s < count; s++)
        {
            for (var t = 0; t < steps; t++)
            {
                x[((s * steps) + t) * 2] = rng.NextDouble();
            }

            var a = rng.Next(half);
            var b = half + rng.Next(steps - half);
            x[(((s * steps) + a) * 2) + 1] = 1;
            x[(((s * steps) + b) * 2) + 1] = 1;
            y[s] = x[((s * steps) + a) * 2] + x[((s * steps) + b) * 2];
        }

        return new SequenceSet(count, steps, 2, 1, x, y, TargetTiming.FinalStep);
    }
}
