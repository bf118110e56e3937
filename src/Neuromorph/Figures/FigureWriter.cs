namespace Neuromorph.Figures;

/// <summary>
/// A renderer with the formats the user chose and a place for warnings: what commands, studies and experiments are
/// handed to write figures. With <see cref="PlotFormats.None"/> nothing is rendered at all.
/// </summary>
public sealed class FigureWriter(IFigureRenderer renderer, PlotFormats formats, Action<string>? warn = null)
{
    /// <summary>The formats written.</summary>
    public PlotFormats Formats => formats;

    /// <summary>True when figures are rendered (any format chosen).</summary>
    public bool Enabled => formats != PlotFormats.None;

    /// <summary>Writes the figures into <paramref name="directory"/> (in parallel); returns the paths in figure order.</summary>
    public IReadOnlyList<string> Write(IReadOnlyList<Figure> figures, string directory)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!Enabled || figures.Count == 0)
        {
            return [];
        }

        foreach (var figure in figures)
        {
            foreach (var w in FigureChecks.Warnings(figure))
            {
                warn?.Invoke($"warning: {w}");
            }
        }

        var files = new IReadOnlyList<string>[figures.Count];
        InParallel(figures.Count, k => files[k] = renderer.Write(figures[k], directory, formats));
        return [.. files.SelectMany(f => f)];
    }

    /// <summary>Writes one figure.</summary>
    public IReadOnlyList<string> Write(Figure figure, string directory) => Write([figure], directory);

    /// <summary>PNG bytes of the figures for a report (empty when plots are off), in parallel.</summary>
    public IReadOnlyList<byte[]> Png(IReadOnlyList<Figure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (!Enabled)
        {
            return [];
        }

        var images = new byte[figures.Count][];
        InParallel(figures.Count, k => images[k] = renderer.RenderPng(figures[k]));
        return images;
    }

    /// <summary>Runs <paramref name="body"/> for 0..count-1 in parallel; the first failure is rethrown as itself, not wrapped.</summary>
    private static void InParallel(int count, Action<int> body)
    {
        try
        {
            Parallel.For(0, count, body);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }
}
