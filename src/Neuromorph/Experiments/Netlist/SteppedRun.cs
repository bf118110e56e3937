using System.Globalization;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Figures;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// The figure of a SPICE <c>.step</c> run: one panel per printed column with one series per step, sharing the x axis.
/// Running the steps (and stacking their tables) is the library's <see cref="NetlistSimulation"/>; larger studies belong
/// in <c>neuromorph sweep</c>.
/// </summary>
public static class SteppedRun
{
    /// <summary>The stacked figure of a stepped .tran or .dc analysis, named after it.</summary>
    public static Figure Figure(AnalysisOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var first = output.Runs[0].Result;
        var x = ResultPlots.XAxis(output);
        var panels = first.Columns.Select((c, ci) =>
        {
            var (label, unit) = ResultPlots.Quantity(c.Header);
            var layers = output.Runs.Select(run => (Layer)new LineSeries(Label(output.StepNames, run.Step), run.Result.Independent, run.Result.Columns[ci].Values)).ToList();
            return new Panel(x, new FigureAxis(unit.Length > 0 ? $"{c.Header}" : label, unit), layers);
        }).ToList();
        return new Figure(output.Name, panels) { Title = $"{output.Kind} analysis, .step {string.Join(", ", output.StepNames)}", SharedX = true };
    }

    /// <summary>The legend text of one step: <c>r = 500</c>, <c>r = 1000, c = 1e-06</c>.</summary>
    public static string Label(IReadOnlyList<string> names, IReadOnlyDictionary<string, double> step)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(step);
        return string.Join(", ", names.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n} = {step[n]:G4}")));
    }
}
