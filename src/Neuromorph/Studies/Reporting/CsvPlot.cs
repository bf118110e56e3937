using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Figures;
using Neuromorph.Io;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// An ad-hoc line (or scatter) plot of any CSV Neuromorph writes (<c>neuromorph plot</c>): rows sharing an x within a
/// group (replicates) are drawn as the mean with a ±1 std band. A missing, empty or header-only file, an unknown
/// column, a column with no numbers, and a log axis on which nothing can be drawn are located input errors.
/// </summary>
public static class CsvPlot
{
    /// <summary>Reads the CSV of <paramref name="spec"/> and builds its figure (named after the CSV file).</summary>
    public static Figure Of(CsvPlotSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (headers, columns) = Read(spec.Csv);
        return Build(spec.Csv, headers, columns, spec.X, spec.Y, spec.Group, spec.LogX, spec.LogY, spec.Appearance, spec.Names);
    }

    /// <summary>Reads the CSV; a missing, empty or header-only file is a located error.</summary>
    public static (string[] Headers, double[][] Columns) Read(string path)
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

    /// <summary>
    /// The figure of columns <paramref name="yNames"/> against <paramref name="xName"/>. Unknown columns, columns with no
    /// numbers (text), and a log axis on which nothing can be drawn, are errors located at the column's header cell; a
    /// log axis is named in them as <paramref name="names"/> spells <c>logx</c> and <c>logy</c>.
    /// </summary>
    public static Figure Build(string path, string[] headers, double[][] columns, string xName, IReadOnlyList<string> yNames, string? groupName, bool logX, bool logY, PlotAppearance? appearance = null, SettingNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(yNames);
        appearance ??= new PlotAppearance();
        names ??= SettingNames.Keys;
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
            throw new UserInputException(At(xi), $"{names.Name("logx")}: column '{headers[xi]}' has no value above zero, so a logarithmic axis shows nothing", $"drop {names.Name("logx")}");
        }

        var layers = new List<Layer>();
        foreach (var yName in yNames)
        {
            var yi = Col(yName);
            if (logY && !columns[yi].Any(v => v > 0 && double.IsFinite(v)))
            {
                throw new UserInputException(At(yi), $"{names.Name("logy")}: column '{headers[yi]}' has no value above zero, so a logarithmic axis shows nothing", $"drop {names.Name("logy")}, or plot its magnitude");
            }

            layers.AddRange(Series(headers, columns, xi, yi, gi, appearance.Scatter));
        }

        var panel = new Panel(xAxis, yAxis, layers) { Legend = layers.Count(l => l.Name.Length > 0) > 1 ? LegendPlacement.Auto : LegendPlacement.None };
        return Figure.Single(Path.GetFileNameWithoutExtension(path), panel) with { Title = appearance.Title ?? Path.GetFileName(path) };
    }

    /// <summary>The layers of column <paramref name="yi"/>: per group, every row as it is (scatter), or the mean per x with a ±1 std band where x repeats.</summary>
    private static List<Layer> Series(string[] headers, double[][] columns, int xi, int yi, int gi, bool scatter)
    {
        var layers = new List<Layer>();
        var rows = Enumerable.Range(0, columns[0].Length);
        foreach (var grp in rows.GroupBy(r => gi < 0 ? double.NaN : columns[gi][r]).OrderBy(grp => grp.Key))
        {
            var pts = grp.GroupBy(r => columns[xi][r]).OrderBy(p => p.Key)
                .Select(p => (X: p.Key, S: MetricSummary.Of(p.Select(r => columns[yi][r])))).ToList();
            var name = gi < 0 ? headers[yi] : string.Create(CultureInfo.InvariantCulture, $"{headers[yi]}, {headers[gi]} = {grp.Key:G4}");
            if (scatter)
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

        return layers;
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
