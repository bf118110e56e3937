using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Numerics.Randomness;

/// <summary><see cref="PhiloxStream"/>: word i is word i mod 4 of Philox at counter (i / 4, s1, s2, s3).</summary>
public sealed class PhiloxStreamTests
{
    [Fact]
    public void Words_are_the_philox_blocks_of_the_streams_counters_in_order()
    {
        const ulong key = 0x0123456789ABCDEFUL;
        var stream = new PhiloxStream(key, 7, 11, 2);
        for (uint block = 0; block < 5; block++)
        {
            var (r0, r1, r2, r3) = Philox.Generate(block, 7, 11, 2, 0x89ABCDEF, 0x01234567);
            Assert.Equal([r0, r1, r2, r3], new[] { stream.NextUInt(), stream.NextUInt(), stream.NextUInt(), stream.NextUInt() });
        }
    }

    [Fact]
    public void Gaussian_draws_have_mean_zero_and_variance_one()
    {
        // 200,000 draws: the sample mean within 5/sqrt(n) of 0, the sample variance within 5·sqrt(2/n) of 1
        const int n = 200_000;
        var stream = new PhiloxStream(42, 0, 0, 0);
        double sum = 0, sum2 = 0;
        for (var i = 0; i < n; i++)
        {
            var g = stream.NextGaussian();
            sum += g;
            sum2 += g * g;
        }

        var mean = sum / n;
        Assert.InRange(mean, -5 / Math.Sqrt(n), 5 / Math.Sqrt(n));
        Assert.InRange((sum2 / n) - (mean * mean), 1 - (5 * Math.Sqrt(2.0 / n)), 1 + (5 * Math.Sqrt(2.0 / n)));
    }
}
