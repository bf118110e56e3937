using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Netlist;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Io;
using Neuromorph.Plotting;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// SPICE <c>.step param</c>: runs the netlist once per combination of stepped values (.param overrides) and writes one
/// CSV per analysis with the stepped parameters as leading columns, rows of all steps stacked, and a plot per printed
/// column with one series per step. Larger parameter studies belong in <c>neuromorph sweep</c>.
/// </summary>
public static class SteppedRun
{
    /// <summary>Runs every step combination of <paramref name="netlist"/> (read from <paramref name="path"/>).</summary>
    public static void Run(string path, Netlist netlist, string dir, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(log);
        var combos = new List<Dictionary<string, double>> { new(StringComparer.OrdinalIgnoreCase) };
        foreach (var step in netlist.Steps)
        {
            if (!netlist.Parameters.ContainsKey(step.Parameter))
            {
                throw new UserInputException(step.Location, $".step varies '{step.Parameter}', which no .param defines", "declare it with .param NAME=value");
            }

            combos = [.. combos.SelectMany(c => step.Values.Select(v => new Dictionary<string, double>(c, StringComparer.OrdinalIgnoreCase) { [step.Parameter] = v }))];
        }

        var names = netlist.Steps.Select(s => s.Parameter).ToList();
        var byKind = new Dictionary<string, List<(Dictionary<string, double> Step, AnalysisResult Result)>>();
        var text = NetlistSource.LoadText(path);
        foreach (var combo in combos)
        {
            foreach (var r in CircuitSimulator.Run(NetlistParser.Parse(text, path, combo)))
            {
                (byKind.TryGetValue(r.Kind, out var list) ? list : byKind[r.Kind] = []).Add((combo, r));
            }
        }

        log.WriteLine($"{netlist.Title}");
        foreach (var (kind, runs) in byKind)
        {
            var first = runs[0].Result;
            var headers = names.Concat(kind == "op" ? [] : [first.IndependentName]).Concat(first.Columns.Select(c => c.Header)).ToList();
            var columns = headers.Select(_ => new List<double>()).ToList();
            foreach (var (step, r) in runs)
            {
                var rows = kind == "op" ? 1 : r.Independent.Length;
                for (var i = 0; i < rows; i++)
                {
                    var k = 0;
                    foreach (var n in names)
                    {
                        columns[k++].Add(step[n]);
                    }

                    if (kind != "op")
                    {
                        columns[k++].Add(r.Independent[i]);
                    }

                    foreach (var c in r.Columns)
                    {
                        columns[k++].Add(c.Values[i]);
                    }
                }
            }

            var csv = Path.Combine(dir, $"{kind}.csv");
            CsvTable.Write(csv, headers, columns.Select(c => (IReadOnlyList<double>)c).ToList());
            var written = new List<string> { csv };
            if (kind != "op")
            {
                var panels = first.Columns.Select((c, ci) =>
                {
                    var plot = new LinePlot { Title = ci == 0 ? $"{kind} analysis, .step {string.Join(", ", names)}" : "", X = new Axis(kind == "tran" ? "Time" : first.IndependentName, kind == "tran" ? "s" : ""), Y = new Axis(c.Header), Height = 300 };
                    foreach (var (step, r) in runs)
                    {
                        plot.Add(new Series(string.Join(", ", names.Select(n => $"{n} = {step[n]:G4}")), r.Independent, r.Columns[ci].Values));
                    }

                    return plot;
                }).ToList();
                var svg = Path.Combine(dir, $"{kind}.svg");
                new StackedPlot(panels).Save(svg);
                written.Add(svg);
            }

            log.WriteLine($"  {kind,-4} {runs.Count} steps, {runs.Sum(r => r.Result.Statistics.Points)} points");
            log.WriteLine($"       wrote {string.Join(", ", written.Select(p => Path.GetRelativePath(Environment.CurrentDirectory, p)))}");
        }
    }
}
