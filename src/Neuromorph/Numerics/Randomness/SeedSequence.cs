using System.Text;

namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// Derives independent, reproducible 63-bit seeds from a parent seed with the SplitMix64 mixer (Steele, Lea, Flood 2014):
/// for each (point, replicate) of a study, so a run's seed never depends on which shard or thread ran it, or on how many
/// points ran before it; and for each purpose a run draws for (<see cref="SeedPurpose"/>: initial states, sources, test sets,
/// restarts), so two draws of one run never share or overlap a stream by way of a hand-made offset such as <c>seed + 1</c>.
/// Code outside this class does no arithmetic on seeds (an architecture test checks src/).
/// </summary>
public static class SeedSequence
{
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    /// <summary>The seed of replicate <paramref name="replicate"/> of point <paramref name="pointId"/>.</summary>
    public static long Derive(long studySeed, int pointId, int replicate)
    {
        var z = Mix((ulong)studySeed);
        z = Mix(z ^ ((ulong)(uint)pointId * 0x9E3779B97F4A7C15UL));
        z = Mix(z ^ ((ulong)(uint)replicate * 0xC2B2AE3D27D4EB4FUL));
        return (long)(z >> 1);
    }

    /// <summary>
    /// The seed of the draws for <paramref name="purpose"/> (one of <see cref="SeedPurpose"/>) of a run seeded with
    /// <paramref name="seed"/>, and, with <paramref name="indices"/>, of item (i, j, …) of that purpose (restart r, array k).
    /// The purpose is hashed with 64-bit FNV-1a over its UTF-8 bytes, so the result is the same in every process and on
    /// every machine (unlike <see cref="string.GetHashCode()"/>). The result is non-negative (63 bits).
    /// </summary>
    public static long Derive(long seed, string purpose, params ReadOnlySpan<long> indices)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var z = Mix((ulong)seed);
        z = Mix(z ^ Hash(purpose));
        foreach (var index in indices)
        {
            z = Mix(z ^ ((ulong)index * 0xC2B2AE3D27D4EB4FUL));
        }

        return (long)(z >> 1);
    }

    /// <summary><see cref="Derive(long, string, ReadOnlySpan{long})"/> for unsigned seeds (the same bits).</summary>
    public static ulong Derive(ulong seed, string purpose, params ReadOnlySpan<long> indices) =>
        (ulong)Derive(unchecked((long)seed), purpose, indices);

    /// <summary>One SplitMix64 output step.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="purpose"/>: stable across processes, runtimes and machines.</summary>
    internal static ulong Hash(string purpose)
    {
        var hash = FnvOffset;
        foreach (var b in Encoding.UTF8.GetBytes(purpose))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return hash;
    }
}
