using Neuromorph.Cli.Commands;
using Neuromorph.Figures;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary><c>sweep</c>'s flags as a <see cref="SweepRequest"/>: <see cref="SweepOptions.Parse"/>, which reads the study and runs nothing.</summary>
public sealed class SweepParseTests
{
    private static readonly string Study = RepoPaths.InRepo("circuits", "study_switching.yaml");

    [Fact]
    public void Defaults_are_the_whole_study_resumed_on_every_core_into_a_folder_named_after_it()
    {
        var (request, errors) = SweepOptions.Parse(Study);
        Assert.Empty(errors);
        Assert.Equal("switching-time", request!.Study.Study.Name);
        Assert.Equal(Path.GetFullPath(Study), request.Study.Study.File);
        Assert.Equal(ShardSpec.All, request.Study.Shard);
        Assert.Equal(Environment.ProcessorCount, request.Study.Jobs);
        Assert.True(request.Study.Resume);
        Assert.Null(request.Output);
        Assert.Null(request.Backend);
        Assert.Equal(PlotFormats.Png, request.PlotFormats);
    }

    [Fact]
    public void Every_flag_reaches_the_request()
    {
        using var dir = new TempDirectory("nm-sweep-parse");
        var output = Path.Combine(dir, "out");
        var (request, errors) = SweepOptions.Parse(Study, "-o", output, "--jobs", "3", "--shard", "2/4", "--fresh", "--backend", "CPU", "--plot-format", "svg");
        Assert.Empty(errors);
        Assert.Equal(new ShardSpec(2, 4), request!.Study.Shard);
        Assert.Equal(3, request.Study.Jobs);
        Assert.False(request.Study.Resume);
        Assert.Equal(Path.GetFullPath(output), request.Output);
        Assert.Equal("cpu", request.Backend);
        Assert.Equal(PlotFormats.Svg, request.PlotFormats);
        Assert.False(Directory.Exists(output)); // checked, not created
    }

    [Theory]
    [InlineData("--shard: shard '3/2': the shard index i must lie between 1 and 2, got 3", "--shard", "3/2")]
    [InlineData("--shard: shard 'x' is not of the form i/n (two whole numbers)", "--shard", "x")]
    [InlineData("--jobs must be at least 1, got 0", "--jobs", "0")]
    [InlineData("--jobs must be at least 1, got -2", "-j", "-2")]
    public void A_value_the_request_cannot_take_is_an_error_naming_its_flag(string message, string flag, string value)
    {
        var (request, errors) = SweepOptions.Parse(Study, flag, value);
        Assert.Null(request);
        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void The_output_folder_is_checked_before_the_study_is_read_and_the_study_before_the_flags()
    {
        using var dir = new TempDirectory("nm-sweep-parse");
        var file = Path.Combine(dir, "a_file");
        File.WriteAllText(file, "");
        var (_, errors) = SweepOptions.Parse(Path.Combine(dir, "missing.yaml"), "-o", file, "--jobs", "0");
        Assert.Contains("is an existing file, but output goes into a directory", Assert.Single(errors).Message, StringComparison.Ordinal);
        (_, errors) = SweepOptions.Parse(Path.Combine(dir, "missing.yaml"), "--jobs", "0");
        Assert.Equal("file not found", Assert.Single(errors).Message);
        Assert.Equal(Path.Combine(dir, "missing.yaml"), errors[0].Location.File);
    }

    [Fact]
    public void A_missing_study_argument_is_a_parse_error()
    {
        var (request, errors) = SweepOptions.Parse("--jobs", "2");
        Assert.Null(request);
        Assert.NotEmpty(errors);
    }
}
