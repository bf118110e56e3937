using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Kernels;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The one Philox4x32-10 (Numerics.Randomness.Philox) against Random123's known-answer vectors on the host, and
/// compiled into a kernel by ILGPU on every ILGPU configuration: the device must draw bit-identical words.
/// </summary>
public class PhiloxTests
{
    public static TheoryData<string> Ilgpu => Backends.Ilgpu;

    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Host_generator_matches_Random123_known_answers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint r0, uint r1, uint r2, uint r3)
    {
        Assert.Equal((r0, r1, r2, r3), Philox.Generate(c0, c1, c2, c3, k0, k1));
    }

    [SkippableTheory]
    [MemberData(nameof(Ilgpu))]
    public void Kernel_generator_matches_the_host_bit_for_bit(string backend)
    {
        var native = Native(Backends.Open(backend));
        const int n = 1000;
        using var words = native.Allocate1D<uint>(4 * n);
        using var gauss = native.Allocate1D<double>(n);
        words.MemSetToZero();
        var kernel = native.LoadAutoGroupedStreamKernel<Index1D, ArrayView<uint>, ArrayView<double>>(Words);
        kernel(n, words.View, gauss.View);
        native.Synchronize();
        var w = words.GetAsArray1D();
        var g = gauss.GetAsArray1D();
        for (var i = 0; i < n; i++)
        {
            var (r0, r1, r2, r3) = Philox.Generate((uint)i, 7u, 0xffffffffu, 3u, 0xa4093822u, 0x299f31d0u);
            Assert.Equal([r0, r1, r2, r3], w.AsSpan(4 * i, 4).ToArray());
            // the normal deviate goes through the device's log, sqrt and cos: equal to rounding
            Assert.Equal(Philox.Gaussian((uint)i, 1, 2, 3, 0x299f31d0_a4093822UL), g[i], 1e-12);
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

    /// <summary>The ILGPU accelerator behind a configuration.</summary>
    internal static Accelerator Native(Compute.IAccelerator acc) => acc switch
    {
        IlgpuAccelerator<double, Fp64> d => d.Native,
        IlgpuAccelerator<float, Fp32> f => f.Native,
        _ => throw new ArgumentException("not an ILGPU accelerator"),
    };

    /// <summary>Test kernel: the library's Philox words and normal deviate, per thread.</summary>
    private static void Words(Index1D i, ArrayView<uint> words, ArrayView<double> gauss)
    {
        var (r0, r1, r2, r3) = Philox.Generate((uint)i.X, 7u, 0xffffffffu, 3u, 0xa4093822u, 0x299f31d0u);
        words[4 * i] = r0;
        words[(4 * i) + 1] = r1;
        words[(4 * i) + 2] = r2;
        words[(4 * i) + 3] = r3;
        gauss[i] = Philox.Gaussian((uint)i.X, 1, 2, 3, 0x299f31d0_a4093822UL);
    }
}
