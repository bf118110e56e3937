namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// A sequence of 32-bit words read off <see cref="Philox"/>: stream (<see cref="Stream1"/>, <see cref="Stream2"/>,
/// <see cref="Stream3"/>) of a 64-bit key. Word i is word i mod 4 of Philox(counter = (i / 4, s1, s2, s3), key), so a
/// stream's draws depend only on its key and its three stream words, never on which thread reads it or when.
/// </summary>
internal struct PhiloxStream : IGaussianSource
{
    private readonly uint k0, k1;
    private uint block;
    private int used;
    private uint r0, r1, r2, r3;

    /// <summary>Stream (<paramref name="s1"/>, <paramref name="s2"/>, <paramref name="s3"/>) of <paramref name="key"/>.</summary>
    public PhiloxStream(ulong key, uint s1, uint s2, uint s3)
    {
        (k0, k1) = ((uint)key, (uint)(key >> 32));
        (Stream1, Stream2, Stream3) = (s1, s2, s3);
        used = 4;
    }

    /// <summary>Second counter word.</summary>
    public uint Stream1 { get; }

    /// <summary>Third counter word.</summary>
    public uint Stream2 { get; }

    /// <summary>Fourth counter word.</summary>
    public uint Stream3 { get; }

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt()
    {
        if (used == 4)
        {
            (r0, r1, r2, r3) = Philox.Generate(block++, Stream1, Stream2, Stream3, k0, k1);
            used = 0;
        }

        return used++ switch
        {
            0 => r0,
            1 => r1,
            2 => r2,
            _ => r3,
        };
    }

    /// <summary>Standard normal deviate: Box–Muller on two words, u1 = (a + 1/2)·2⁻³² in (0, 1), u2 = b·2⁻³².</summary>
    public double NextGaussian()
    {
        const double scale = 1.0 / 4294967296.0;
        var u1 = (NextUInt() + 0.5) * scale;
        var u2 = NextUInt() * scale;
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
