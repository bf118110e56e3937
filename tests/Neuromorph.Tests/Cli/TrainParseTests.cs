using Neuromorph.Cli.Commands;
using Neuromorph.Figures;

namespace Neuromorph.Tests.Cli;

/// <summary><c>train</c>'s flags as a <see cref="TrainRequest"/>: <see cref="TrainOptions.Parse"/>, which reads no file.</summary>
public sealed class TrainParseTests
{
    [Fact]
    public void Defaults_and_flags_reach_the_request()
    {
        var (request, errors) = TrainOptions.Parse("model.yaml");
        Assert.Empty(errors);
        Assert.Equal(new TrainRequest(Path.GetFullPath("model.yaml"), null, false, PlotFormats.Png), request);
        (request, errors) = TrainOptions.Parse("model.yaml", "-o", "runs/m", "--overwrite", "--plot-format", "none");
        Assert.Empty(errors);
        Assert.Equal(new TrainRequest(Path.GetFullPath("model.yaml"), Path.GetFullPath("runs/m"), true, PlotFormats.None), request);
    }

    [Fact]
    public void A_missing_file_argument_or_an_unknown_flag_is_a_parse_error()
    {
        Assert.Null(TrainOptions.Parse("-o", "x").Request);
        var (request, errors) = TrainOptions.Parse("model.yaml", "--epochs", "3");
        Assert.Null(request);
        Assert.Contains(errors, e => e.Message.Contains("--epochs", StringComparison.Ordinal));
    }
}
