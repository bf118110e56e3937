using Neuromorph.Figures;
using Neuromorph.Studies;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// What <c>neuromorph sweep</c>'s flags ask for (<see cref="SweepOptions"/>): the study session (study read, shard,
/// jobs, resume or <c>--fresh</c>), where it goes (<c>-o</c>, or null for a folder named after the study), the backend
/// named (or null: the managed CPU path) and the plot formats of the report's figures.
/// </summary>
/// <param name="Study">The study session the library runs.</param>
/// <param name="Output">The output folder given with <c>-o</c> (full path), or null.</param>
/// <param name="Backend">The <c>--backend</c> given (lower case), or null.</param>
/// <param name="PlotFormats">The <c>--plot-format</c> chosen.</param>
public sealed record SweepRequest(StudyRequest Study, string? Output, string? Backend, PlotFormats PlotFormats);
