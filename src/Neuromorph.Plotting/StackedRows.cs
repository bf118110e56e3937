using SP = ScottPlot;

namespace Neuromorph.Plotting;

/// <summary>A multiplot layout of full-width rows with given heights in logical pixels (the first row may carry the figure title).</summary>
internal sealed class StackedRows(IReadOnlyList<int> heights) : SP.IMultiplotLayout
{
    /// <inheritdoc />
    public SP.PixelRect[] GetSubplotRectangles(SP.SubplotCollection subplots, SP.PixelRect figureRect)
    {
        ArgumentNullException.ThrowIfNull(subplots);
        var rects = new SP.PixelRect[subplots.Count];
        var top = figureRect.Top;
        for (var k = 0; k < subplots.Count; k++)
        {
            var h = k < heights.Count ? heights[k] : heights[^1];
            rects[k] = new SP.PixelRect(figureRect.Left, figureRect.Right, top + h, top);
            top += h;
        }

        return rects;
    }
}
