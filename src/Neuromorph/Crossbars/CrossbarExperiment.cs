using System.Globalization;
using Neuromorph.Experiments;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Plotting;

namespace Neuromorph.Crossbars;

/// <summary>
/// <c>kind: crossbar</c>: programs an array (non-idealities applied), reads a batch of input vectors and compares
/// with the ideal product of the targets. Writes <c>outputs.csv</c>, <c>ideal_outputs.csv</c>, <c>device_currents.csv</c>
/// and heatmaps for the first input, and <c>crossbar.cir</c> (the first read as a SPICE netlist, for ngspice; elsewhere
/// with <c>--export-netlist FILE</c>).
/// </summary>
public sealed class CrossbarExperiment : IExperiment, INetlistExporter
{
    /// <inheritdoc />
    public string DefaultNetlistName => "crossbar.cir";

    /// <inheritdoc />
    public string Kind => "crossbar";

    /// <inheritdoc />
    public string Description => "vector-matrix products on a memristive crossbar with wire resistance and device non-idealities";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = ["vmm_error", "max_abs_error", "mean_abs_output", "programming_failures", "read_power"];

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var spec = CrossbarSpecReader.Read(root, context.Seed);
        var rng = new RandomStream(unchecked((int)spec.Seed));
        double gMin = spec.Mapping?.GMin ?? 0, gMax = spec.Mapping?.GMax ?? spec.Target.Cast<double>().Max();
        var programmed = Programming.Apply(spec.Target, spec.NonIdealities, gMin, gMax, spec.Levels, rng);
        ProgrammingResult? written = null;
        if (spec.Device is not null && spec.WriteVerify is not null)
        {
            // write-verify replaces open-loop programming: targets (after level quantisation) are written through the device model
            var levelled = Programming.Apply(spec.Target, new NonIdealities(), gMin, gMax, spec.Levels, rng);
            written = WriteVerify.Program(levelled, spec.Device, spec.WriteVerify);
            programmed = written.Conductance;
        }

        var effective = spec.AccessResistance is double ra && ra > 0 ? SeriesAccess(programmed, ra) : programmed;
        var array = new CrossbarArray(effective, spec.WordWire, spec.BitWire, spec.Source, spec.Sink);
        var reader = new CrossbarReader(array, spec.NonIdealities, spec.Mapping, rng, spec.Solver);
        var ideal = new CrossbarReader(new CrossbarArray(spec.Target), new NonIdealities(), spec.Mapping, rng);
        var outputs = new double[spec.Inputs.Length][];
        var expected = new double[spec.Inputs.Length][];
        for (var k = 0; k < spec.Inputs.Length; k++)
        {
            expected[k] = new double[ideal.Outputs];
            ideal.Read(spec.Inputs[k], expected[k]);
        }

        var adcRange = spec.NonIdealities.AdcRange > 0 ? (double?)null : Math.Max(1e-30, MaxAbsColumnCurrent(spec));
        double[,]? firstDeviceCurrents = null;
        for (var k = 0; k < spec.Inputs.Length; k++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            outputs[k] = new double[reader.Outputs];
            reader.Read(spec.Inputs[k], outputs[k], adcRange);
        }

        // Node voltages, device currents and power are reported for input 1. The solver's state after the batch belongs
        // to the last solve (the last input, or a unit vector once reads use the transfer matrix), so solve input 1 again.
        var firstSolve = reader.Solver is { } s0 && spec.Inputs.Length > 0 ? s0 : null;
        if (firstSolve is not null)
        {
            firstSolve.Multiply(spec.Inputs[0], new double[array.Columns]);
            firstDeviceCurrents = firstSolve.DeviceCurrents();
        }

        double errSq = 0, refSq = 0, maxAbs = 0, meanAbs = 0;
        for (var k = 0; k < outputs.Length; k++)
        {
            for (var j = 0; j < outputs[k].Length; j++)
            {
                var d = outputs[k][j] - expected[k][j];
                errSq += d * d;
                refSq += expected[k][j] * expected[k][j];
                maxAbs = Math.Max(maxAbs, Math.Abs(d));
                meanAbs += Math.Abs(outputs[k][j]);
            }
        }

        var metrics = new Dictionary<string, double>
        {
            ["vmm_error"] = refSq > 0 ? Math.Sqrt(errSq / refSq) : Math.Sqrt(errSq),
            ["max_abs_error"] = maxAbs,
            ["mean_abs_output"] = meanAbs / Math.Max(1, outputs.Length * reader.Outputs),
            ["programming_failures"] = written?.Failures.Count ?? 0,
            ["read_power"] = spec.Inputs.Length > 0 ? ReadPower(array, spec.Inputs[0], firstSolve) : 0,
        };
        var files = new List<string>();
        if (context.OutputDirectory is { } dir)
        {
            files.Add(WriteRows(Path.Combine(dir, "outputs.csv"), outputs));
            files.Add(WriteRows(Path.Combine(dir, "ideal_outputs.csv"), expected));
            var gMicro = Scale(programmed, 1e6);
            files.Add(SaveHeatmap(new Heatmap(gMicro) { Title = "Programmed conductance", XLabel = "bit line (column)", YLabel = "word line (row)", ValueLabel = "G (µS)" }, Path.Combine(dir, "conductance.svg")));
            firstDeviceCurrents ??= IdealDeviceCurrents(programmed, spec.Inputs.Length > 0 ? spec.Inputs[0] : []);
            if (spec.WriteDeviceCurrents && spec.Inputs.Length > 0)
            {
                files.Add(WriteMatrix(Path.Combine(dir, "device_currents.csv"), firstDeviceCurrents));
                files.Add(SaveHeatmap(new Heatmap(firstDeviceCurrents) { Title = "Device currents, input 1", XLabel = "bit line (column)", YLabel = "word line (row)", ValueLabel = "I (A)", ValueUnit = "A" }, Path.Combine(dir, "device_currents.svg")));
            }

            if (firstSolve is { } solver)
            {
                var drop = new double[array.Rows, array.Columns];
                for (var i = 0; i < array.Rows; i++)
                {
                    for (var j = 0; j < array.Columns; j++)
                    {
                        drop[i, j] = spec.Inputs[0][i] - (solver.NodeVoltages[solver.Word(i, j)] - solver.NodeVoltages[solver.Bit(i, j)]);
                    }
                }

                var nodes = Path.Combine(dir, "node_voltages.csv");
                var rowsIdx = Enumerable.Range(0, array.Rows * array.Columns).ToArray();
                CsvTable.Write(nodes, ["row", "column", "word_line_v", "bit_line_v"],
                [
                    rowsIdx.Select(k => (double)(k / array.Columns)).ToArray(),
                    rowsIdx.Select(k => (double)(k % array.Columns)).ToArray(),
                    rowsIdx.Select(k => solver.NodeVoltages[solver.Word(k / array.Columns, k % array.Columns)]).ToArray(),
                    rowsIdx.Select(k => solver.NodeVoltages[solver.Bit(k / array.Columns, k % array.Columns)]).ToArray(),
                ]);
                files.Add(nodes);
                files.Add(SaveHeatmap(new Heatmap(drop) { Title = "IR drop across each device (input 1)", XLabel = "bit line (column)", YLabel = "word line (row)", ValueLabel = "V_in - V_device (V)", ValueUnit = "V" }, Path.Combine(dir, "ir_drop.svg")));
            }

            if (written is { Failures.Count: > 0 })
            {
                var failPath = Path.Combine(dir, "programming_failures.csv");
                AtomicFile.WriteAllText(failPath, "row,column,target_s,achieved_s,pulses\n" + string.Concat(written.Failures.Select(f =>
                    string.Create(CultureInfo.InvariantCulture, $"{f.Row + 1},{f.Column + 1},{f.Target:R},{f.Achieved:R},{f.Pulses}\n"))));
                files.Add(failPath);
            }

            if (spec.Inputs.Length > 0)
            {
                var netlist = context.NetlistPath ?? Path.Combine(dir, DefaultNetlistName);
                if (Path.GetDirectoryName(Path.GetFullPath(netlist)) is { } netlistDir)
                {
                    Directory.CreateDirectory(netlistDir);
                }

                AtomicFile.WriteAllText(netlist, CrossbarNetlistWriter.Write(array, spec.Inputs[0]));
                files.Add(netlist);
            }
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"crossbar {array.Rows}x{array.Columns}{(spec.Mapping is null ? "" : $" ({spec.Mapping.Scheme.ToString().ToLowerInvariant()} mapping, {spec.Mapping.Outputs} outputs)")}, {spec.Inputs.Length} input vectors: relative error vs ideal {metrics["vmm_error"]:G4}, max |error| {maxAbs:G4}");
        if (reader.Solver is { IsIterative: true } iterative)
        {
            summary += string.Create(CultureInfo.InvariantCulture, $"; iterative solver (PCG): {iterative.TotalIterations} iterations in all");
        }

        if (written is not null)
        {
            summary += written.Failures.Count == 0
                ? $"; write-verify: every device within tolerance ({written.Pulses.Cast<int>().Average():0.0} pulses on average)"
                : $"; write-verify: {written.Failures.Count} device(s) missed their target (first: row {written.Failures[0].Row + 1}, column {written.Failures[0].Column + 1}), listed in programming_failures.csv";
        }

        return new ExperimentReport(metrics, files, summary);
    }

    private static double[,] SeriesAccess(double[,] g, double ra)
    {
        var r = (double[,])g.Clone();
        for (var i = 0; i < r.GetLength(0); i++)
        {
            for (var j = 0; j < r.GetLength(1); j++)
            {
                r[i, j] = r[i, j] > 0 ? 1 / ((1 / r[i, j]) + ra) : 0;
            }
        }

        return r;
    }

    /// <summary>
    /// Power drawn by the devices for one read, watts: Σ G_ij V_ij², with the device voltages of <paramref name="solved"/>
    /// (already solved for <paramref name="v"/>) when wires have resistance, else V_ij = v_i.
    /// </summary>
    private static double ReadPower(CrossbarArray array, double[] v, NodalSolver? solved)
    {
        double p = 0;
        for (var i = 0; i < array.Rows; i++)
        {
            for (var j = 0; j < array.Columns; j++)
            {
                var d = solved is null ? v[i] : solved.NodeVoltages[solved.Word(i, j)] - solved.NodeVoltages[solved.Bit(i, j)];
                p += array.Conductance[i, j] * d * d;
            }
        }

        return p;
    }

    private static double MaxAbsColumnCurrent(CrossbarSpec spec)
    {
        var a = new CrossbarArray(spec.Target);
        var cols = new double[a.Columns];
        double max = 0;
        foreach (var v in spec.Inputs)
        {
            a.MultiplyIdeal(v, cols);
            max = Math.Max(max, cols.Max(Math.Abs));
        }

        return max * 1.05;
    }

    private static double[,] IdealDeviceCurrents(double[,] g, double[] v)
    {
        var c = new double[g.GetLength(0), g.GetLength(1)];
        for (var i = 0; i < g.GetLength(0); i++)
        {
            for (var j = 0; j < g.GetLength(1); j++)
            {
                c[i, j] = g[i, j] * (i < v.Length ? v[i] : 0);
            }
        }

        return c;
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

    private static string SaveHeatmap(Heatmap map, string path)
    {
        map.Save(path);
        return path;
    }

    private static string WriteRows(string path, double[][] rows)
    {
        var n = rows.Length > 0 ? rows[0].Length : 0;
        var columns = Enumerable.Range(0, n).Select(j => (IReadOnlyList<double>)rows.Select(r => r[j]).ToArray()).ToList();
        CsvTable.Write(path, [.. Enumerable.Range(0, n).Select(j => $"out{j}")], columns);
        return path;
    }

    private static string WriteMatrix(string path, double[,] m)
    {
        var columns = Enumerable.Range(0, m.GetLength(1)).Select(j => (IReadOnlyList<double>)Enumerable.Range(0, m.GetLength(0)).Select(i => m[i, j]).ToArray()).ToList();
        CsvTable.Write(path, [.. Enumerable.Range(0, m.GetLength(1)).Select(j => $"col{j}")], columns);
        return path;
    }
}
