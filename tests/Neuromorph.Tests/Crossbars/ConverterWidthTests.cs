using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics;

namespace Neuromorph.Tests.Crossbars;

public class ConverterWidthTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(40)]
    [InlineData(52)]
    [InlineData(53)]
    public void Quantize_is_within_half_a_step_at_every_width_up_to_53_bits(int bits)
    {
        // the step is 2 range / (2^bits − 1); an int shift gave NaN at 32 bits and 2^21 levels at 53
        var step = 2.0 / (Math.Pow(2, bits) - 1);
        foreach (var x in new[] { 0.3, -0.7, 0.123456789, 1e-3 })
        {
            var q = DataConverter.Quantize(x, bits, 1);
            Assert.True(double.IsFinite(q), $"{bits} bits: {q}");
            Assert.True(Math.Abs(q - x) <= (step / 2) + 2e-16, $"{bits} bits: |{q} - {x}| = {Math.Abs(q - x)} > half a step {step / 2}");
        }

        Assert.Equal(1.0, DataConverter.Quantize(5, bits, 1));
        Assert.Equal(-1.0, DataConverter.Quantize(-5, bits, 1));
    }

    [Theory]
    [InlineData(54)]
    [InlineData(64)]
    [InlineData(100)]
    public void Wider_converters_than_53_bits_quantise_as_53_bits(int bits)
    {
        foreach (var x in new[] { 0.3, -0.7, 0.123456789 })
        {
            Assert.Equal(DataConverter.Quantize(x, 53, 2), DataConverter.Quantize(x, bits, 2));
            Assert.True(Math.Abs(DataConverter.Quantize(x, bits, 2) - x) < 1e-15);
        }
    }

    [Fact]
    public void A_1_bit_converter_has_two_levels_at_the_range_ends()
    {
        Assert.Equal(0.5, DataConverter.Quantize(0.1, 1, 0.5));
        Assert.Equal(-0.5, DataConverter.Quantize(-0.1, 1, 0.5));
    }

    [Theory]
    [InlineData("adc_bits", "54")]
    [InlineData("dac_bits", "64")]
    [InlineData("adc_bits", "100")]
    [InlineData("dac_bits", "-1")]
    public void Converter_widths_beyond_53_bits_or_negative_are_refused_at_the_key(string key, string value)
    {
        var ex = Assert.Throws<UserInputException>(() => NonIdealitiesReader.Read(
            YamlSection.Parse($"nonidealities:\n  read_noise: 0\n  {key}: {value}\n", "n.yaml").GetSection("nonidealities")));
        Assert.Equal(new SourceLocation("n.yaml", 3, 5 + key.Length), ex.Diagnostic.Location);
        Assert.Contains($"'nonidealities.{key}' must be not negative and at most 53, got {value}", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("0 for an ideal converter", ex.Diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_53_bit_crossbar_read_matches_the_ideal_product()
    {
        var spec = CrossbarSpecReader.Read(YamlSection.Parse(
            "kind: crossbar\narray: { weights: [[0.5, -0.25], [0.75, 1]] }\ninputs: [[0.3, -0.2]]\nnonidealities: { dac_bits: 53, adc_bits: 53 }\n", "x.yaml"));
        var result = CrossbarEvaluator.Evaluate(spec);
        Assert.Equal(result.Expected[0][0], result.Outputs[0][0], 12);
        Assert.Equal(result.Expected[0][1], result.Outputs[0][1], 12);
        Assert.True(result.Metrics["vmm_error"] < 1e-12, $"vmm_error {result.Metrics["vmm_error"]}");
    }
}
