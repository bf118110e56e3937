using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Studies.Subjects;

/// <summary>
/// A SPICE netlist as a study subject: each run re-reads the netlist with the run's <c>.param</c> overrides, simulates it,
/// and measures the study's metrics on the printed waveforms of the first transient (or DC sweep, or operating point).
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
        foreach (var axis in spec.Axes.Where(a => !netlist.Parameters.ContainsKey(a.Key)))
        {
            throw new UserInputException(axis.Location, $"parameter '{axis.Key}' is not a .param of {Path.GetFileName(path)}",
                netlist.Parameters.Count == 0 ? "declare it in the netlist with .param NAME=value" : Suggestions.Hint(axis.Key, netlist.Parameters.Keys.ToList()));
        }

        var kind = netlist.Analyses.OfType<TranCard>().Any() ? PrintAnalysis.Tran : netlist.Analyses.OfType<DcCard>().Any() ? PrintAnalysis.Dc : PrintAnalysis.Op;
        var columns = netlist.Prints.Where(p => p.Analysis == kind).SelectMany(p => p.Items).Select(i => i.Header).ToList();
        foreach (var m in spec.Metrics)
        {
            if (m.Kind == MetricKind.Value)
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}': a netlist base is measured on waveforms", "use final, at, min, max, average, rms or cross");
            }

            if (kind == PrintAnalysis.Tran && netlist.Analyses.OfType<TranCard>().First() is var tran)
            {
                WaveformMetrics.RequireWithin(m, 0, tran.Stop);
            }

            if (!columns.Contains(m.Signal, StringComparer.OrdinalIgnoreCase))
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}' reads '{m.Signal}', which {Path.GetFileName(path)} does not .print {kind.ToString().ToLowerInvariant()}",
                    columns.Count == 0 ? $"add .print {kind.ToString().ToLowerInvariant()} {m.Signal} to the netlist" : Suggestions.Hint(m.Signal, columns));
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate(StudySpec spec, StudyPoint run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        var netlist = NetlistParser.Parse(_text, path, run.Parameters);
        var results = CircuitSimulator.Run(netlist, cancel: cancellationToken);
        var result = results.FirstOrDefault(r => r.Kind == "tran") ?? results.FirstOrDefault(r => r.Kind == "dc") ?? results[0];
        var x = result.Kind == "op" ? [0.0] : result.Independent;
        return spec.Metrics.ToDictionary(
            m => m.Name,
            m => WaveformMetrics.Evaluate(m, x, result.Column(m.Signal)!.Values),
            StringComparer.OrdinalIgnoreCase);
    }
}
