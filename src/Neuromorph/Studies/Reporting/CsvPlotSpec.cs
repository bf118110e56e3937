using Neuromorph.Diagnostics;

namespace Neuromorph.Studies.Reporting;

/// <summary>
/// A plot of columns of a CSV file (<see cref="CsvPlot"/>, <c>neuromorph plot</c>): columns <see cref="Y"/> against
/// <see cref="X"/>, split into series by the values of <see cref="Group"/>, on linear or logarithmic axes.
/// </summary>
/// <param name="Csv">The CSV file (a header row, then rows of numbers).</param>
/// <param name="X">The column of the x axis (matched ignoring case).</param>
/// <param name="Y">The columns of the y axis, one series each.</param>
public sealed record CsvPlotSpec(string Csv, string X, IReadOnlyList<string> Y)
{
    /// <summary>The column whose values split the rows into series, or null for one series per y column.</summary>
    public string? Group { get; init; }

    /// <summary>A logarithmic x axis.</summary>
    public bool LogX { get; init; }

    /// <summary>A logarithmic y axis.</summary>
    public bool LogY { get; init; }

    /// <summary>Titles and scatter mode.</summary>
    public PlotAppearance Appearance { get; init; } = new();

    /// <summary>How the front end spells the settings <c>logx</c> and <c>logy</c> in messages.</summary>
    public SettingNames Names { get; init; } = SettingNames.Keys;
}
