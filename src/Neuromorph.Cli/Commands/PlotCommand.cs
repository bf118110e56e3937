using System.CommandLine;
using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Figures;
using Neuromorph.Io;
using Neuromorph.Plotting;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph plot FILE.csv --x COL --y COL... [--group COL] [--logx] [--logy] [--scatter] [--xlabel T] [--ylabel T]
/// [--title T] [-o FILE] [--plot-format ...]</c>: an ad-hoc line (or scatter) plot of any CSV Neuromorph writes. Rows
/// sharing an x within a group (replicates) are drawn as the mean with a ±1 std band. Without <c>-o</c> the file is named after the CSV and the columns (<c>tran_i_rs_vs_time.png</c>),
/// so it never replaces the plots <c>simulate</c> wrote beside the same CSV.
/// </summary>
public static class PlotCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("csv") { Description = "a CSV file with a header row" };
        var x = new Option<string>("--x") { Description = "column for the x axis", Required = true };
        var y = new Option<string[]>("--y") { Description = "column(s) for the y axis", Required = true, AllowMultipleArgumentsPerToken = true };
        var group = new Option<string?>("--group") { Description = "column whose values split the data into series" };
        var logx = new Option<bool>("--logx") { Description = "logarithmic x axis (values ≤ 0 are left out, with a warning)" };
        var logy = new Option<bool>("--logy") { Description = "logarithmic y axis (values ≤ 0 are left out, with a warning)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "image file: .png or .svg picks the format, no extension takes --plot-format (default: CSV_Y_vs_X.png beside the CSV)" };
        var xlabel = new Option<string?>("--xlabel") { Description = "x axis title, units included (default: the column name), e.g. \"time (s)\"" };
        var ylabel = new Option<string?>("--ylabel") { Description = "y axis title, units included (default: the column names)" };
        var title = new Option<string?>("--title") { Description = "figure title (default: the CSV file name)" };
        var scatter = new Option<bool>("--scatter") { Description = "a marker at every row, no lines (no mean and band over replicates)" };
        var command = new Command("plot", "Plot columns of a CSV file as a line or scatter plot (PNG and/or SVG).") { file, x, y, group, logx, logy, scatter, xlabel, ylabel, title, output };
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (parse.GetValue(output)?.FullName is { } image)
            {
                // checked, creating nothing, before the CSV is read
                OutputLocation.CheckFile(image);
            }

            var yNames = parse.GetRequiredValue(y);
            var (headers, columns) = Read(path);
            var appearance = new PlotAppearance(parse.GetValue(xlabel), parse.GetValue(ylabel), parse.GetValue(title), parse.GetValue(scatter));
            var figure = Build(path, headers, columns, parse.GetRequiredValue(x), yNames, parse.GetValue(group), parse.GetValue(logx), parse.GetValue(logy), appearance);
            var (directory, stem, formats) = Target(parse, plotFormat, parse.GetValue(output)?.FullName, path, parse.GetRequiredValue(x), yNames);
            var writer = new FigureWriter(new ScottPlotRenderer(), formats, parse.InvocationConfiguration.Error.WriteLine);
            foreach (var written in writer.Write(figure with { Name = stem }, directory))
            {
                parse.InvocationConfiguration.Output.WriteLine($"wrote {written}");
            }

            return CommandRunner.Success;
        });
        return command;
    }

    /// <summary>
    /// The figure of columns <paramref name="yNames"/> against <paramref name="xName"/>. Unknown columns, columns with no
    /// numbers (text), and a log axis on which nothing can be drawn, are errors located at the column's header cell.
    /// </summary>
    public static Figure Build(string path, string[] headers, double[][] columns, string xName, IReadOnlyList<string> yNames, string? groupName, bool logX, bool logY, PlotAppearance? appearance = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(yNames);
        appearance ??= new PlotAppearance();
        var headerLine = File.ReadLines(path).First(l => l.Length > 0);
        int Col(string name) => Array.FindIndex(headers, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0
            ? i
            : throw new UserInputException(new SourceLocation(path, 1, 1), $"no column '{name}'", Suggestions.Hint(name, headers));
        SourceLocation At(int column) => new(path, 1, HeaderColumn(headerLine, column));
        var xi = Col(xName);
        var gi = groupName is { } g ? Col(g) : -1;
        foreach (var used in new[] { xi, gi }.Concat(yNames.Select(Col)).Where(i => i >= 0).Distinct())
        {
            RequireNumbers(path, headers, columns, used, At(used));
        }

        var xAxis = new FigureAxis(appearance.XLabel ?? headers[xi], "", logX ? AxisScale.Log : AxisScale.Linear);
        var yAxis = new FigureAxis(appearance.YLabel ?? string.Join(", ", yNames.Select(n => headers[Col(n)])), "", logY ? AxisScale.Log : AxisScale.Linear);
        if (logX && !columns[xi].Any(v => v > 0 && double.IsFinite(v)))
        {
            throw new UserInputException(At(xi), $"--logx: column '{headers[xi]}' has no value above zero, so a logarithmic axis shows nothing", "drop --logx");
        }

        var layers = new List<Layer>();
        foreach (var yName in yNames)
        {
            var yi = Col(yName);
            if (logY && !columns[yi].Any(v => v > 0 && double.IsFinite(v)))
            {
                throw new UserInputException(At(yi), $"--logy: column '{headers[yi]}' has no value above zero, so a logarithmic axis shows nothing", "drop --logy, or plot its magnitude");
            }

            var rows = Enumerable.Range(0, columns[0].Length);
            foreach (var grp in rows.GroupBy(r => gi < 0 ? double.NaN : columns[gi][r]).OrderBy(grp => grp.Key))
            {
                var pts = grp.GroupBy(r => columns[xi][r]).OrderBy(p => p.Key)
                    .Select(p => (X: p.Key, S: MetricSummary.Of(p.Select(r => columns[yi][r])))).ToList();
                var name = gi < 0 ? headers[yi] : string.Create(CultureInfo.InvariantCulture, $"{headers[yi]}, {headers[gi]} = {grp.Key:G4}");
                if (appearance.Scatter)
                {
                    // every row as it is, in file order
                    layers.Add(new LineSeries(name, [.. grp.Select(r => columns[xi][r])], [.. grp.Select(r => columns[yi][r])]) { Style = LineStyle.Markers });
                    continue;
                }

                if (pts.Any(p => p.S.Count > 1))
                {
                    layers.Add(new Band("", [.. pts.Select(p => p.X)], [.. pts.Select(p => p.S.Mean - p.S.StdDev)], [.. pts.Select(p => p.S.Mean + p.S.StdDev)]));
                }

                layers.Add(new LineSeries(name, [.. pts.Select(p => p.X)], [.. pts.Select(p => p.S.Mean)]));
            }
        }

        var panel = new Panel(xAxis, yAxis, layers) { Legend = layers.Count(l => l.Name.Length > 0) > 1 ? LegendPlacement.Auto : LegendPlacement.None };
        return Figure.Single(Path.GetFileNameWithoutExtension(path), panel) with { Title = appearance.Title ?? Path.GetFileName(path) };
    }

    /// <summary>A column with no number in it (a status or name column, or all cells empty) cannot be drawn: an error at its header, quoting its first cell.</summary>
    private static void RequireNumbers(string path, string[] headers, double[][] columns, int index, SourceLocation at)
    {
        if (columns[index].Any(v => !double.IsNaN(v)))
        {
            return;
        }

        var first = File.ReadLines(path).Skip(1).Select((line, k) => (Line: k + 2, Cells: CsvRow.Parse(line)))
            .Where(r => r.Cells.Count > index && r.Cells[index].Trim().Length > 0 && !r.Cells[index].Trim().Equals("nan", StringComparison.OrdinalIgnoreCase))
            .Select(r => (r.Line, Cell: r.Cells[index].Trim())).FirstOrDefault();
        throw new UserInputException(at, first.Cell is null
            ? $"column '{headers[index]}' has no values: nothing to plot"
            : $"column '{headers[index]}' is not numeric (line {first.Line} holds '{first.Cell}')",
            "plot columns of numbers; text columns such as status or names cannot be drawn");
    }

    /// <summary>Reads the CSV; a missing, empty or header-only file is a located error.</summary>
    private static (string[] Headers, double[][] Columns) Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException(new SourceLocation(path, 0, 0), "file not found");
        }

        if (!File.ReadLines(path).Any(l => l.Length > 0))
        {
            throw new UserInputException(new SourceLocation(path, 1, 1), "the file is empty: nothing to plot", "plot a CSV with a header row and data rows");
        }

        var (headers, columns) = CsvTable.Read(path);
        if (columns.Length == 0 || columns[0].Length == 0)
        {
            throw new UserInputException(new SourceLocation(path, 2, 1), "the file has a header row but no data rows: nothing to plot", "was it written by a run that stopped early?");
        }

        return (headers, columns);
    }

    /// <summary>Directory, file stem and formats of the output: from <c>-o</c> (its extension picks the format unless --plot-format was given), else beside the CSV.</summary>
    private static (string Directory, string Stem, PlotFormats Formats) Target(ParseResult parse, PlotFormatOption option, string? output, string csv, string xName, IReadOnlyList<string> yNames)
    {
        var formats = option.Formats(parse);
        var explicitFormat = parse.GetResult(option.Option) is { Implicit: false };
        if (formats == PlotFormats.None)
        {
            throw new UserInputException("--plot-format none: the plot command has nothing else to write", "use png, svg or both");
        }

        if (output is not null)
        {
            // checked before anything is drawn: not a directory, and writable
            var ext = Path.GetExtension(output).ToLowerInvariant();
            PlotFormats? named = ext switch
            {
                ".png" => PlotFormats.Png,
                ".svg" => PlotFormats.Svg,
                "" => null,
                _ => throw new UserInputException($"-o {Path.GetFileName(output)}: cannot write '{ext}' images; the supported formats are .png and .svg", $"name the file {Path.GetFileNameWithoutExtension(output)}.png or {Path.GetFileNameWithoutExtension(output)}.svg"),
            };
            if (named is { } fromName)
            {
                if (explicitFormat && formats != fromName)
                {
                    throw new UserInputException($"-o {Path.GetFileName(output)} names a {ext} file but --plot-format is {parse.GetValue(option.Option)}", $"drop --plot-format (the extension picks the format), or give -o without an extension");
                }

                formats = fromName;
            }

            // checked before anything is drawn: not a directory, and writable
            output = OutputLocation.PrepareFile(output);
            var stem = named is null ? Path.GetFileName(output) : Path.GetFileNameWithoutExtension(output);
            return (Path.GetDirectoryName(output) ?? ".", stem, formats);
        }

        var name = $"{Path.GetFileNameWithoutExtension(csv)}_{Safe(string.Join("_", yNames))}_vs_{Safe(xName)}";
        return (Path.GetDirectoryName(csv) ?? ".", name, formats);
    }

    private static string Safe(string s)
    {
        var chars = s.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray();
        return string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>1-based character column of header cell <paramref name="index"/> in the header line.</summary>
    private static int HeaderColumn(string line, int index)
    {
        var col = 1;
        for (var k = 0; k < index; k++)
        {
            var comma = line.IndexOf(',', col - 1);
            if (comma < 0)
            {
                break;
            }

            col = comma + 2;
        }

        return col;
    }
}
