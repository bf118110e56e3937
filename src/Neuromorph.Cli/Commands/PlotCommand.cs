using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Plotting;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph plot FILE.csv --x COL --y COL [--group COL] [--logx] [--logy] [-o FILE.svg]</c>: an ad-hoc line plot of any
/// CSV Neuromorph writes. Rows sharing an x within a group (replicates) are drawn as mean with a ±1 std band.
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
        var logx = new Option<bool>("--logx") { Description = "logarithmic x axis" };
        var logy = new Option<bool>("--logy") { Description = "logarithmic y axis" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "SVG file (default: CSV name with .svg)" };
        var command = new Command("plot", "Plot columns of a CSV file as an SVG line plot.") { file, x, y, group, logx, logy, output };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            if (!File.Exists(path))
            {
                throw new UserInputException(new SourceLocation(path, 0, 0), "file not found");
            }

            var (headers, columns) = CsvTable.Read(path);
            int Col(string name) => Array.FindIndex(headers, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase)) is var i && i >= 0
                ? i
                : throw new UserInputException(new SourceLocation(path, 1, 1), $"no column '{name}'", Suggestions.Hint(name, headers));
            var xi = Col(parse.GetRequiredValue(x));
            var gi = parse.GetValue(group) is { } g ? Col(g) : -1;
            var plot = new LinePlot
            {
                Title = Path.GetFileName(path),
                X = new Axis(headers[xi], "", parse.GetValue(logx) ? AxisScale.Log : AxisScale.Linear),
                Y = new Axis(string.Join(", ", parse.GetRequiredValue(y)), "", parse.GetValue(logy) ? AxisScale.Log : AxisScale.Linear),
            };
            foreach (var yName in parse.GetRequiredValue(y))
            {
                var yi = Col(yName);
                var rows = Enumerable.Range(0, columns[0].Length);
                foreach (var grp in rows.GroupBy(r => gi < 0 ? double.NaN : columns[gi][r]).OrderBy(grp => grp.Key))
                {
                    var pts = grp.GroupBy(r => columns[xi][r]).OrderBy(p => p.Key)
                        .Select(p => (X: p.Key, S: MetricSummary.Of(p.Select(r => columns[yi][r])))).ToList();
                    var name = gi < 0 ? yName : $"{yName}, {headers[gi]} = {grp.Key:G4}";
                    var series = new Series(name, [.. pts.Select(p => p.X)], [.. pts.Select(p => p.S.Mean)]);
                    if (pts.Any(p => p.S.Count > 1))
                    {
                        series = series with { Lower = [.. pts.Select(p => p.S.Mean - p.S.StdDev)], Upper = [.. pts.Select(p => p.S.Mean + p.S.StdDev)] };
                    }

                    plot.Add(series);
                }
            }

            var target = OutputLocation.PrepareFile(parse.GetValue(output)?.FullName ?? Path.ChangeExtension(path, ".svg"));
            plot.Save(target);
            parse.InvocationConfiguration.Output.WriteLine($"wrote {target}");
            return CommandRunner.Success;
        });
        return command;
    }
}
