using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory.Tasks;

/// <summary>
/// The copy task of Graves et al. (2014, section 4.1): a sequence of L random binary vectors of <see cref="Bits"/>
/// bits (each bit 0 or 1 with probability ½), then one step with only the delimiter channel on, then L steps of zero
/// input during which the network must output the sequence again.
/// </summary>
public sealed record CopyTask(int Bits, int MinLength, int MaxLength)
{
    /// <summary>An example of length L drawn uniformly from [<see cref="MinLength"/>, <see cref="MaxLength"/>].</summary>
    public CopySequence Next(RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Make(rng.Next(MinLength, MaxLength + 1), rng);
    }

    /// <summary>An example of exactly length <paramref name="length"/>.</summary>
    public CopySequence Make(int length, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        int b = Bits, c = Bits + 1, steps = (2 * length) + 1;
        var inputs = new double[steps * c];
        var targets = new double[steps * b];
        for (var t = 0; t < length; t++)
        {
            for (var k = 0; k < b; k++)
            {
                var bit = (rng.NextULong() >> 63) == 1 ? 1.0 : 0.0;
                inputs[(t * c) + k] = bit;
                targets[((length + 1 + t) * b) + k] = bit;
            }
        }

        inputs[(length * c) + b] = 1;
        return new CopySequence(length, b, inputs, targets);
    }
}
