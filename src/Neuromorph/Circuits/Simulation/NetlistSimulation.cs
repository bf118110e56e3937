using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Simulation;

/// <summary>
/// <c>neuromorph simulate</c> as a library service: reads a netlist, runs it with the chosen engine once, or once per
/// <c>.step</c> combination (each a re-read with .param overrides), and returns one <see cref="AnalysisOutput"/> per
/// analysis of the deck (several .tran or .dc in one deck stay separate: tran, tran2, ...), the measurements of every
/// run and the control-block outputs. Writing files and drawing plots is the caller's business.
/// </summary>
public static class NetlistSimulation
{
    /// <summary>Runs the netlist at <paramref name="path"/> with <paramref name="engine"/> (default: the MNA simulator).</summary>
    /// <param name="path">The netlist file.</param>
    /// <param name="engine">The engine (null: <see cref="MnaEngine"/>).</param>
    /// <param name="progress">Receives the fraction of each transient done.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <param name="parsed">Called with the parsed netlist before anything is simulated (to check what the caller will write, or to warn about its size).</param>
    public static SimulationReport Run(string path, INetlistEngine? engine = null, IProgress<double>? progress = null, CancellationToken cancel = default, Action<Netlist>? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Run(path, NetlistSource.LoadText(path), new Dictionary<string, double>(), engine, progress, cancel, parsed);
    }

    /// <summary>
    /// Runs the netlist <paramref name="text"/> (read from <paramref name="path"/>) with <paramref name="overrides"/> of its
    /// <c>.param</c> values (a study's point); a <c>.step</c> value overrides an override of the same parameter.
    /// </summary>
    /// <param name="path">The netlist file (locations, includes).</param>
    /// <param name="text">Its text.</param>
    /// <param name="overrides">Parameter values that replace the netlist's <c>.param</c> values.</param>
    /// <param name="engine">The engine (null: <see cref="MnaEngine"/>).</param>
    /// <param name="progress">Receives the fraction of each transient done.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <param name="parsed">Called with the parsed netlist before anything is simulated.</param>
    public static SimulationReport Run(string path, string text, IReadOnlyDictionary<string, double> overrides, INetlistEngine? engine = null, IProgress<double>? progress = null, CancellationToken cancel = default, Action<Netlist>? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(overrides);
        engine ??= MnaEngine.Instance;
        var netlist = NetlistParser.Parse(text, path, overrides.Count == 0 ? null : overrides);
        parsed?.Invoke(netlist);
        if (netlist.Elements.Count == 0 && netlist.Analyses.Count > 0)
        {
            // ngspice-39 runs such a deck (tests/regression/misc/empty-1.cir, "survive emptiness") and its analyses yield no
            // vectors; a deck of control-block variables, loops and echo only (no analyses) runs its control block as before
            netlist.Warnings.Add(Diagnostic.Warning(new SourceLocation(path, 1, 1), "the netlist has no elements: nothing is simulated", "add elements between the title line and .end"));
            // the control block's own commands (echo, let on constants) still run, as in ngspice
            return new SimulationReport(netlist, [], [], ControlRunner.Run(netlist, [], []));
        }

        var combos = StepCombinations(netlist);
        var runs = new List<(IReadOnlyDictionary<string, double> Step, IReadOnlyList<AnalysisResult> Results)>();
        foreach (var combo in combos)
        {
            var n = combo.Count == 0 ? netlist : NetlistParser.Parse(text, path, Merge(overrides, combo));
            runs.Add((combo, AlteredRuns.Run(n, engine, progress, cancel)));
        }

        // what a run reports about itself, once, at the line of the analysis that reported it
        for (var k = 0; k < runs[0].Results.Count; k++)
        {
            var at = k < netlist.Analyses.Count ? netlist.Analyses[k].Location : new SourceLocation(path, 1, 1);
            foreach (var warning in runs.SelectMany(r => r.Results[k].Warnings).Distinct(StringComparer.Ordinal))
            {
                netlist.Warnings.Add(Diagnostic.Warning(at, warning, runs[0].Results[k].Kind == "sens"
                    ? "their sensitivities are left out of the sens table"
                    : "the states stay within tolerance; a smooth window (or a smaller threshold slope) avoids the jump"));
            }
        }

        var names = netlist.Steps.Select(s => s.Parameter).ToList();
        var outputs = new List<AnalysisOutput>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < runs[0].Results.Count; k++)
        {
            var kind = runs[0].Results[k].Kind;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
            var stem = counts[kind] == 1 ? kind : $"{kind}{counts[kind]}";
            outputs.Add(new AnalysisOutput(stem, kind, names, [.. runs.Select(r => new StepRun(r.Step, r.Results[k]))]));
        }

        var measures = new List<StepMeasures>();
        foreach (var (step, results) in runs)
        {
            measures.Add(new StepMeasures(step, Measure(netlist, results, step, false)));
        }

        var control = ControlRunner.Run(netlist, runs[0].Results, measures[0].Values);
        if (runs.Count > 1 && control.Count > 0)
        {
            // a control block's wrdata/print reads one run, as in ngspice without its own loop: say which one
            netlist.Warnings.Add(Diagnostic.Warning(control[0].Output.Location,
                $"'{(control[0].Output.Kind == ControlOutputKind.Wrdata ? "wrdata" : "print")}' writes the first .step run only ({string.Join(", ", runs[0].Step.Select(kv => $"{kv.Key} = {kv.Value:G6}"))}); the results of all {runs.Count} runs are stacked in the analysis CSVs",
                "read every step from the CSV files, or drop .step"));
        }

        return new SimulationReport(netlist, outputs, measures, control);
    }

    /// <summary>
    /// The measurements of <paramref name="netlist"/> (one per <see cref="Netlist.Measures"/> entry) on
    /// <paramref name="results"/> with the <c>.step</c> values <paramref name="step"/>; <paramref name="partial"/>: the
    /// results of the analyses run so far (a <c>.control</c> condition's), a measurement of an analysis not yet run failing.
    /// </summary>
    internal static List<MeasureResult> Measure(Netlist netlist, IReadOnlyList<AnalysisResult> results, IReadOnlyDictionary<string, double> step, bool partial)
    {
        var values = new List<MeasureResult>();
        var known = new Dictionary<string, double>(netlist.Parameters, StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in step)
        {
            known[k] = v;
        }

        foreach (var m in netlist.Measures)
        {
            MeasureResult value;
            if (m.Function == MeasureFunction.Param)
            {
                value = Measurement.EvaluateParam(m, known);
            }
            else
            {
                var kind = m.Analysis.ToString().ToLowerInvariant();
                var result = m.AnalysisIndex is int index ? (index < results.Count ? results[index] : null) : results.FirstOrDefault(r => r.Kind == kind);
                if (result is null && partial)
                {
                    value = new MeasureResult(m.Name, double.NaN, "its analysis has not run yet", m.Location);
                }
                else
                {
                    if (result is null)
                    {
                        throw new UserInputException(m.Location, $".measure {m.Name} measures a {kind} analysis, but the netlist runs none", $"add a .{kind} analysis");
                    }

                    if (result.Kind != kind)
                    {
                        throw new UserInputException(m.Location, $"meas {m.Analysis.ToString().ToLowerInvariant()} {m.Name} follows a {result.Kind} analysis", $"run a {kind} analysis before it");
                    }

                    value = Measurement.Evaluate(m, result, known);
                }
            }

            values.Add(value);
            known[m.Name] = value.Succeeded ? value.Value : double.NaN;
        }

        return values;
    }

    private static Dictionary<string, double> Merge(IReadOnlyDictionary<string, double> overrides, IReadOnlyDictionary<string, double> step)
    {
        var merged = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in overrides.Concat(step))
        {
            merged[k] = v;
        }

        return merged;
    }

    private static List<IReadOnlyDictionary<string, double>> StepCombinations(Netlist netlist)
    {
        var combos = new List<Dictionary<string, double>> { new(StringComparer.OrdinalIgnoreCase) };
        foreach (var step in netlist.Steps)
        {
            if (!netlist.Parameters.ContainsKey(step.Parameter))
            {
                throw new UserInputException(step.Location, $".step varies '{step.Parameter}', which no .param defines", "declare it with .param NAME=value");
            }

            combos = [.. combos.SelectMany(c => step.Values.Select(v => new Dictionary<string, double>(c, StringComparer.OrdinalIgnoreCase) { [step.Parameter] = v }))];
        }

        return [.. combos];
    }
}
