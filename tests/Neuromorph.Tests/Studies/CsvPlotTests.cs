using Neuromorph.Diagnostics;
using Neuromorph.Figures;
using Neuromorph.Studies.Reporting;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// <see cref="CsvPlot"/>, the library side of <c>neuromorph plot</c>: replicates become a mean with a band, groups become
/// series, and its messages name a log axis as the front end spells it (no command-line flag of its own).
/// </summary>
public sealed class CsvPlotTests
{
    [Fact]
    public void Replicates_are_a_mean_with_a_band_and_a_group_column_makes_one_series_per_value()
    {
        using var dir = new TempDirectory("nm-csvplot");
        var csv = Path.Combine(dir, "r.csv");
        File.WriteAllText(csv, "x,g,y\n1,0,1\n1,0,3\n2,0,5\n1,1,10\n2,1,20\n");
        var figure = CsvPlot.Of(new CsvPlotSpec(csv, "X", ["y"]) { Group = "g" });
        Assert.Equal("r.csv", figure.Title);
        var lines = figure.Panels[0].Layers.OfType<LineSeries>().ToList();
        Assert.Equal(["y, g = 0", "y, g = 1"], lines.Select(l => l.Name));
        Assert.Equal([2.0, 5], lines[0].Y);
        Assert.Equal([10.0, 20], lines[1].Y);
        Assert.Single(figure.Panels[0].Layers.OfType<Band>());
        Assert.Equal(LegendPlacement.Auto, figure.Panels[0].Legend);
    }

    [Fact]
    public void A_log_axis_with_nothing_above_zero_is_named_as_the_front_end_spells_it()
    {
        using var dir = new TempDirectory("nm-csvplot");
        var csv = Path.Combine(dir, "d.csv");
        File.WriteAllText(csv, "f,loss\n1,-1\n10,-2\n");
        var keys = Assert.Throws<UserInputException>(() => CsvPlot.Of(new CsvPlotSpec(csv, "f", ["loss"]) { LogY = true }));
        Assert.Equal("logy: column 'loss' has no value above zero, so a logarithmic axis shows nothing", keys.Diagnostic.Message);
        Assert.Equal("drop logy, or plot its magnitude", keys.Diagnostic.Hint);
        Assert.Equal(new SourceLocation(csv, 1, 3), keys.Diagnostic.Location);
        var flags = Assert.Throws<UserInputException>(() => CsvPlot.Of(new CsvPlotSpec(csv, "f", ["loss"]) { LogY = true, Names = Neuromorph.Cli.Commands.FlagNames.Instance }));
        Assert.StartsWith("--logy: column 'loss'", flags.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_and_a_header_only_file_are_located_errors()
    {
        using var dir = new TempDirectory("nm-csvplot");
        var missing = Path.Combine(dir, "none.csv");
        Assert.Equal("file not found", Assert.Throws<UserInputException>(() => CsvPlot.Read(missing)).Diagnostic.Message);
        var header = Path.Combine(dir, "h.csv");
        File.WriteAllText(header, "a,b\n");
        Assert.Equal(new SourceLocation(header, 2, 1), Assert.Throws<UserInputException>(() => CsvPlot.Read(header)).Diagnostic.Location);
    }
}
