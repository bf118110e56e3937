using Neuromorph.Units;

namespace Neuromorph.Tests.Units;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData(0.0, "0 µs")]
    [InlineData(0.00042, "420 µs")]
    [InlineData(0.0042, "4.2 ms")]
    [InlineData(0.042, "42 ms")]
    [InlineData(0.35, "350 ms")]
    [InlineData(1.3, "1.3 s")]
    [InlineData(12.44, "12.4 s")]
    [InlineData(59.96, "1 min 0 s")]
    [InlineData(125.2, "2 min 5 s")]
    [InlineData(3725, "1 h 2 min")]
    public void Durations_print_with_a_unit_that_fits(double seconds, string text) => Assert.Equal(text, DurationText.Format(seconds));
}
