namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// Philox4x32-10 counter-based generator (Salmon et al., SC'11, Random123). A random number is a pure function of
/// (key, counter), so every kernel draws the same numbers whatever its launch shape, and the CPU reference draws them
/// too. kernels/philox.h holds the same function in the kernel dialect; both are checked against Random123's
/// known-answer vectors.
/// </summary>
public static class Philox
{
    private const uint M0 = 0xD2511F53, M1 = 0xCD9E8D57, W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    /// <summary>Ten rounds of Philox4x32 on counter (c0..c3) with key (k0, k1).</summary>
    public static (uint R0, uint R1, uint R2, uint R3) Generate(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1)
    {
        for (var round = 0; round < 10; round++)
        {
            if (round > 0)
            {
                k0 += W0;
                k1 += W1;
            }

            var p0 = (ulong)M0 * c0;
            var p1 = (ulong)M1 * c2;
            var n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
            var n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (uint)p1;
            c2 = n2;
            c3 = (uint)p0;
        }

        return (c0, c1, c2, c3);
    }

    /// <summary>
    /// Standard normal deviate for counter (c0, c1, c2, c3) and a 64-bit seed: Box–Muller on the first two words,
    /// u1 = (r0 + 1/2) 2^-32 in (0, 1), u2 = r1 2^-32.
    /// </summary>
    public static double Gaussian(uint c0, uint c1, uint c2, uint c3, ulong seed)
    {
        var (r0, r1, _, _) = Generate(c0, c1, c2, c3, (uint)seed, (uint)(seed >> 32));
        const double scale = 1.0 / 4294967296.0;
        var u1 = (r0 + 0.5) * scale;
        var u2 = r1 * scale;
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
