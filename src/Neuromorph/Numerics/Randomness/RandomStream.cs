namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// The project's sequential random-number generator: xoshiro256** (Blackman and Vigna 2018), seeded through
/// SplitMix64. Fast, reproducible for a given seed and independent-looking across seeds. Every host-side random draw
/// in Neuromorph comes from a <see cref="RandomStream"/> (sequential) or from <see cref="Philox"/> (counter-based,
/// used where the draw must not depend on order or launch shape, as in kernels); seeds of sub-streams are derived
/// with <see cref="SeedSequence"/>. <see cref="System.Random"/> is not used (an architecture test checks it).
/// </summary>
public sealed class RandomStream : IGaussianSource
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A stream for <paramref name="seed"/>; different seeds give independent-looking streams.</summary>
    public RandomStream(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    /// <summary>A stream for a signed seed (the bits are taken as they are).</summary>
    public RandomStream(long seed)
        : this(unchecked((ulong)seed))
    {
    }

    /// <summary>Sub-stream <paramref name="stream"/> of <paramref name="seed"/> (e.g. one per restart or per array).</summary>
    public static RandomStream ForStream(long seed, int stream) => new(unchecked((ulong)SeedSequence.Derive(seed, stream, 0)));

    /// <summary>Next 64 random bits.</summary>
    public ulong NextULong()
    {
        var result = RotL(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotL(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform double in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextDouble(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [0, <paramref name="n"/>) (Lemire's multiply-shift; n ≥ 1).</summary>
    public int Next(int n) => (int)(((NextULong() >> 33) * (ulong)n) >> 31);

    /// <summary>Uniform integer in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public int Next(int low, int high) => low + Next(high - low);

    /// <summary>Standard normal deviate (Box–Muller on two uniforms, the first in (0, 1]).</summary>
    public double NextGaussian()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>Random +1/-1 spin.</summary>
    public sbyte NextSpin() => (NextULong() >> 63) == 0 ? (sbyte)-1 : (sbyte)1;

    /// <summary>Fisher–Yates shuffle of <paramref name="items"/> in place.</summary>
    public void Shuffle<T>(Span<T> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong RotL(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
