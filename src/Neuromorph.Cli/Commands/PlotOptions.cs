using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// The flags of <c>neuromorph plot</c> and how they become a <see cref="CsvPlotRequest"/> (a <see cref="CsvPlotSpec"/>
/// whose messages name <c>--logx</c> and <c>--logy</c>, and where the image goes). <see cref="Parse"/> does this
/// without reading the CSV.
/// </summary>
public sealed class PlotOptions
{
    private readonly Argument<FileInfo> _file = new("csv") { Description = "a CSV file with a header row" };
    private readonly Option<string> _x = new("--x") { Description = "column for the x axis", Required = true };
    private readonly Option<string[]> _y = new("--y") { Description = "column(s) for the y axis", Required = true, AllowMultipleArgumentsPerToken = true };
    private readonly Option<string?> _group = new("--group") { Description = "column whose values split the data into series" };
    private readonly Option<bool> _logx = new("--logx") { Description = "logarithmic x axis (values ≤ 0 are left out, with a warning)" };
    private readonly Option<bool> _logy = new("--logy") { Description = "logarithmic y axis (values ≤ 0 are left out, with a warning)" };
    private readonly Option<FileInfo?> _output = new("--output", "-o") { Description = "image file: .png or .svg picks the format, no extension takes --plot-format (default: CSV_Y_vs_X.png beside the CSV)" };
    private readonly Option<string?> _xlabel = new("--xlabel") { Description = "x axis title, units included (default: the column name), e.g. \"time (s)\"" };
    private readonly Option<string?> _ylabel = new("--ylabel") { Description = "y axis title, units included (default: the column names)" };
    private readonly Option<string?> _title = new("--title") { Description = "figure title (default: the CSV file name)" };
    private readonly Option<bool> _scatter = new("--scatter") { Description = "a marker at every row, no lines (no mean and band over replicates)" };

    /// <summary><c>--plot-format</c>.</summary>
    public PlotFormatOption PlotFormat { get; } = new();

    /// <summary>The <c>plot</c> command with every flag, without an action.</summary>
    public Command Command()
    {
        var command = new Command("plot", "Plot columns of a CSV file as a line or scatter plot (PNG and/or SVG).") { _file, _x, _y, _group, _logx, _logy, _scatter, _xlabel, _ylabel, _title, _output };
        PlotFormat.AddTo(command);
        return command;
    }

    /// <summary>The request the flags describe; a given image file is checked, creating nothing, before the CSV is read.</summary>
    public CsvPlotRequest Request(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var image = parse.GetValue(_output)?.FullName;
        if (image is not null)
        {
            // checked, creating nothing, before the CSV is read
            OutputLocation.CheckFile(image);
        }

        var plot = new CsvPlotSpec(parse.GetRequiredValue(_file).FullName, parse.GetRequiredValue(_x), parse.GetRequiredValue(_y))
        {
            Group = parse.GetValue(_group),
            LogX = parse.GetValue(_logx),
            LogY = parse.GetValue(_logy),
            Appearance = new PlotAppearance(parse.GetValue(_xlabel), parse.GetValue(_ylabel), parse.GetValue(_title), parse.GetValue(_scatter)),
            Names = FlagNames.Instance,
        };
        var given = parse.GetResult(PlotFormat.Option) is { Implicit: false } ? parse.GetValue(PlotFormat.Option) : null;
        return new CsvPlotRequest(plot, image, PlotFormat.Formats(parse), given);
    }

    /// <summary>
    /// Parses <paramref name="argv"/> (the arguments after <c>plot</c>) into a request, reading nothing: the request, or
    /// null and the errors (the parser's, or an output file that cannot be written).
    /// </summary>
    public static (CsvPlotRequest? Request, IReadOnlyList<Diagnostic> Errors) Parse(params string[] argv)
    {
        var options = new PlotOptions();
        return ParsedOptions.Parse(options.Command(), argv, options.Request);
    }
}
