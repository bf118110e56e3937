using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars;

/// <summary>
/// What a crossbar evaluation found: the programmed array, the outputs of every input vector beside the ideal products
/// of the targets, the state of the array during the first read (device currents, node voltages, IR drop), the
/// write-verify record, and the scalar metrics a study can vary.
/// </summary>
/// <param name="Array">The programmed array as read (access resistance folded in).</param>
/// <param name="Programmed">Programmed conductances, siemens (rows × columns).</param>
/// <param name="Outputs">Outputs per input vector (after the periphery: ADC, mapping).</param>
/// <param name="Expected">Ideal outputs per input vector: Wᵀx of the weights as given (not clipped to w_max) with a mapping, else those of the target conductances.</param>
/// <param name="FirstDeviceCurrents">Device currents for input 1, amperes.</param>
/// <param name="FirstRead">Node voltages and IR drop for input 1 when the wires have resistance (null otherwise).</param>
/// <param name="Written">Write-verify record when the array was programmed through a device model.</param>
/// <param name="Metrics">vmm_error, max_abs_error, mean_abs_output, programming_failures, read_power, clipped_weights.</param>
/// <param name="IterativeIterations">Total PCG iterations when reads were solved iteratively.</param>
public sealed record CrossbarEvaluation(
    CrossbarArray Array,
    double[,] Programmed,
    double[][] Outputs,
    double[][] Expected,
    double[,] FirstDeviceCurrents,
    CrossbarNodeVoltages? FirstRead,
    ProgrammingResult? Written,
    IReadOnlyDictionary<string, double> Metrics,
    long? IterativeIterations);

/// <summary>Word- and bit-line voltage at every cross-point (volts) and the IR drop V_in − V_device per device.</summary>
public sealed record CrossbarNodeVoltages(double[,] WordLine, double[,] BitLine, double[,] IrDrop);

/// <summary>
/// Programs an array from a <see cref="CrossbarSpec"/> (non-idealities applied, or write-verify through a device model),
/// reads a batch of input vectors and compares with the ideal product of the targets.
/// </summary>
public static class CrossbarEvaluator
{
    /// <summary>Names of the metrics <see cref="CrossbarEvaluation.Metrics"/> holds.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = ["vmm_error", "max_abs_error", "mean_abs_output", "programming_failures", "read_power", "clipped_weights"];

    /// <summary>Runs the evaluation; <paramref name="cancellationToken"/> is checked between reads.</summary>
    public static CrossbarEvaluation Evaluate(CrossbarSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var rng = new RandomStream(spec.Seed);
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
        var reader = new CrossbarReadout(array, spec.NonIdealities, spec.Mapping, rng, spec.Solver);
        var ideal = new CrossbarReadout(new CrossbarArray(spec.Target), new NonIdealities(), spec.Mapping, rng);
        var outputs = new double[spec.Inputs.Length][];
        var expected = new double[spec.Inputs.Length][];
        for (var k = 0; k < spec.Inputs.Length; k++)
        {
            // the ideal is the product the user asked for: W^T x of the weights as given, not of the weights clipped to w_max
            expected[k] = spec.Weights is { } w ? Product(w, spec.Inputs[k]) : new double[ideal.Outputs];
            if (spec.Weights is null)
            {
                ideal.Read(spec.Inputs[k], expected[k]);
            }
        }

        var adcRange = spec.NonIdealities.AdcRange > 0 ? (double?)null : Math.Max(1e-30, MaxAbsColumnCurrent(spec));
        for (var k = 0; k < spec.Inputs.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            outputs[k] = new double[reader.Outputs];
            reader.Read(spec.Inputs[k], outputs[k], adcRange);
        }

        // Node voltages, device currents and power are reported for input 1. The solver's state after the batch belongs
        // to the last solve (the last input, or a unit vector once reads use the transfer matrix), so solve input 1 again.
        var firstSolve = reader.Solver is { } s0 && spec.Inputs.Length > 0 ? s0 : null;
        double[,]? firstDeviceCurrents = null;
        CrossbarNodeVoltages? firstRead = null;
        if (firstSolve is not null)
        {
            firstSolve.Multiply(spec.Inputs[0], new double[array.Columns]);
            firstDeviceCurrents = firstSolve.DeviceCurrents();
            firstRead = NodeVoltages(array, spec.Inputs[0], firstSolve);
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
            ["clipped_weights"] = spec.Mapping is { } m && spec.Weights is { } ws ? m.CountClipped(ws) : 0,
        };
        firstDeviceCurrents ??= IdealDeviceCurrents(programmed, spec.Inputs.Length > 0 ? spec.Inputs[0] : []);
        var iterations = reader.Solver is { IsIterative: true } iterative ? iterative.TotalIterations : (long?)null;
        return new CrossbarEvaluation(array, programmed, outputs, expected, firstDeviceCurrents, firstRead, written, metrics, iterations);
    }

    /// <summary>y_j = Σ_i W[i, j] x_i (rows of W are inputs, columns outputs).</summary>
    private static double[] Product(double[,] w, double[] x)
    {
        var y = new double[w.GetLength(1)];
        for (var j = 0; j < y.Length; j++)
        {
            for (var i = 0; i < w.GetLength(0); i++)
            {
                y[j] += w[i, j] * x[i];
            }
        }

        return y;
    }

    private static CrossbarNodeVoltages NodeVoltages(CrossbarArray array, double[] input, NodalSolver solver)
    {
        var word = new double[array.Rows, array.Columns];
        var bit = new double[array.Rows, array.Columns];
        var drop = new double[array.Rows, array.Columns];
        for (var i = 0; i < array.Rows; i++)
        {
            for (var j = 0; j < array.Columns; j++)
            {
                word[i, j] = solver.NodeVoltages[solver.Word(i, j)];
                bit[i, j] = solver.NodeVoltages[solver.Bit(i, j)];
                drop[i, j] = input[i] - (word[i, j] - bit[i, j]);
            }
        }

        return new CrossbarNodeVoltages(word, bit, drop);
    }

    /// <summary>The conductances of <paramref name="g"/> with an access resistance <paramref name="ra"/> (ohms) in series with every cell (0 stays 0).</summary>
    public static double[,] SeriesAccess(double[,] g, double ra)
    {
        ArgumentNullException.ThrowIfNull(g);
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
}
