using Neuromorph.Figures;
using Neuromorph.Studies.Reporting;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// What <c>neuromorph plot</c>'s flags ask for (<see cref="PlotOptions"/>): the plot, the image file given with
/// <c>-o</c> (full path; null: named after the CSV and the columns, beside the CSV) and the formats.
/// </summary>
/// <param name="Plot">The columns, axes and appearance.</param>
/// <param name="Output">The image file of <c>-o</c>, or null.</param>
/// <param name="Formats">The formats of <c>--plot-format</c> (or its default).</param>
/// <param name="FormatGiven">The <c>--plot-format</c> value as the user gave it, or null when not given.</param>
public sealed record CsvPlotRequest(CsvPlotSpec Plot, string? Output, PlotFormats Formats, string? FormatGiven);
