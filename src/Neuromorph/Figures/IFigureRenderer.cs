namespace Neuromorph.Figures;

/// <summary>
/// Turns a <see cref="Figure"/> into image files. The core library defines the contract and never draws; the command
/// line supplies the implementation (the ScottPlot renderer in Neuromorph.Plotting), as BenchmarkDotNet keeps its
/// exporters out of its core. Implementations write atomically and may be called from several threads at once.
/// </summary>
public interface IFigureRenderer
{
    /// <summary>Writes <c>NAME.png</c> and/or <c>NAME.svg</c> of <paramref name="figure"/> into <paramref name="directory"/>; returns the paths written.</summary>
    IReadOnlyList<string> Write(Figure figure, string directory, PlotFormats formats);

    /// <summary>The figure as PNG bytes at twice the logical density (for embedding in an HTML report).</summary>
    byte[] RenderPng(Figure figure);
}
