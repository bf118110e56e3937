using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory.Tasks;

/// <summary>
/// A task of Graves, Wayne &amp; Danihelka (2014) for memory-augmented networks: examples of a size (its
/// <see cref="MinLength"/>–<see cref="MaxLength"/> in training) drawn from a random stream, scored on their output
/// steps by bit errors.
/// </summary>
public interface IMemoryTask
{
    /// <summary>The task's name in a <c>kind: ntm</c> file (<c>copy</c>, <c>associative_recall</c>).</summary>
    string Name { get; }

    /// <summary>What the size counts, for messages and plots ("length", "items").</summary>
    string SizeName { get; }

    /// <summary>Bits per vector.</summary>
    int Bits { get; }

    /// <summary>The smallest training size.</summary>
    int MinLength { get; }

    /// <summary>The largest training size.</summary>
    int MaxLength { get; }

    /// <summary>Input channels: the bits and the delimiters.</summary>
    int InputChannels { get; }

    /// <summary>Output bits per step.</summary>
    int OutputBits => Bits;

    /// <summary>The smallest size an example can have (1 vector for copy, 2 items for recall).</summary>
    int SmallestLength => 1;

    /// <summary>Scored bits of an example of size <paramref name="length"/>.</summary>
    int ScoredBits(int length);

    /// <summary>One line for logs and titles, e.g. "copying 8-bit sequences of length 1–20".</summary>
    string Describe();

    /// <summary>Memory rows an example of size <paramref name="length"/> needs when the write head writes one row per stored vector or item.</summary>
    int RowsNeeded(int length);

    /// <summary>An example whose size is drawn uniformly from [<see cref="MinLength"/>, <see cref="MaxLength"/>].</summary>
    MemoryExample Next(RandomStream rng);

    /// <summary>An example of exactly size <paramref name="length"/>.</summary>
    MemoryExample Make(int length, RandomStream rng);
}
