using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Gpu.Tests;

/// <summary>Philox4x32-10 against Random123's known-answer vectors, on the host and in every backend's kernel.</summary>
public class PhiloxTests
{
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Host_generator_matches_Random123_known_answers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint r0, uint r1, uint r2, uint r3)
    {
        Assert.Equal((r0, r1, r2, r3), Philox.Generate(c0, c1, c2, c3, k0, k1));
    }

    [SkippableTheory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Kernel_generator_matches_the_host_bit_for_bit(string backend)
    {
        var acc = Backends.Open(backend);
        const int n = 1000;
        using var buffer = acc.Allocate(4 * n, ElementKind.Int32);
        acc.Write(buffer, Enumerable.Repeat(-1, 4 * n).ToArray());
        acc.Launch(Kernels.PhiloxWords, new LaunchGrid(n), buffer, 7u, 0xffffffffu, 3u, 0xa4093822u, 0x299f31d0u, n);
        var words = ReadInts(acc, buffer);
        for (var i = 0; i < n; i++)
        {
            var (r0, r1, r2, r3) = Philox.Generate((uint)i, 7u, 0xffffffffu, 3u, 0xa4093822u, 0x299f31d0u);
            Assert.Equal([r0, r1, r2, r3], words.AsSpan(4 * i, 4).ToArray().Select(w => (uint)w).ToArray());
        }
    }

    [Fact]
    public void Gaussian_deviates_have_unit_variance_and_zero_mean()
    {
        const int n = 200_000;
        double sum = 0, sum2 = 0;
        for (var i = 0; i < n; i++)
        {
            var z = Philox.Gaussian((uint)i, 1, 2, 3, 42);
            sum += z;
            sum2 += z * z;
        }

        var mean = sum / n;
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange((sum2 / n) - (mean * mean), 1 - (5 * Math.Sqrt(2.0 / n)), 1 + (5 * Math.Sqrt(2.0 / n)));
    }

    internal static int[] ReadInts(IAccelerator acc, DeviceBuffer buffer)
    {
        var result = new int[buffer.Length];
        acc.Read(buffer, result);
        return result;
    }
}
