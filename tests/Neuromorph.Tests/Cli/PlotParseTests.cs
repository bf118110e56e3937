using Neuromorph.Cli.Commands;
using Neuromorph.Figures;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary><c>plot</c>'s flags as a <see cref="CsvPlotRequest"/>: <see cref="PlotOptions.Parse"/>, which reads no CSV.</summary>
public sealed class PlotParseTests
{
    [Fact]
    public void Every_flag_reaches_the_plot_spec()
    {
        var (request, errors) = PlotOptions.Parse("data.csv", "--x", "t", "--y", "a", "b", "--group", "seed", "--logx", "--logy", "--scatter", "--xlabel", "time (s)", "--ylabel", "I (A)", "--title", "T");
        Assert.Empty(errors);
        var plot = request!.Plot;
        Assert.Equal(Path.GetFullPath("data.csv"), plot.Csv);
        Assert.Equal("t", plot.X);
        Assert.Equal(["a", "b"], plot.Y);
        Assert.Equal("seed", plot.Group);
        Assert.True(plot.LogX && plot.LogY);
        Assert.Equal(new Neuromorph.Studies.Reporting.PlotAppearance("time (s)", "I (A)", "T", true), plot.Appearance);
        // the library names a log axis as the command line spells it
        Assert.Equal("--logy", plot.Names.Name("logy"));
        Assert.Null(request.Output);
        Assert.Equal(PlotFormats.Png, request.Formats);
        Assert.Null(request.FormatGiven);
    }

    [Fact]
    public void Output_and_format_are_kept_as_given_for_the_target()
    {
        using var dir = new TempDirectory("nm-plot-parse");
        var image = Path.Combine(dir, "sub", "p.svg");
        var (request, errors) = PlotOptions.Parse("d.csv", "--x", "t", "--y", "a", "-o", image, "--plot-format", "both");
        Assert.Empty(errors);
        Assert.Equal(image, request!.Output);
        Assert.Equal(PlotFormats.Both, request.Formats);
        Assert.Equal("both", request.FormatGiven);
        Assert.False(Directory.Exists(Path.Combine(dir, "sub"))); // checked, not created
    }

    [Fact]
    public void Missing_columns_and_an_unknown_format_are_parse_errors()
    {
        Assert.NotEmpty(PlotOptions.Parse("d.csv", "--x", "t").Errors);
        Assert.NotEmpty(PlotOptions.Parse("d.csv", "--y", "a").Errors);
        var (request, errors) = PlotOptions.Parse("d.csv", "--x", "t", "--y", "a", "--plot-format", "jpeg");
        Assert.Null(request);
        Assert.Contains(errors, e => e.Message.Contains("jpeg", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_that_names_a_directory_is_refused_before_the_csv_is_read()
    {
        using var dir = new TempDirectory("nm-plot-parse");
        var (request, errors) = PlotOptions.Parse(Path.Combine(dir, "missing.csv"), "--x", "t", "--y", "a", "-o", dir.Path + Path.DirectorySeparatorChar);
        Assert.Null(request);
        Assert.StartsWith("-o ", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
