using Neuromorph.Crossbars;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Crossbar;

/// <summary>Heatmaps of a crossbar run: programmed conductances, and for the first input the device currents and IR drop.</summary>
public static class CrossbarFigures
{
    private static readonly FigureAxis Columns = new("bit line (column)");
    private static readonly FigureAxis Rows = new("word line (row)");

    /// <summary>conductance, device_currents (when recorded) and ir_drop (when the first read was solved with wires).</summary>
    public static IReadOnlyList<Figure> Of(CrossbarEvaluation result, bool deviceCurrents)
    {
        ArgumentNullException.ThrowIfNull(result);
        var figures = new List<Figure>
        {
            Map("conductance", "Programmed conductance", Scale(result.Programmed, 1e6), new FigureAxis("G", "µS")),
        };
        if (deviceCurrents)
        {
            figures.Add(Map("device_currents", "Device currents, input 1", result.FirstDeviceCurrents, new FigureAxis("I", "A")));
        }

        if (result.FirstRead is { } read)
        {
            figures.Add(Map("ir_drop", "IR drop across each device, input 1", read.IrDrop, new FigureAxis("V_in - V_device", "V")));
        }

        return figures;
    }

    private static Figure Map(string name, string title, double[,] values, FigureAxis colors)
    {
        var (rows, cols) = (values.GetLength(0), values.GetLength(1));
        var side = Math.Clamp(520.0 / Math.Max(rows, cols), 4, 60);
        var panel = new Panel(Columns, Rows, [new HeatmapLayer(values, colors)]) { Legend = LegendPlacement.None };
        return new Figure(name, [panel])
        {
            Title = title,
            Width = (int)Math.Max(420, (cols * side) + 230),
            PanelHeight = (int)Math.Max(260, (rows * side) + 100),
        };
    }

    private static double[,] Scale(double[,] m, double s)
    {
        var r = (double[,])m.Clone();
        for (var i = 0; i < r.GetLength(0); i++)
        {
            for (var j = 0; j < r.GetLength(1); j++)
            {
                r[i, j] *= s;
            }
        }

        return r;
    }
}
