using Neuromorph.Figures;

namespace Neuromorph.Plotting;

/// <summary>
/// How a legend outside the data area is laid out: as many rows as fit beside the data area, in up to
/// <see cref="LegendColumns.MaxColumns"/> columns (the figure is widened for them); entries beyond that are summarised
/// in one last entry ("… and 156 more"), so a legend of any length stays inside the image.
/// </summary>
/// <param name="Rows">Entries per column.</param>
/// <param name="Columns">Columns.</param>
/// <param name="Shown">Named layers listed, in order (the first ones).</param>
/// <param name="Hidden">Named layers left out and summarised (0: none).</param>
/// <param name="Width">Logical pixels the legend takes on the right of the data area.</param>
internal sealed record LegendPlan(int Rows, int Columns, int Shown, int Hidden, float Width)
{
    /// <summary>The last entry of a summarised legend, or empty when every entry is listed.</summary>
    public string Summary => Hidden > 0 ? $"… and {Hidden} more" : "";
}

/// <summary>Plans the columns of a legend outside the data area.</summary>
internal static class LegendColumns
{
    /// <summary>Logical pixels per legend entry (12 px text and the gap between entries, with a little to spare).</summary>
    public const float RowHeight = 20;

    /// <summary>Logical pixels per character of an entry (12 px sans, generous).</summary>
    public const float CharWidth = 7.4f;

    /// <summary>Most columns; entries beyond that many full columns are summarised.</summary>
    public const int MaxColumns = 5;

    /// <summary>The plan for <paramref name="panel"/>'s legend beside a data area <paramref name="dataHeight"/> high.</summary>
    public static LegendPlan Plan(Panel panel, float dataHeight)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var names = panel.Layers.Where(l => l.Name.Length > 0).Select(l => l.Name.Length).ToList();
        var rows = Math.Max(1, (int)((dataHeight - 20) / RowHeight));
        var columns = Math.Clamp((int)Math.Ceiling(names.Count / (double)rows), 1, MaxColumns);
        var shown = names.Count <= rows * columns ? names.Count : (rows * columns) - 1;
        var hidden = names.Count - shown;
        var longest = names.DefaultIfEmpty(0).Max();
        if (hidden > 0)
        {
            longest = Math.Max(longest, $"… and {hidden} more".Length);
        }

        // one column as before (box and margins: 50 px beside the text), each further one a column more
        var width = 50 + (longest * CharWidth) + ((columns - 1) * ((longest * CharWidth) + 40));
        return new LegendPlan(rows, columns, shown, hidden, width);
    }
}
