using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory.Tasks;

/// <summary>
/// The copy task of Graves et al. (2014, section 4.1): a sequence of L random binary vectors of <see cref="Bits"/>
/// bits (each bit 0 or 1 with probability ½), then one step with only the delimiter channel on, then L steps of zero
/// input during which the network must output the sequence again (T = 2L + 1 steps, bits + 1 channels).
/// </summary>
public sealed record CopyTask(int Bits, int MinLength, int MaxLength) : IMemoryTask
{
    /// <inheritdoc />
    public string Name => "copy";

    /// <inheritdoc />
    public string SizeName => "length";

    /// <inheritdoc />
    public int InputChannels => Bits + 1;

    /// <inheritdoc />
    public int RowsNeeded(int length) => length + 1;

    /// <inheritdoc />
    public int ScoredBits(int length) => length * Bits;

    /// <inheritdoc />
    public string Describe() => $"copying {Bits}-bit sequences of length {MinLength}–{MaxLength}";

    /// <summary>An example of a length drawn uniformly from [<see cref="MinLength"/>, <see cref="MaxLength"/>].</summary>
    public MemoryExample Next(RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Make(rng.Next(MinLength, MaxLength + 1), rng);
    }

    /// <inheritdoc />
    public MemoryExample Make(int length, RandomStream rng)
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
        return new MemoryExample(length, b, c, steps, length + 1, inputs, targets);
    }
}
