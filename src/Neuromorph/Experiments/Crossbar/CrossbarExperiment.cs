using System.Globalization;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Crossbar;

/// <summary>
/// <c>kind: crossbar</c>: programs an array (non-idealities applied), reads a batch of input vectors and compares
/// with the ideal product of the targets (<see cref="CrossbarEvaluator"/>). Writes <c>outputs.csv</c>,
/// <c>ideal_outputs.csv</c>, <c>device_currents.csv</c>, <c>node_voltages.csv</c>, heatmaps (<see cref="CrossbarFigures"/>), and
/// <c>crossbar.cir</c> (the first read as a SPICE netlist, for ngspice; elsewhere with <c>--export-netlist FILE</c>).
/// </summary>
public sealed class CrossbarExperiment : Experiment<CrossbarExperimentSpec>, INetlistExporter
{
    /// <inheritdoc />
    public string DefaultNetlistName => "crossbar.cir";

    /// <inheritdoc />
    public override string Kind => "crossbar";

    /// <inheritdoc />
    public override string Description => "vector-matrix products on a memristive crossbar with wire resistance and device non-idealities";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames => CrossbarEvaluator.MetricNames;

    /// <inheritdoc />
    public override CrossbarExperimentSpec Read(YamlSection root, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var spec = CrossbarSpecReader.Read(root, seed);
        var array = root.GetSection("array");
        var clipping = array.TryGetSection("mapping") is { } map && map.Has("w_max") ? map.LocationOf("w_max") : array.LocationOf(array.Has("weights") ? "weights" : "weights_csv");
        return new CrossbarExperimentSpec(spec, clipping);
    }

    /// <inheritdoc />
    public override ExperimentReport Run(CrossbarExperimentSpec experiment, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        var spec = experiment.Crossbar;
        var result = CrossbarEvaluator.Evaluate(spec, context.CancellationToken);
        var array = result.Array;
        var files = new List<ResultFile>();
        if (context.OutputDirectory is { } dir)
        {
            files.Add(Rows("outputs.csv", result.Outputs));
            files.Add(Rows("ideal_outputs.csv", result.Expected));
            if (spec.WriteDeviceCurrents && spec.Inputs.Length > 0)
            {
                files.Add(Matrix("device_currents.csv", result.FirstDeviceCurrents));
            }

            if (result.FirstRead is { } read)
            {
                var cells = Enumerable.Range(0, array.Rows * array.Columns).ToArray();
                files.Add(new ResultTable("node_voltages.csv", ["row", "column", "word_line_v", "bit_line_v"],
                [
                    cells.Select(k => (double)(k / array.Columns)).ToArray(),
                    cells.Select(k => (double)(k % array.Columns)).ToArray(),
                    cells.Select(k => read.WordLine[k / array.Columns, k % array.Columns]).ToArray(),
                    cells.Select(k => read.BitLine[k / array.Columns, k % array.Columns]).ToArray(),
                ]));
            }

            if (result.Written is { Failures.Count: > 0 } failed)
            {
                files.Add(new ResultText("programming_failures.csv", "row,column,target_s,achieved_s,pulses\n" + string.Concat(failed.Failures.Select(f =>
                    string.Create(CultureInfo.InvariantCulture, $"{f.Row + 1},{f.Column + 1},{f.Target:R},{f.Achieved:R},{f.Pulses}\n")))));
            }

            if (spec.Inputs.Length > 0)
            {
                // --export-netlist FILE puts the netlist where the user chose, else beside the other files
                var netlist = context.NetlistPath is { } chosen ? Path.GetFullPath(chosen) : Path.Combine(dir, DefaultNetlistName);
                files.Add(new ResultText(netlist, CrossbarNetlistWriter.Write(array, spec.Inputs[0])));
            }
        }

        return new ExperimentReport(result.Metrics, [], Summary(spec, result))
        {
            Outputs = files,
            Figures = context.OutputDirectory is null ? [] : CrossbarFigures.Of(result, spec.WriteDeviceCurrents && spec.Inputs.Length > 0),
            Warnings = ClippingWarnings(experiment.ClippingLocation, spec, result),
        };
    }

    /// <summary>Weights beyond w_max are programmed clipped to ±w_max; the outputs then miss the ideal W·x, and the user is told where.</summary>
    private static Diagnostic[] ClippingWarnings(SourceLocation at, CrossbarSpec spec, CrossbarEvaluation result)
    {
        var clipped = (int)result.Metrics["clipped_weights"];
        if (clipped == 0 || spec.Mapping is not { } mapping || spec.Weights is not { } weights)
        {
            return [];
        }

        return [Diagnostic.Warning(at, string.Create(CultureInfo.InvariantCulture,
            $"{clipped} of {weights.Length} weights exceed w_max = {mapping.WMax:G6} in magnitude and are programmed clipped to ±{mapping.WMax:G6}; ideal_outputs.csv holds the unclipped W·x"),
            "raise w_max to the largest |weight|, or leave it out to use the largest |weight|")];
    }

    private static string Summary(CrossbarSpec spec, CrossbarEvaluation result)
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"crossbar {result.Array.Rows}x{result.Array.Columns}{(spec.Mapping is null ? "" : $" ({spec.Mapping.Scheme.ToString().ToLowerInvariant()} mapping, {spec.Mapping.Outputs} outputs)")}, {spec.Inputs.Length} input vectors: relative error vs ideal {result.Metrics["vmm_error"]:G4}, max |error| {result.Metrics["max_abs_error"]:G4}");
        if (result.IterativeIterations is { } iterations)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; iterative solver (PCG): {iterations} iterations in all");
        }

        if (result.Metrics["clipped_weights"] > 0)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; {result.Metrics["clipped_weights"]} weight(s) clipped to ±w_max");
        }

        if (result.Written is { } written)
        {
            summary += written.Failures.Count == 0
                ? $"; write-verify: every device within tolerance ({written.Pulses.Cast<int>().Average():0.0} pulses on average)"
                : $"; write-verify: {written.Failures.Count} device(s) missed their target (first: row {written.Failures[0].Row + 1}, column {written.Failures[0].Column + 1}), listed in programming_failures.csv";
        }

        return summary;
    }

    private static ResultTable Rows(string name, double[][] rows)
    {
        var n = rows.Length > 0 ? rows[0].Length : 0;
        var columns = Enumerable.Range(0, n).Select(j => (IReadOnlyList<double>)rows.Select(r => r[j]).ToArray()).ToList();
        return new ResultTable(name, [.. Enumerable.Range(0, n).Select(j => $"out{j}")], columns);
    }

    private static ResultTable Matrix(string name, double[,] m)
    {
        var columns = Enumerable.Range(0, m.GetLength(1)).Select(j => (IReadOnlyList<double>)Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, j]).ToArray()).ToList();
        return new ResultTable(name, [.. Enumerable.Range(0, m.GetLength(1)).Select(j => $"col{j}")], columns);
    }
}
