using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory.Tasks;

/// <summary>
/// The associative recall task of Graves et al. (2014, section 4.3): a list of items, each
/// <see cref="ItemLength"/> random binary vectors of <see cref="Bits"/> bits (the paper: 3 vectors of 6 bits), each
/// item preceded by a step with the first delimiter channel on; then the query: a step with the second delimiter on,
/// one of the items except the last, the second delimiter again; then <see cref="ItemLength"/> steps of zero input
/// during which the network must output the item that followed the query in the list. Input channels: bits + 2;
/// an example of n items has (n + 1)(L + 1) + 1 + L steps, the last L scored.
/// </summary>
public sealed record AssociativeRecallTask(int Bits, int ItemLength, int MinLength, int MaxLength) : IMemoryTask
{
    /// <inheritdoc />
    public string Name => "associative_recall";

    /// <inheritdoc />
    public string SizeName => "items";

    /// <inheritdoc />
    public int InputChannels => Bits + 2;

    /// <summary>One row per input step before the answer (items with their delimiters and the query): a write head that steps every input needs them all.</summary>
    public int RowsNeeded(int length) => ((length + 1) * (ItemLength + 1)) + 1;

    /// <inheritdoc />
    public int SmallestLength => 2;

    /// <inheritdoc />
    public int ScoredBits(int length) => ItemLength * Bits;

    /// <inheritdoc />
    public string Describe() => $"associative recall of {MinLength}–{MaxLength} items of {ItemLength} {Bits}-bit vectors";

    /// <summary>An example of a list size drawn uniformly from [<see cref="MinLength"/>, <see cref="MaxLength"/>].</summary>
    public MemoryExample Next(RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Make(rng.Next(MinLength, MaxLength + 1), rng);
    }

    /// <inheritdoc />
    public MemoryExample Make(int length, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        int b = Bits, c = Bits + 2, l = ItemLength;
        var steps = ((length + 1) * (l + 1)) + 1 + l;
        var inputs = new double[steps * c];
        var targets = new double[steps * b];
        var items = new double[length * l * b];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = (rng.NextULong() >> 63) == 1 ? 1.0 : 0.0;
        }

        var t = 0;
        for (var item = 0; item < length; item++)
        {
            inputs[(t * c) + b] = 1;
            t++;
            for (var v = 0; v < l; v++, t++)
            {
                Array.Copy(items, ((item * l) + v) * b, inputs, t * c, b);
            }
        }

        var query = rng.Next(0, length - 1);
        inputs[(t * c) + b + 1] = 1;
        t++;
        for (var v = 0; v < l; v++, t++)
        {
            Array.Copy(items, ((query * l) + v) * b, inputs, t * c, b);
        }

        inputs[(t * c) + b + 1] = 1;
        t++;
        var outputStart = t;
        for (var v = 0; v < l; v++, t++)
        {
            Array.Copy(items, (((query + 1) * l) + v) * b, targets, t * b, b);
        }

        return new MemoryExample(length, b, c, steps, outputStart, inputs, targets);
    }
}
