using System.CommandLine;
using Neuromorph.Figures;
using Neuromorph.Plotting;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>--plot-format png|svg|both|none</c>, the same on every command that plots: PNG (default; twice the pixel density,
/// for papers and slides), SVG, both, or no plot files at all. Hands commands a <see cref="FigureWriter"/> over the
/// ScottPlot renderer that prints warnings (values left out on log axes) to stderr.
/// </summary>
public sealed class PlotFormatOption
{
    /// <summary>Creates the option.</summary>
    public PlotFormatOption()
    {
        Option = new Option<string>("--plot-format")
        {
            Description = $"plot files: {string.Join(" | ", PlotFormatNames.All)} (default {PlotFormatNames.All[0]}; png at 2x pixel density)",
            DefaultValueFactory = _ => "png",
        };
        Option.AcceptOnlyFromAmong([.. PlotFormatNames.All]);
    }

    /// <summary>The option.</summary>
    public Option<string> Option { get; }

    /// <summary>Adds the option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Option);
    }

    /// <summary>The formats chosen.</summary>
    public PlotFormats Formats(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return PlotFormatNames.Parse(parse.GetValue(Option)) ?? PlotFormats.Png;
    }

    /// <summary>A figure writer for the chosen formats; warnings go to the command's error stream.</summary>
    public FigureWriter Writer(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var error = parse.InvocationConfiguration.Error;
        var gate = new object();
        var formats = Formats(parse);
        if (formats != PlotFormats.None)
        {
            // the command computes first: get the renderer ready meanwhile
            ScottPlotRenderer.WarmUp();
        }

        return new FigureWriter(new ScottPlotRenderer(), formats, line =>
        {
            lock (gate)
            {
                error.WriteLine(line);
            }
        });
    }
}
