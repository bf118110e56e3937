using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Tasks;

/// <summary>
/// A one-to-many task: each sequence gets one input, at its first step only (zeros after), and a target at every step.
/// The input is a period P drawn uniformly from [P_min, P_max] (given scaled to [−1, 1]); the targets are
/// amplitude·sin(2π t / P) for t = 1 … T. The model must turn one number into a waveform it keeps generating from its
/// own state, as a captioning decoder turns one image vector into a sentence. Answering 0 everywhere scores an MSE of
/// about amplitude²/2.
/// </summary>
public static class SineGeneration
{
    /// <summary><paramref name="count"/> seeded sequences of <paramref name="steps"/> steps, periods in [<paramref name="minPeriod"/>, <paramref name="maxPeriod"/>].</summary>
    public static SequenceSet Generate(int count, int steps, double minPeriod, double maxPeriod, double amplitude, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        if (!(minPeriod > 0 && maxPeriod >= minPeriod))
        {
            throw new ArgumentException($"need 0 < minimum period <= maximum period, got {minPeriod} and {maxPeriod}");
        }

        var rng = new RandomStream(seed);
        var x = new double[count * steps];
        var y = new double[count * steps];
        var mid = 0.5 * (minPeriod + maxPeriod);
        var half = 0.5 * (maxPeriod - minPeriod);
        for (var s = 0; s < count; s++)
        {
            var period = rng.NextDouble(minPeriod, maxPeriod);
            x[s * steps] = half > 0 ? (period - mid) / half : 0;
            for (var t = 0; t < steps; t++)
            {
                y[(s * steps) + t] = amplitude * Math.Sin(2 * Math.PI * (t + 1) / period);
            }
        }

        return new SequenceSet(count, steps, 1, 1, x, y, TargetTiming.EveryStep);
    }
}
