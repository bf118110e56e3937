using Neuromorph.Figures;

namespace Neuromorph.Cli.Commands;

/// <summary>What <c>neuromorph train</c>'s flags ask for (<see cref="TrainOptions"/>).</summary>
/// <param name="ModelFile">The model YAML file (full path).</param>
/// <param name="Output">The output folder given with <c>-o</c> (full path), or null for one named after the file.</param>
/// <param name="Overwrite">Whether <c>--overwrite</c> was given.</param>
/// <param name="PlotFormats">The <c>--plot-format</c> chosen.</param>
public sealed record TrainRequest(string ModelFile, string? Output, bool Overwrite, PlotFormats PlotFormats);
