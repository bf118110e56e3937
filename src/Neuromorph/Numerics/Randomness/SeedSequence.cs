namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// Derives independent, reproducible 63-bit seeds for each (point, replicate) of a study from the
/// study's seed with the SplitMix64 mixer (Steele, Lea, Flood 2014), so a run's seed never depends
/// on which shard or thread ran it, or on how many points ran before it.
/// </summary>
public static class SeedSequence
{
    /// <summary>The seed of replicate <paramref name="replicate"/> of point <paramref name="pointId"/>.</summary>
    public static long Derive(long studySeed, int pointId, int replicate)
    {
        var z = Mix((ulong)studySeed);
        z = Mix(z ^ ((ulong)(uint)pointId * 0x9E3779B97F4A7C15UL));
        z = Mix(z ^ ((ulong)(uint)replicate * 0xC2B2AE3D27D4EB4FUL));
        return (long)(z >> 1);
    }

    /// <summary>One SplitMix64 output step.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
