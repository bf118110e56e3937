using Neuromorph.Units;

namespace Neuromorph.Tests.Units;

public class EngineeringNumberTests
{
    [Theory]
    [InlineData("10k", 1e4)]
    [InlineData("2.2uF", 2.2e-6)]
    [InlineData("1e-3", 1e-3)]
    [InlineData("4MEG", 4e6)]
    [InlineData("4m", 4e-3)]
    [InlineData("5mil", 5 * 25.4e-6)]
    [InlineData("-3.5p", -3.5e-12)]
    [InlineData(".5", 0.5)]
    [InlineData("1.5e3k", 1.5e6)]
    [InlineData("100ohm", 100)]
    [InlineData("1T", 1e12)]
    [InlineData("3f", 3e-15)]
    public void Parses_spice_numbers(string text, double expected)
    {
        Assert.True(EngineeringNumber.TryParse(text, out var v));
        Assert.Equal(expected, v, Math.Abs(expected) * 1e-12 + 1e-30);
    }

    [Theory]
    [InlineData("")]
    [InlineData("k10")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("1k-")]
    [InlineData(".")]
    public void Rejects_malformed_numbers(string text) => Assert.False(EngineeringNumber.TryParse(text, out _));
}
