using System.CommandLine;
using Neuromorph.Figures;
using Neuromorph.Plotting;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph plot FILE.csv --x COL --y COL... [--group COL] [--logx] [--logy] [--scatter] [--xlabel T] [--ylabel T]
/// [--title T] [-o FILE] [--plot-format ...]</c>: an ad-hoc line (or scatter) plot of any CSV Neuromorph writes. The
/// flags become a <see cref="CsvPlotRequest"/> (<see cref="PlotOptions"/>), <see cref="CsvPlot"/> builds the figure, and
/// the command writes it where <see cref="PlotTarget"/> says.
/// </summary>
public static class PlotCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var options = new PlotOptions();
        var command = options.Command();
        command.SetAction(parse =>
        {
            var request = options.Request(parse);
            var figure = CsvPlot.Of(request.Plot);
            var target = PlotTarget.Of(request);
            var writer = new FigureWriter(new ScottPlotRenderer(), target.Formats, parse.InvocationConfiguration.Error.WriteLine);
            foreach (var written in writer.Write(figure with { Name = target.Stem }, target.Directory))
            {
                parse.InvocationConfiguration.Output.WriteLine($"wrote {written}");
            }

            return CommandRunner.Success;
        });
        return command;
    }
}
