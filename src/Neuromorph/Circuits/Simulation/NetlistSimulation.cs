using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Simulation;

/// <summary>An engine that simulates a parsed netlist's analyses (the MNA simulator, or the CTD engine for memristor networks).</summary>
public delegate IReadOnlyList<AnalysisResult> NetlistEngine(Netlist netlist, IProgress<double>? progress, CancellationToken cancel);

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
    /// <param name="engine">The engine (null: the MNA simulator).</param>
    /// <param name="progress">Receives the fraction of each transient done.</param>
    /// <param name="cancel">Stops the run.</param>
    /// <param name="parsed">Called with the parsed netlist before anything is simulated (to check what the caller will write, or to warn about its size).</param>
    public static SimulationReport Run(string path, NetlistEngine? engine = null, IProgress<double>? progress = null, CancellationToken cancel = default, Action<Netlist>? parsed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        engine ??= (n, p, c) => CircuitSimulator.Run(n, p, cancel: c);
        var text = NetlistSource.LoadText(path);
        var netlist = NetlistParser.Parse(text, path);
        parsed?.Invoke(netlist);
        var combos = StepCombinations(netlist);
        var runs = new List<(IReadOnlyDictionary<string, double> Step, IReadOnlyList<AnalysisResult> Results)>();
        foreach (var combo in combos)
        {
            var n = combo.Count == 0 ? netlist : NetlistParser.Parse(text, path, combo);
            runs.Add((combo, RunAltered(n, engine, progress, cancel)));
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
                    var result = (m.AnalysisIndex is int index ? results[index] : results.FirstOrDefault(r => r.Kind == kind))
                        ?? throw new UserInputException(m.Location, $".measure {m.Name} measures a {kind} analysis, but the netlist runs none", $"add a .{kind} analysis");
                    if (result.Kind != kind)
                    {
                        throw new UserInputException(m.Location, $"meas {m.Analysis.ToString().ToLowerInvariant()} {m.Name} follows a {result.Kind} analysis", $"run a {kind} analysis before it");
                    }

                    value = Measurement.Evaluate(m, result);
                }

                values.Add(value);
                known[m.Name] = value.Succeeded ? value.Value : double.NaN;
            }

            measures.Add(new StepMeasures(step, values));
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
    /// Runs the analyses of <paramref name="netlist"/>; where a <c>.control</c> block alters elements or models between
    /// them, each group of analyses with the same alterations runs on its own altered copy of the netlist.
    /// </summary>
    private static IReadOnlyList<AnalysisResult> RunAltered(Netlist netlist, NetlistEngine engine, IProgress<double>? progress, CancellationToken cancel)
    {
        var alterations = netlist.Control?.Alterations;
        if (alterations is null || alterations.All(a => a.Count == 0) || alterations.Count != netlist.Analyses.Count)
        {
            return engine(netlist, progress, cancel);
        }

        var results = new List<AnalysisResult>();
        for (var k = 0; k < netlist.Analyses.Count;)
        {
            var end = k + 1;
            while (end < netlist.Analyses.Count && ReferenceEquals(alterations[end], alterations[k]))
            {
                end++;
            }

            var part = Altered(netlist, alterations[k], k, end);
            results.AddRange(engine(part, progress, cancel));
            foreach (var w in part.Warnings.Where(w => !netlist.Warnings.Contains(w)))
            {
                netlist.Warnings.Add(w);
            }

            k = end;
        }

        return results;
    }

    /// <summary>A copy of <paramref name="netlist"/> with analyses <paramref name="from"/> to <paramref name="to"/> (exclusive) and <paramref name="alterations"/> applied.</summary>
    private static Netlist Altered(Netlist netlist, IReadOnlyList<Alteration> alterations, int from, int to)
    {
        var copy = new Netlist { Title = netlist.Title, SourceFile = netlist.SourceFile, End = netlist.End, Temperature = netlist.Temperature };
        copy.Elements.AddRange(netlist.Elements.Select(e => ControlBlock.Apply(e, alterations)));
        foreach (var (name, model) in netlist.Models)
        {
            var changes = alterations.Where(a => a.Model && string.Equals(a.Target, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (changes.Count == 0)
            {
                copy.Models[name] = model;
                continue;
            }

            var parameters = new Dictionary<string, double>(model.Parameters, StringComparer.OrdinalIgnoreCase);
            foreach (var a in changes)
            {
                parameters[a.Parameter] = a.Value;
            }

            copy.Models[name] = model with { Parameters = parameters };
        }

        copy.Analyses.AddRange(netlist.Analyses.Skip(from).Take(to - from));
        copy.Prints.AddRange(netlist.Prints);
        copy.Measures.AddRange(netlist.Measures.Where(m => m.AnalysisIndex is null));
        copy.ControlOutputs.AddRange(netlist.ControlOutputs.Where(o => o.AnalysisIndex >= from && o.AnalysisIndex < to).Select(o => o with { AnalysisIndex = o.AnalysisIndex - from }));
        foreach (var m in netlist.Measures.Where(m => m.AnalysisIndex >= from && m.AnalysisIndex < to))
        {
            // the vectors a control-block meas reads are recorded like those of a print
            copy.ControlOutputs.Add(new ControlOutput(ControlOutputKind.Record, null, [.. new[] { m.Vector, m.Trigger?.Vector, m.Target?.Vector }.OfType<OutputVariable>()], m.AnalysisIndex!.Value - from, m.Location));
        }

        foreach (var (k, v) in netlist.Options)
        {
            copy.Options[k] = v;
        }

        foreach (var (k, v) in netlist.TextOptions)
        {
            copy.TextOptions[k] = v;
        }

        foreach (var (k, v) in netlist.InitialConditions)
        {
            copy.InitialConditions[k] = v;
        }

        foreach (var (k, v) in netlist.NodeSets)
        {
            copy.NodeSets[k] = v;
        }

        foreach (var (k, v) in netlist.Parameters)
        {
            copy.Parameters[k] = v;
        }

        return copy;
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

/// <summary>Everything one simulate run produced.</summary>
public sealed record SimulationReport(Netlist Netlist, IReadOnlyList<AnalysisOutput> Analyses, IReadOnlyList<StepMeasures> Measures, IReadOnlyList<ControlResult> ControlOutputs)
{
    /// <summary>True when the deck has <c>.step</c> lines.</summary>
    public bool Stepped => Netlist.Steps.Count > 0;
}

/// <summary>One run of an analysis at one <c>.step</c> combination (empty for an unstepped deck).</summary>
public sealed record StepRun(IReadOnlyDictionary<string, double> Step, AnalysisResult Result);

/// <summary>The measurements of one run.</summary>
public sealed record StepMeasures(IReadOnlyDictionary<string, double> Step, IReadOnlyList<MeasureResult> Values);

/// <summary>A control-block <c>wrdata</c>/<c>print</c> with the result it reads.</summary>
public sealed record ControlResult(ControlOutput Output, AnalysisResult Result)
{
    /// <summary>The text the command wrote (ngspice's layout), or null to format <see cref="Output"/>'s vectors of <see cref="Result"/>.</summary>
    public string? Text { get; init; }
}

/// <summary>
/// One analysis of the deck over all step runs. <see cref="Name"/> is its file stem (<c>tran</c>, <c>tran2</c>, <c>dc</c> ...);
/// <see cref="Table"/> stacks the runs with the stepped parameters as leading columns.
/// </summary>
public sealed record AnalysisOutput(string Name, string Kind, IReadOnlyList<string> StepNames, IReadOnlyList<StepRun> Runs)
{
    /// <summary>Headers and columns of the CSV table: stepped parameters, the independent variable (not for op), then the printed columns.</summary>
    public (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<double>> Columns) Table()
    {
        var first = Runs[0].Result;
        var op = Kind == "op";
        var headers = StepNames.Concat(op ? [] : [first.IndependentName]).Concat(first.Columns.Select(c => c.Header)).ToList();
        var columns = headers.Select(_ => new List<double>()).ToList();
        foreach (var (step, r) in Runs)
        {
            var rows = op ? 1 : r.Independent.Length;
            for (var i = 0; i < rows; i++)
            {
                var k = 0;
                foreach (var n in StepNames)
                {
                    columns[k++].Add(step[n]);
                }

                if (!op)
                {
                    columns[k++].Add(r.Independent[i]);
                }

                foreach (var c in r.Columns)
                {
                    columns[k++].Add(c.Values[i]);
                }
            }
        }

        return (headers, columns.Select(c => (IReadOnlyList<double>)c).ToList());
    }
}
