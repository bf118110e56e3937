namespace Neuromorph.Networks.Memory;

/// <summary>
/// The sizes of a neural Turing machine (Graves, Wayne &amp; Danihelka 2014): <paramref name="Inputs"/> input
/// channels, <paramref name="Outputs"/> output bits, an LSTM controller of <paramref name="Hidden"/> units, one read
/// and one write head on a memory of <paramref name="Rows"/> (N) × <paramref name="Width"/> (W) values.
/// </summary>
public sealed record NtmModelSpec(int Inputs, int Outputs, int Hidden, int Rows, int Width)
{
    /// <summary>The constant every memory value starts from (a zero memory has no direction for cosine similarity).</summary>
    public double InitialMemory { get; init; } = 1e-6;

    /// <summary>
    /// False for the memoryless baseline: the same LSTM controller and output layer with no heads and no read vector
    /// (a plain LSTM of <see cref="Hidden"/> units on the same task); Rows and Width are then unused.
    /// </summary>
    public bool HasMemory { get; init; } = true;

    /// <summary>Width of the read vector fed to the controller and the output layer (0 without memory).</summary>
    public int ReadWidth => HasMemory ? Width : 0;

    /// <summary>Raw values the write head emits per step: key (W), β, g, shift (3), γ, erase (W), add (W).</summary>
    public int WriteHeadSize => (3 * Width) + 6;

    /// <summary>Raw values the read head emits per step: key (W), β, g, shift (3), γ.</summary>
    public int ReadHeadSize => Width + 6;

    /// <summary>Checks the sizes; throws <see cref="ArgumentOutOfRangeException"/> on a size below 1 (2 for rows).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Outputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Rows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Width, 1);
    }
}
