using System.Xml.Linq;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Plotting;

/// <summary>
/// <c>neuromorph plot</c> on input it cannot draw (text columns, binary files, image formats it does not write) says so
/// with exit code 2; axis titles, figure title and scatter mode are the user's to set.
/// </summary>
public class PlotCommandInputTests
{
    private static string Csv(TempDirectory dir, string text = "x,status,y,name\n1,ok,2,a\n2,failed,3,b\n3,ok,5,c\n")
    {
        var csv = Path.Combine(dir, "d.csv");
        File.WriteAllText(csv, text);
        return csv;
    }

    [Fact]
    public void A_text_column_is_refused_naming_the_column_and_its_first_cell()
    {
        using var dir = new TempDirectory("nm-plotin");
        var csv = Csv(dir);
        foreach (var (args, column, at) in new[]
        {
            (new[] { "--x", "x", "--y", "status" }, "status", "d.csv:1:3"),
            (new[] { "--x", "name", "--y", "y" }, "name", "d.csv:1:12"),
            (new[] { "--x", "x", "--y", "y", "status" }, "status", "d.csv:1:3"),
            (new[] { "--x", "x", "--y", "y", "--group", "status" }, "status", "d.csv:1:3"),
        })
        {
            var (code, _, error) = CliHarness.Run(["plot", csv, .. args, "-o", Path.Combine(dir, "p.png")]);
            Assert.Equal(2, code);
            Assert.Contains($"{at}: error: column '{column}' is not numeric (line 2 holds '{(column == "name" ? "a" : "ok")}')", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "p.png")));
        }

        File.WriteAllText(csv, "x,y,empty\n1,2,\n2,3,\n");
        var (c2, _, e2) = CliHarness.Run("plot", csv, "--x", "x", "--y", "empty");
        Assert.Equal(2, c2);
        Assert.Contains("d.csv:1:5: error: column 'empty' has no values", e2, StringComparison.Ordinal);
    }

    [Fact]
    public void The_output_extension_picks_the_format_and_an_unsupported_one_is_refused()
    {
        using var dir = new TempDirectory("nm-plotin");
        var csv = Csv(dir);
        foreach (var ext in new[] { "jpg", "jpeg", "pdf", "PNG2", "gif" })
        {
            var (code, _, error) = CliHarness.Run("plot", csv, "--x", "x", "--y", "y", "-o", Path.Combine(dir, $"x.{ext}"));
            Assert.Equal(2, code);
            Assert.Contains($"cannot write '.{ext.ToLowerInvariant()}' images; the supported formats are .png and .svg", error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(dir, "x.*"));
        }

        var (c, output, e) = CliHarness.Run("plot", csv, "--x", "x", "--y", "y", "-o", Path.Combine(dir, "v.svg"));
        Assert.True(c == 0, e);
        Assert.Contains("v.svg", output, StringComparison.Ordinal);
        Assert.Equal("svg", XDocument.Load(Path.Combine(dir, "v.svg")).Root!.Name.LocalName);
        Assert.False(File.Exists(Path.Combine(dir, "v.png")));
        (c, output, e) = CliHarness.Run("plot", csv, "--x", "x", "--y", "y", "-o", Path.Combine(dir, "w.PNG"));
        Assert.True(c == 0, e);
        Assert.Contains("w.png", output, StringComparison.Ordinal); // the extension is written in lower case
        Assert.Equal(1520, PngImage.Load(Path.Combine(dir, "w.png")).Width);
        Assert.False(File.Exists(Path.Combine(dir, "w.PNG.png")));
        (c, _, e) = CliHarness.Run("plot", csv, "--x", "x", "--y", "y", "-o", Path.Combine(dir, "both"), "--plot-format", "both");
        Assert.True(c == 0, e);
        Assert.True(File.Exists(Path.Combine(dir, "both.png")) && File.Exists(Path.Combine(dir, "both.svg")));
        (c, _, e) = CliHarness.Run("plot", csv, "--x", "x", "--y", "y", "-o", Path.Combine(dir, "z.png"), "--plot-format", "svg");
        Assert.Equal(2, c);
        Assert.Contains("-o z.png names a .png file but --plot-format is svg", e, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_refused_as_not_text()
    {
        using var dir = new TempDirectory("nm-plotin");
        var bin = Path.Combine(dir, "data.bin");
        File.WriteAllBytes(bin, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x2C, 0x0A, 0xFF]);
        var (code, _, error) = CliHarness.Run("plot", bin, "--x", "x", "--y", "y");
        Assert.Equal(2, code);
        Assert.Contains("data.bin:3:1: error: not a text CSV file (the file contains NUL bytes)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("valid names", error, StringComparison.Ordinal);
        Assert.DoesNotContain("IHDR", error, StringComparison.Ordinal);
        var latin = Path.Combine(dir, "latin.csv");
        File.WriteAllBytes(latin, [(byte)'x', (byte)',', (byte)'y', (byte)'\n', (byte)'1', (byte)',', 0xE9, (byte)'\n']);
        (code, _, error) = CliHarness.Run("plot", latin, "--x", "x", "--y", "y");
        Assert.Equal(2, code);
        Assert.Contains("latin.csv:2:3: error: not a text CSV file (invalid UTF-8)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Axis_titles_figure_title_and_scatter_mode_are_the_users()
    {
        using var dir = new TempDirectory("nm-plotin");
        var csv = Csv(dir, "t,i\n3,1\n1,2\n2,3\n1,4\n");
        var svg = Path.Combine(dir, "s.svg");
        var (code, _, error) = CliHarness.Run("plot", csv, "--x", "t", "--y", "i", "--xlabel", "time (s)", "--ylabel", "current (A)", "--title", "Run 7 & co", "--scatter", "-o", svg);
        Assert.True(code == 0, error);
        var text = string.Concat(XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim() + "|"));
        Assert.Contains("time (s)|", text, StringComparison.Ordinal);
        Assert.Contains("current (A)|", text, StringComparison.Ordinal);
        Assert.Contains("Run 7 & co|", text, StringComparison.Ordinal);
        Assert.DoesNotContain("d.csv", text, StringComparison.Ordinal);

        var (headers, columns) = Neuromorph.Io.CsvTable.Read(csv);
        var figure = Neuromorph.Studies.Reporting.CsvPlot.Build(csv, headers, columns, "t", ["i"], null, false, false, new Neuromorph.Studies.Reporting.PlotAppearance(Scatter: true));
        var series = Assert.Single(figure.Panels[0].Layers.OfType<Neuromorph.Figures.LineSeries>());
        Assert.Equal(Neuromorph.Figures.LineStyle.Markers, series.Style);
        Assert.Equal([3.0, 1, 2, 1], series.X);
        Assert.Equal([1.0, 2, 3, 4], series.Y);
        Assert.Empty(figure.Panels[0].Layers.OfType<Neuromorph.Figures.Band>());
        var lines = Neuromorph.Studies.Reporting.CsvPlot.Build(csv, headers, columns, "t", ["i"], null, false, false);
        Assert.Equal(Neuromorph.Figures.LineStyle.Solid, lines.Panels[0].Layers.OfType<Neuromorph.Figures.LineSeries>().Single().Style);
        Assert.Equal("d.csv", lines.Title);
        Assert.Equal("t", lines.Panels[0].X.Title);
    }
}
