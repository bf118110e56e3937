using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;

namespace Neuromorph.Studies.Subjects;

/// <summary>
/// A SPICE netlist as a study subject: each run simulates the netlist as <c>simulate</c> does (through
/// <see cref="NetlistExperiment"/>: control blocks, <c>.measure</c>) with the run's <c>.param</c> overrides. A metric
/// <c>value: NAME</c> is the netlist's <c>.measure NAME</c>; the waveform metrics (final, at, min, max, average, rms,
/// cross) are a thin adapter kept for existing study files: they measure the printed waveforms of the first transient
/// (or DC sweep, or operating point) of the same run. A deck with <c>.step</c> is refused: each metric needs one value
/// per run. The MNA engine runs it; <c>engine: ctd</c> is a <c>kind: netlist</c> experiment base.
/// </summary>
public sealed class NetlistSubject(string path) : IStudySubject
{
    private readonly string _text = NetlistSource.LoadText(path);

    /// <inheritdoc />
    public IReadOnlyList<string> InputFiles => NetlistSource.Read(_text, path, []).Files;

    /// <inheritdoc />
    public void Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var netlist = NetlistParser.Parse(_text, path);
        var file = Path.GetFileName(path);
        foreach (var axis in spec.Axes.Where(a => !netlist.Parameters.ContainsKey(a.Key)))
        {
            throw new UserInputException(axis.Location, $"parameter '{axis.Key}' is not a .param of {file}",
                netlist.Parameters.Count == 0 ? "declare it in the netlist with .param NAME=value" : Suggestions.Hint(axis.Key, netlist.Parameters.Keys.ToList()));
        }

        if (netlist.Steps.Count > 0)
        {
            throw new UserInputException(netlist.Steps[0].Location, $"{file} has .step: a study's metrics take one value per run, the steps would give several",
                "vary the parameter as a study parameter instead of .step");
        }

        var kind = netlist.Analyses.OfType<TranCard>().Any() ? PrintAnalysis.Tran : netlist.Analyses.OfType<DcCard>().Any() ? PrintAnalysis.Dc : PrintAnalysis.Op;
        var columns = netlist.Prints.Where(p => p.Analysis == kind).SelectMany(p => p.Items).Select(i => i.Header).ToList();
        var measures = netlist.Measures.Select(m => m.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var m in spec.Metrics)
        {
            if (m.Kind == MetricKind.Value)
            {
                if (!measures.Contains(m.Signal, StringComparer.OrdinalIgnoreCase))
                {
                    throw new UserInputException(m.Location, $"metric '{m.Name}': {file} has no .measure '{m.Signal}'",
                        measures.Count == 0 ? "add a .measure line to the netlist, or measure a printed waveform with final, at, min, max, average, rms or cross" : Suggestions.Hint(m.Signal, measures));
                }

                continue;
            }

            if (kind == PrintAnalysis.Tran && netlist.Analyses.OfType<TranCard>().First() is var tran)
            {
                WaveformMetrics.RequireWithin(m, 0, tran.Stop);
            }

            if (!columns.Contains(m.Signal, StringComparer.OrdinalIgnoreCase))
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}' reads '{m.Signal}', which {file} does not .print {kind.ToString().ToLowerInvariant()}",
                    columns.Count == 0 ? $"add .print {kind.ToString().ToLowerInvariant()} {m.Signal} to the netlist" : Suggestions.Hint(m.Signal, columns));
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate(StudySpec spec, StudyPoint run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        var result = NetlistExperiment.Run(new NetlistSpec(path) { Parameters = run.Parameters, Text = _text }, new ExperimentContext(null, TextWriter.Null, cancellationToken));
        var analyses = result.Report.Analyses;
        var waveforms = (analyses.FirstOrDefault(a => a.Kind == "tran") ?? analyses.FirstOrDefault(a => a.Kind == "dc") ?? analyses[0]).Runs[0].Result;
        var x = waveforms.IsPoint ? [0.0] : waveforms.Independent;
        var measures = result.MeasureValues;
        return spec.Metrics.ToDictionary(
            m => m.Name,
            m => m.Kind == MetricKind.Value ? measures.GetValueOrDefault(m.Signal, double.NaN) : WaveformMetrics.Evaluate(m, x, waveforms.Column(m.Signal)!.Values),
            StringComparer.OrdinalIgnoreCase);
    }
}
