using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

/// <summary>Every numeric crossbar and periphery key has a range; a value outside it is refused at the key's own line and column.</summary>
public class CrossbarKeyRangeTests
{
    private const string Array = "array: { weights: [[1, -1]] }\ninputs: [[0.1]]\n";

    [Theory]
    [InlineData("adc_bits", "-3", "must be not negative and at most 53")]
    [InlineData("dac_bits", "-3", "must be not negative and at most 53")]
    [InlineData("drift_time", "-5", "must be finite and not negative")]
    [InlineData("read_noise", "1e300", "must be not negative and at most 10")]
    [InlineData("read_noise", "-0.01", "must be not negative and at most 10")]
    [InlineData("read_noise", "11", "must be not negative and at most 10")]
    [InlineData("variability", "1e300", "must be not negative and at most 10")]
    [InlineData("programming_noise", "-1u", "must be finite and not negative")]
    [InlineData("drift_nu", "-0.05", "must be not negative and at most 1")]
    [InlineData("drift_t0", "0", "must be positive and finite")]
    [InlineData("dac_range", "0", "must be positive and finite")]
    [InlineData("adc_range", "-1", "must be finite and not negative")]
    [InlineData("nonlinearity", "-2", "must be finite and not negative")]
    [InlineData("stuck_lrs", "1.5", "must be not negative and at most 1")]
    public void Out_of_range_nonideality_is_refused_at_its_key(string key, string value, string message)
    {
        var text = "kind: crossbar\n" + Array + $"nonidealities:\n  stuck_hrs: 0\n  {key}: {value}\n";
        var ex = Assert.Throws<UserInputException>(() => CrossbarSpecReader.Read(YamlSection.Parse(text, "x.yaml")));
        Assert.Equal(new SourceLocation("x.yaml", 6, 5 + key.Length), ex.Diagnostic.Location);
        Assert.Contains($"'nonidealities.{key}' {message}", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(ex.Diagnostic.Hint));
    }

    [Fact]
    public void Stuck_fractions_that_add_up_to_more_than_all_devices_are_refused()
    {
        var ex = Assert.Throws<UserInputException>(() => CrossbarSpecReader.Read(YamlSection.Parse("kind: crossbar\n" + Array + "nonidealities:\n  stuck_lrs: 0.6\n  stuck_hrs: 0.5\n", "x.yaml")));
        Assert.Equal(new SourceLocation("x.yaml", 6, 14), ex.Diagnostic.Location);
        Assert.Contains("more than all the devices", ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("array:\n  weights: [[1, -1]]\n  mapping: { w_max: -1 }\n", 3, 21, "'array.mapping.w_max' must be finite and not negative")]
    [InlineData("array:\n  weights: [[1, -1]]\n  mapping: { g_max: 0 }\n", 3, 21, "'array.mapping.g_max' must be positive and finite")]
    [InlineData("array:\n  weights: [[1, -1]]\n  mapping: { levels: -4 }\n", 3, 22, "'array.mapping.levels' must be finite and not negative")]
    [InlineData("array:\n  resistances: [[1k]]\n  wire_resistance: -2\n", 3, 20, "'array.wire_resistance' must be finite and not negative")]
    [InlineData("array:\n  resistances: [[1k]]\n  sink_resistance: -2\n", 3, 20, "'array.sink_resistance' must be finite and not negative")]
    [InlineData("array:\n  resistances: [[1k]]\n  access_resistance: -2\n", 3, 22, "'array.access_resistance' must be finite and not negative")]
    public void Out_of_range_array_keys_are_refused_at_their_key(string arrayText, int line, int column, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => CrossbarSpecReader.Read(YamlSection.Parse("kind: crossbar\ninputs: [[0.1]]\n" + arrayText, "x.yaml")));
        Assert.Equal(new SourceLocation("x.yaml", line + 2, column), ex.Diagnostic.Location);
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read_voltage: 0", 2, 17, "'substrate.read_voltage' must be positive and finite")]
    [InlineData("wire_resistance: -1", 2, 20, "'substrate.wire_resistance' must be finite and not negative")]
    [InlineData("nonidealities: { adc_bits: -3 }", 2, 30, "'substrate.nonidealities.adc_bits' must be not negative and at most 53")]
    [InlineData("nonidealities: { dac_bits: 64 }", 2, 30, "'substrate.nonidealities.dac_bits' must be not negative and at most 53")]
    public void Substrate_sections_of_recall_sequence_and_reservoir_files_are_range_checked(string line, int lineNo, int column, string message)
    {
        var root = YamlSection.Parse("substrate:\n  " + line + "\n", "s.yaml");
        var ex = Assert.Throws<UserInputException>(() => SubstrateSpecReader.Read(root.GetSection("substrate")));
        Assert.Equal(new SourceLocation("s.yaml", lineNo, column), ex.Diagnostic.Location);
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adc_bits: -3", "adc_bits")]
    [InlineData("drift_time: -5", "drift_time")]
    [InlineData("read_noise: 1e300", "read_noise")]
    [InlineData("adc_bits: 64", "adc_bits")]
    public void The_cli_exits_2_with_one_located_message(string line, string key)
    {
        using var dir = new TempDirectory("nm-xbrange");
        var path = Path.Combine(dir, "x.yaml");
        File.WriteAllText(path, "kind: crossbar\n" + Array + "nonidealities:\n  " + line + "\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Matches($@"x\.yaml:5:{5 + key.Length}\b", error);
        Assert.Contains($"'nonidealities.{key}' must be", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
