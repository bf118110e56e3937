namespace Neuromorph.Figures;

/// <summary>
/// A plot described as data: one or more <see cref="Panel"/>s stacked top to bottom, written as <c>NAME.png</c> and/or
/// <c>NAME.svg</c> by an <see cref="IFigureRenderer"/>. Experiments, analyses, studies and commands build figures; only
/// the renderer (a separate project) draws, so the core library and the physics stay free of graphics code.
/// </summary>
/// <param name="Name">File stem: <c>tran</c> gives <c>tran.png</c> / <c>tran.svg</c>. Letters, digits, '_' and '-' only.</param>
/// <param name="Panels">Panels from top to bottom (at least one).</param>
public sealed record Figure(string Name, IReadOnlyList<Panel> Panels)
{
    /// <summary>Title above the first panel (empty: none).</summary>
    public string Title { get; init; } = "";

    /// <summary>Width in logical pixels (PNG files are written at twice this density).</summary>
    public int Width { get; init; } = 760;

    /// <summary>Height of each panel in logical pixels (0: 440 for a single panel, 260 for stacked panels).</summary>
    public int PanelHeight { get; init; }

    /// <summary>
    /// True when the panels share one x axis (stacked traces over time): every panel then spans the same x range and
    /// only the bottom panel carries the x axis title.
    /// </summary>
    public bool SharedX { get; init; }

    /// <summary>A figure of one panel.</summary>
    public static Figure Single(string name, Panel panel) => new(name, [panel]);

    /// <summary>The panel height used: <see cref="PanelHeight"/>, or the default for the number of panels.</summary>
    public int EffectivePanelHeight => PanelHeight > 0 ? PanelHeight : Panels.Count == 1 ? 440 : 260;

    /// <summary>Total height in logical pixels (title included).</summary>
    public int Height => (Panels.Count * EffectivePanelHeight) + (Title.Length > 0 ? 34 : 0);
}

/// <summary>Where a panel's legend goes.</summary>
public enum LegendPlacement
{
    /// <summary>Inside the data area, in the corner that hides the fewest data points (no legend for a single unnamed layer).</summary>
    Auto,

    /// <summary>To the right of the data area, never over data.</summary>
    Outside,

    /// <summary>No legend.</summary>
    None,
}

/// <summary>One set of axes with the layers drawn on them (lines, bands, reference lines, bars or a heatmap).</summary>
/// <param name="X">The horizontal axis.</param>
/// <param name="Y">The vertical axis.</param>
/// <param name="Layers">Layers drawn in order (later ones on top).</param>
public sealed record Panel(FigureAxis X, FigureAxis Y, IReadOnlyList<Layer> Layers)
{
    /// <summary>Title above the panel (empty: none).</summary>
    public string Title { get; init; } = "";

    /// <summary>Where the legend goes.</summary>
    public LegendPlacement Legend { get; init; } = LegendPlacement.Auto;
}
