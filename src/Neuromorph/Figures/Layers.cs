namespace Neuromorph.Figures;

/// <summary>
/// Something drawn on a panel. <see cref="Name"/> is its legend entry (empty: not in the legend); <see cref="Color"/>
/// a CSS hex colour (<c>#0072B2</c>) or null for the next colour of the <see cref="Palette"/>.
/// </summary>
public abstract record Layer(string Name)
{
    /// <summary>Colour as <c>#RRGGBB</c>, or null for the palette.</summary>
    public string? Color { get; init; }
}

/// <summary>How a line series is drawn.</summary>
public enum LineStyle
{
    /// <summary>Solid line.</summary>
    Solid,

    /// <summary>Dashed line.</summary>
    Dashed,

    /// <summary>Markers only (scatter).</summary>
    Markers,

    /// <summary>Solid line with markers at the data points.</summary>
    LineAndMarkers,
}

/// <summary>
/// A series of points joined in order. x need not be monotonic (a pinched current–voltage loop is drawn as traced);
/// a NaN in x or y breaks the line. Long series are thinned by the renderer (per pixel column for monotonic x), so files
/// stay small without visible change.
/// </summary>
public sealed record LineSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y) : Layer(Name)
{
    /// <summary>Line style.</summary>
    public LineStyle Style { get; init; } = LineStyle.Solid;

    /// <summary>Line width in logical pixels.</summary>
    public double Width { get; init; } = 1.6;
}

/// <summary>
/// A shaded band between two curves over the same x (mean ± standard deviation, min..max). Without its own colour a
/// band takes the colour of the next <see cref="LineSeries"/> in the panel (the mean it surrounds).
/// </summary>
public sealed record Band(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper) : Layer(Name);

/// <summary>Orientation of a <see cref="ReferenceLine"/>.</summary>
public enum ReferenceOrientation
{
    /// <summary>A horizontal line at a y value.</summary>
    Horizontal,

    /// <summary>A vertical line at an x value.</summary>
    Vertical,
}

/// <summary>A dashed reference line across the panel (a known optimum, a threshold).</summary>
public sealed record ReferenceLine(string Name, double Value, ReferenceOrientation Orientation = ReferenceOrientation.Horizontal) : Layer(Name);

/// <summary>Vertical bars centred at <see cref="Positions"/> (a histogram: <see cref="Histogram.Of"/>).</summary>
public sealed record Bars(string Name, IReadOnlyList<double> Positions, IReadOnlyList<double> Heights, double BarWidth) : Layer(Name);

/// <summary>
/// A matrix of values drawn as coloured cells (viridis; NaN cells grey) with a labelled colour bar. Cell [r, c] spans
/// column c of <see cref="XExtent"/> and row r of <see cref="YExtent"/>; row 0 is at the top when
/// <see cref="RowZeroAtTop"/> (matrix order: crossbar word line 0, device 0 of a raster), else at the bottom.
/// </summary>
/// <param name="Values">Values by [row, column].</param>
/// <param name="ColorAxis">Quantity and unit of the values, shown on the colour bar.</param>
public sealed record HeatmapLayer(double[,] Values, FigureAxis ColorAxis) : Layer("")
{
    /// <summary>x range covered by the columns (null: column indices, cell c centred at c).</summary>
    public (double Min, double Max)? XExtent { get; init; }

    /// <summary>y range covered by the rows (null: row indices, cell r centred at r).</summary>
    public (double Min, double Max)? YExtent { get; init; }

    /// <summary>True: row 0 at the top; false: row 0 at the bottom.</summary>
    public bool RowZeroAtTop { get; init; } = true;
}
