using Neuromorph.Diagnostics;
using Neuromorph.Figures;
using Neuromorph.Io;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// Where <c>neuromorph plot</c> writes: from <c>-o</c> (its extension picks the format unless <c>--plot-format</c> was
/// given; no extension takes <c>--plot-format</c>), else beside the CSV, named after it and the columns
/// (<c>tran_i_rs_vs_time.png</c>), so it never replaces the plots <c>simulate</c> wrote beside the same CSV.
/// </summary>
/// <param name="Directory">The folder of the image files.</param>
/// <param name="Stem">The file name without extension.</param>
/// <param name="Formats">The formats to write.</param>
internal sealed record PlotTarget(string Directory, string Stem, PlotFormats Formats)
{
    /// <summary>The target of <paramref name="request"/>; the folder of a given file is created and probed (called once the figure is built).</summary>
    public static PlotTarget Of(CsvPlotRequest request)
    {
        var formats = request.Formats;
        if (formats == PlotFormats.None)
        {
            throw new UserInputException("--plot-format none: the plot command has nothing else to write", "use png, svg or both");
        }

        if (request.Output is { } output)
        {
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
                if (request.FormatGiven is { } given && formats != fromName)
                {
                    throw new UserInputException($"-o {Path.GetFileName(output)} names a {ext} file but --plot-format is {given}", $"drop --plot-format (the extension picks the format), or give -o without an extension");
                }

                formats = fromName;
            }

            // checked before anything is drawn: not a directory, and writable
            output = OutputLocation.PrepareFile(output);
            var stem = named is null ? Path.GetFileName(output) : Path.GetFileNameWithoutExtension(output);
            return new PlotTarget(Path.GetDirectoryName(output) ?? ".", stem, formats);
        }

        var csv = request.Plot.Csv;
        var name = $"{Path.GetFileNameWithoutExtension(csv)}_{Safe(string.Join("_", request.Plot.Y))}_vs_{Safe(request.Plot.X)}";
        return new PlotTarget(Path.GetDirectoryName(csv) ?? ".", name, formats);
    }

    private static string Safe(string s)
    {
        var chars = s.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray();
        return string.Join('_', new string(chars).Split('_', StringSplitOptions.RemoveEmptyEntries));
    }
}
