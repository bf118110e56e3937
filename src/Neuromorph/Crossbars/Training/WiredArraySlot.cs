using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Crossbars.Training;

/// <summary>
/// One programming slot on a crossbar whose lines have wire resistance, with the device states frozen while the
/// network is solved: the wiring of <see cref="WiredArrayPulse"/> (word line i driven at its column-0 end, bit line j at
/// its row-0 end, resistance <see cref="WireResistance"/> between neighbouring crosspoints and between a driver and its
/// first crosspoint), but Kirchhoff's current law is solved once, at the states before the pulse, with a sparse Cholesky
/// factorisation of the node equations (Newton on the model's own I(v, x); a model whose current is linear in v at a
/// fixed state, as TEAM/VTEAM, converges in one factorisation). Each device then moves under its own voltage for the
/// pulse width, alone (<see cref="PhysicalResponse.StateAfter"/>); a device whose state rate is zero at its voltage (inside
/// the model's switching thresholds) is skipped. The approximation against <see cref="WiredArrayPulse.Apply"/>, which
/// moves the states and the voltages together: the voltages do not follow the conductances' change during the pulse,
/// an error of second order in the change of one pulse.
/// </summary>
public sealed class WiredArraySlot
{
    private readonly PhysicalResponse response;
    private readonly IMemristorModel model;
    private readonly int n;
    private readonly CsrMatrix? matrix;
    private readonly SparseCholesky? cholesky;
    private readonly double[] wireValues = [];
    private readonly int[] wordWord = [];
    private readonly int[] bitBit = [];
    private readonly int[] wordBit = [];
    private readonly int[] bitWord = [];
    private readonly double[] nodes;
    private readonly double[] residual;
    private readonly double[] work;
    private readonly double[] slope;
    private readonly double[] voltages;

    /// <summary>The network of a <paramref name="rows"/> × <paramref name="cols"/> array of the devices of <paramref name="response"/>.</summary>
    /// <param name="response">The devices' model and the pulse response it integrates.</param>
    /// <param name="rows">Word lines.</param>
    /// <param name="cols">Bit lines.</param>
    /// <param name="wire">Resistance of one wire segment (Ω, ≥ 0; 0: ideal lines).</param>
    public WiredArraySlot(PhysicalResponse response, int rows, int cols, double wire)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        if (!(wire >= 0) || !double.IsFinite(wire))
        {
            throw new ArgumentException($"the wire resistance must be finite and >= 0, got {wire}");
        }

        this.response = response;
        model = response.Model;
        Rows = rows;
        Cols = cols;
        WireResistance = wire;
        n = rows * cols;
        nodes = new double[2 * n];
        residual = new double[2 * n];
        work = new double[2 * n];
        slope = new double[n];
        voltages = new double[n];
        if (wire == 0)
        {
            return;
        }

        // the pattern: each line a chain of wire segments, each device a conductance between its word and bit node
        var g = 1 / wire;
        var coo = new CooBuilder(2 * n, 2 * n);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                int w = (i * cols) + j, b = n + w;
                coo.Add(w, w, 1);
                coo.Add(b, b, 1);
                coo.Add(w, b, 1);
                coo.Add(b, w, 1);
                if (j + 1 < cols)
                {
                    coo.Add(w, w + 1, 1);
                    coo.Add(w + 1, w, 1);
                }

                if (i + 1 < rows)
                {
                    coo.Add(b, b + cols, 1);
                    coo.Add(b + cols, b, 1);
                }
            }
        }

        matrix = coo.ToCsr();
        wireValues = new double[matrix.Values.Length];
        (wordWord, bitBit, wordBit, bitWord) = (new int[n], new int[n], new int[n], new int[n]);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                int w = (i * cols) + j, b = n + w;
                (wordWord[w], bitBit[w], wordBit[w], bitWord[w]) = (matrix.IndexOf(w, w), matrix.IndexOf(b, b), matrix.IndexOf(w, b), matrix.IndexOf(b, w));
                // a word node's segments: towards the driver or the previous crosspoint, and to the next one
                wireValues[wordWord[w]] += j + 1 < cols ? 2 * g : g;
                wireValues[bitBit[w]] += i + 1 < rows ? 2 * g : g;
                if (j + 1 < cols)
                {
                    wireValues[matrix.IndexOf(w, w + 1)] -= g;
                    wireValues[matrix.IndexOf(w + 1, w)] -= g;
                }

                if (i + 1 < rows)
                {
                    wireValues[matrix.IndexOf(b, b + cols)] -= g;
                    wireValues[matrix.IndexOf(b + cols, b)] -= g;
                }
            }
        }

        cholesky = new SparseCholesky(matrix);
    }

    /// <summary>Word lines.</summary>
    public int Rows { get; }

    /// <summary>Bit lines.</summary>
    public int Cols { get; }

    /// <summary>Resistance of one wire segment (Ω).</summary>
    public double WireResistance { get; }

    /// <summary>Newton iterations of the last <see cref="DeviceVoltages"/> that factorised the network (0 with ideal lines).</summary>
    public int Factorisations { get; private set; }

    /// <summary>
    /// The voltage across every device (row-major, word minus bit node) with the lines driven at
    /// <paramref name="rowVoltages"/> and <paramref name="colVoltages"/> and the devices in <paramref name="states"/>.
    /// The span is the solver's own buffer, valid until the next call.
    /// </summary>
    /// <exception cref="SimulationException">Newton does not converge or the network is not positive definite.</exception>
    public ReadOnlySpan<double> DeviceVoltages(ReadOnlySpan<double> states, ReadOnlySpan<double> rowVoltages, ReadOnlySpan<double> colVoltages)
    {
        if (states.Length != n || rowVoltages.Length != Rows || colVoltages.Length != Cols)
        {
            throw new ArgumentException($"need {n} states, {Rows} row and {Cols} column voltages");
        }

        Factorisations = 0;
        var scale = 1e-12;
        for (var k = 0; k < n; k++)
        {
            nodes[k] = rowVoltages[k / Cols];
            nodes[n + k] = colVoltages[k % Cols];
            scale = Math.Max(scale, Math.Max(Math.Abs(nodes[k]), Math.Abs(nodes[n + k])));
        }

        if (cholesky is null)
        {
            for (var k = 0; k < n; k++)
            {
                voltages[k] = nodes[k] - nodes[n + k];
            }

            return voltages;
        }

        for (var iteration = 0; iteration < 50; iteration++)
        {
            Residual(states, rowVoltages, colVoltages);
            if (iteration > 0)
            {
                // the last factorisation as a chord step: when it moves the nodes by rounding only, Newton has converged
                // (a model linear in v: after its first factorisation)
                residual.CopyTo(work, 0);
                cholesky.Solve(work);
                if (Largest(work) <= 1e-13 * scale)
                {
                    Subtract(work);
                    break;
                }

                if (iteration == 49)
                {
                    throw new SimulationException($"the wired {Rows} x {Cols} array of {model.ModelName} does not converge in 50 Newton iterations");
                }
            }

            var values = matrix!.Values;
            wireValues.CopyTo(values, 0);
            for (var k = 0; k < n; k++)
            {
                values[wordWord[k]] += slope[k];
                values[bitBit[k]] += slope[k];
                values[wordBit[k]] -= slope[k];
                values[bitWord[k]] -= slope[k];
            }

            cholesky.Factor(matrix);
            Factorisations++;
            residual.CopyTo(work, 0);
            cholesky.Solve(work);
            if (!double.IsFinite(Largest(work)))
            {
                throw new SimulationException($"the wired {Rows} x {Cols} array's node voltages are not finite");
            }

            Subtract(work);
        }

        for (var k = 0; k < n; k++)
        {
            voltages[k] = nodes[k] - nodes[n + k];
        }

        return voltages;
    }

    /// <summary>
    /// One pulse of <paramref name="width"/>: the device voltages at <paramref name="states"/> (<see cref="DeviceVoltages"/>),
    /// then each device's state moved under its own voltage, in place. Returns the number of devices that moved.
    /// </summary>
    public int Apply(Span<double> states, ReadOnlySpan<double> rowVoltages, ReadOnlySpan<double> colVoltages, double width)
    {
        if (!(width > 0))
        {
            throw new ArgumentException($"need a pulse width > 0, got {width}");
        }

        var v = DeviceVoltages(states, rowVoltages, colVoltages);
        var moved = 0;
        for (var k = 0; k < n; k++)
        {
            if (model.Evaluate(v[k], states[k]).StateRate == 0)
            {
                continue;
            }

            states[k] = response.StateAfter(states[k], new ProgrammingPulse(v[k], width));
            moved++;
        }

        return moved;
    }

    /// <summary>Kirchhoff's current law at the nodes (current leaving each node), and each device's dI/dv.</summary>
    private void Residual(ReadOnlySpan<double> states, ReadOnlySpan<double> rowVoltages, ReadOnlySpan<double> colVoltages)
    {
        var g = 1 / WireResistance;
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Cols; j++)
            {
                int w = (i * Cols) + j, b = n + w;
                var fw = g * (nodes[w] - (j == 0 ? rowVoltages[i] : nodes[w - 1]));
                if (j + 1 < Cols)
                {
                    fw += g * (nodes[w] - nodes[w + 1]);
                }

                var fb = g * (nodes[b] - (i == 0 ? colVoltages[j] : nodes[b - Cols]));
                if (i + 1 < Rows)
                {
                    fb += g * (nodes[b] - nodes[b + Cols]);
                }

                var e = model.Evaluate(nodes[w] - nodes[b], states[w]);
                residual[w] = fw + e.Current;
                residual[b] = fb - e.Current;
                slope[w] = e.DCurrentDVoltage;
            }
        }
    }

    private void Subtract(double[] step)
    {
        for (var k = 0; k < nodes.Length; k++)
        {
            nodes[k] -= step[k];
        }
    }

    private static double Largest(double[] values)
    {
        var largest = 0.0;
        foreach (var v in values)
        {
            largest = Math.Max(largest, Math.Abs(v));
            if (double.IsNaN(v))
            {
                return double.NaN;
            }
        }

        return largest;
    }
}
