namespace Neuromorph.Studies.Reporting;

/// <summary>
/// How a plot of CSV columns (<see cref="CsvPlot"/>, <c>neuromorph plot</c>) draws: axis titles and figure title in
/// place of the column and file names (units go in the text: <c>"time (s)"</c>), and markers at every row instead of
/// lines through the means.
/// </summary>
/// <param name="XLabel">Title of the x axis, or null for the column name.</param>
/// <param name="YLabel">Title of the y axis, or null for the column names.</param>
/// <param name="Title">Title of the figure, or null for the CSV file name.</param>
/// <param name="Scatter">Markers at every row, no lines and no replicate bands.</param>
public sealed record PlotAppearance(string? XLabel = null, string? YLabel = null, string? Title = null, bool Scatter = false);
