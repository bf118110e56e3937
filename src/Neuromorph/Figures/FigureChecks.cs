namespace Neuromorph.Figures;

/// <summary>
/// What a renderer cannot draw, found before drawing: values ≤ 0 on a logarithmic axis (dropped with a warning) and
/// panels left with nothing to draw on such an axis (an error for a command that was asked for exactly that plot).
/// </summary>
public static class FigureChecks
{
    /// <summary>One line per layer that loses points to a log axis: "figure 'tran', panel 2: 12 of 2001 values of i(rs) are ≤ 0 ...".</summary>
    public static IReadOnlyList<string> Warnings(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var warnings = new List<string>();
        for (var p = 0; p < figure.Panels.Count; p++)
        {
            var panel = figure.Panels[p];
            var where = figure.Panels.Count == 1 ? $"figure '{figure.Name}'" : $"figure '{figure.Name}', panel {p + 1}";
            foreach (var layer in panel.Layers)
            {
                foreach (var (axis, name, values) in LogValues(panel, layer))
                {
                    var finite = values.Count(double.IsFinite);
                    var dropped = values.Count(x => double.IsFinite(x) && x <= 0);
                    if (dropped > 0)
                    {
                        var label = layer.Name.Length > 0 ? layer.Name : name;
                        warnings.Add(dropped == finite
                            ? $"{where}: every value of {label} is ≤ 0; the logarithmic {axis} axis cannot show it"
                            : $"{where}: {dropped} of {finite} values of {label} are ≤ 0 and are left out on the logarithmic {axis} axis");
                    }
                }
            }
        }

        return warnings;
    }

    /// <summary>True when every panel with a logarithmic axis still has at least one drawable point.</summary>
    public static bool EveryLogPanelHasData(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Panels.All(panel =>
            (panel.X.Scale == AxisScale.Linear && panel.Y.Scale == AxisScale.Linear)
            || panel.Layers.OfType<LineSeries>().Any(s => Enumerable.Range(0, Math.Min(s.X.Count, s.Y.Count)).Any(i => Drawable(panel.X, s.X[i]) && Drawable(panel.Y, s.Y[i]))));
    }

    /// <summary>True when <paramref name="value"/> can be placed on <paramref name="axis"/> (finite, and &gt; 0 on a log axis).</summary>
    public static bool Drawable(FigureAxis axis, double value)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return double.IsFinite(value) && (axis.Scale == AxisScale.Linear || value > 0);
    }

    private static List<(string Axis, string Name, IReadOnlyList<double> Values)> LogValues(Panel panel, Layer layer)
    {
        var (logX, logY) = (panel.X.Scale == AxisScale.Log, panel.Y.Scale == AxisScale.Log);
        var (x, y) = layer switch
        {
            LineSeries s => (s.X, s.Y),
            Band b => (b.X, b.Lower),
            Bars bars => (bars.Positions, (IReadOnlyList<double>)[.. bars.Heights.Where(h => h != 0)]),
            ReferenceLine { Orientation: ReferenceOrientation.Horizontal } r => ([], [r.Value]),
            ReferenceLine r => ([r.Value], (IReadOnlyList<double>)[]),
            _ => ((IReadOnlyList<double>)[], (IReadOnlyList<double>)[]),
        };
        var list = new List<(string, string, IReadOnlyList<double>)>();
        if (logX && x.Count > 0)
        {
            list.Add(("x", "x", x));
        }

        if (logY && y.Count > 0)
        {
            list.Add(("y", layer is Band ? "band (lower edge)" : "y", y));
        }

        return list;
    }
}
