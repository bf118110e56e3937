namespace Neuromorph.Networks.Seq2Seq.Tasks;

/// <summary>
/// Pairs of token sequences of fixed lengths: <see cref="Sources"/> (N × source length) and <see cref="Targets"/>
/// (N × target length, sequence-major, the last token of each target the end token).
/// </summary>
public sealed record Seq2SeqData(int Count, int SourceLength, int TargetLength, int[] Sources, int[] Targets)
{
    /// <summary>Source tokens of pair <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Source(int i) => Sources.AsSpan(i * SourceLength, SourceLength);

    /// <summary>Target tokens of pair <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> Target(int i) => Targets.AsSpan(i * TargetLength, TargetLength);

    /// <summary>The pairs at <paramref name="indices"/>, gathered into batch order.</summary>
    public (int[] Sources, int[] Targets) Gather(ReadOnlySpan<int> indices)
    {
        var s = new int[indices.Length * SourceLength];
        var t = new int[indices.Length * TargetLength];
        for (var k = 0; k < indices.Length; k++)
        {
            Source(indices[k]).CopyTo(s.AsSpan(k * SourceLength));
            Target(indices[k]).CopyTo(t.AsSpan(k * TargetLength));
        }

        return (s, t);
    }
}
