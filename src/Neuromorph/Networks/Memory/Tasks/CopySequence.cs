namespace Neuromorph.Networks.Memory.Tasks;

/// <summary>
/// One copy-task example: T = 2L + 1 steps of <see cref="Inputs"/> (bits + delimiter channel) and of
/// <see cref="Targets"/> (bits), the targets counting only on the L output steps after the delimiter.
/// </summary>
public sealed record CopySequence(int Length, int Bits, double[] Inputs, double[] Targets)
{
    /// <summary>T = 2L + 1.</summary>
    public int Steps => (2 * Length) + 1;

    /// <summary>Input channels: the bits and the delimiter.</summary>
    public int Channels => Bits + 1;

    /// <summary>The first output step (the one after the delimiter).</summary>
    public int OutputStart => Length + 1;

    /// <summary>Whether step <paramref name="t"/> is scored.</summary>
    public bool IsOutput(int t) => t >= OutputStart;
}
