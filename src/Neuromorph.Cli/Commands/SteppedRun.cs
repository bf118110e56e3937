using Neuromorph.Circuits.Simulation;
using Neuromorph.Plotting;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// The plot of a SPICE <c>.step</c> run: one panel per printed column with one series per step. Running the steps
/// (and stacking their tables) is the library's <see cref="NetlistSimulation"/>; larger studies belong in <c>neuromorph sweep</c>.
/// </summary>
public static class SteppedRun
{
    /// <summary>Writes <c>NAME.svg</c> for a stepped analysis into <paramref name="dir"/>; returns its path, or null for op.</summary>
    public static string? Plot(AnalysisOutput output, string dir)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (output.Kind is "op" or "ac")
        {
            return null;
        }

        var first = output.Runs[0].Result;
        var names = output.StepNames;
        var panels = first.Columns.Select((c, ci) =>
        {
            var plot = new LinePlot { Title = ci == 0 ? $"{output.Kind} analysis, .step {string.Join(", ", names)}" : "", X = new Axis(output.Kind == "tran" ? "Time" : first.IndependentName, output.Kind == "tran" ? "s" : ""), Y = new Axis(c.Header), Height = 300 };
            foreach (var (step, r) in output.Runs)
            {
                plot.Add(new Series(string.Join(", ", names.Select(n => $"{n} = {step[n]:G4}")), r.Independent, r.Columns[ci].Values));
            }

            return plot;
        }).ToList();
        var svg = Path.Combine(dir, $"{output.Name}.svg");
        new StackedPlot(panels).Save(svg);
        return svg;
    }
}
