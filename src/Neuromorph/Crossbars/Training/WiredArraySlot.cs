using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Crossbars.Training;

/// <summary>
/// One programming slot on a crossbar whose lines have wire resistance, with the device states frozen while the
/// network is solved: the wiring of <see cref="WiredArrayPulse"/> (word line i driven at its column-0 end, bit line j at
/// its row-0 end, resistance <see cref="WireResistance"/> between neighbouring crosspoints and between a driver and its
/// first crosspoint), but Kirchhoff's current law is solved once, at the states before the pulse, with a sparse Cholesky
/// factorisation of the node equations. A model whose current is linear in v at a fixed state (TEAM, VTEAM:
/// <see cref="LinearInVoltage"/>) needs one linear solve, exact: it is refined on the factorisation of an earlier slot
/// (whose conductances differ only by the devices that moved since) and refactorised when the refinement stops
/// contracting fast, so most slots cost a few triangular solves instead of a factorisation. Any other model is solved
/// by Newton on its own I(v, x), factorised at each iteration. Each device then moves under its own voltage for the
/// pulse width, alone (<see cref="PhysicalResponse.StateAfter"/>); a device whose state rate is zero at its voltage
/// (inside the model's switching thresholds) is skipped. The approximation against <see cref="WiredArrayPulse.Apply"/>,
/// which moves the states and the voltages together: the voltages do not follow the conductances' change during the
/// pulse, an error of second order in the change of one pulse.
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
    private readonly bool linear;
    private readonly double[] conductance = [];
    private readonly double[] conductanceState = [];
    private readonly double[] rhs = [];
    private bool factored;

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
        linear = IsLinear(response);
        conductance = new double[n];
        conductanceState = Enumerable.Repeat(double.NaN, n).ToArray();
        rhs = new double[2 * n];
    }

    /// <summary>Word lines.</summary>
    public int Rows { get; }

    /// <summary>Bit lines.</summary>
    public int Cols { get; }

    /// <summary>Resistance of one wire segment (Ω).</summary>
    public double WireResistance { get; }

    /// <summary>
    /// Factorisations of the network in the last <see cref="DeviceVoltages"/>: 0 with ideal lines or where an earlier
    /// factorisation served a linear model's refinement.
    /// </summary>
    public int Factorisations { get; private set; }

    /// <summary>Whether the model's current is linear in v at fixed states (one linear solve per slot, refined on an earlier factorisation).</summary>
    public bool LinearInVoltage => linear;

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

        if (linear)
        {
            LinearSolve(states, rowVoltages, colVoltages, scale);
        }
        else
        {
            NewtonSolve(states, rowVoltages, colVoltages, scale);
        }

        for (var k = 0; k < n; k++)
        {
            voltages[k] = nodes[k] - nodes[n + k];
        }

        return voltages;
    }

    /// <summary>Newton on the model's own I(v, x), each iteration factorised, converged when the last factorisation's chord step is rounding.</summary>
    private void NewtonSolve(ReadOnlySpan<double> states, ReadOnlySpan<double> rowVoltages, ReadOnlySpan<double> colVoltages, double scale)
    {
        for (var iteration = 0; iteration < 50; iteration++)
        {
            Residual(states, rowVoltages, colVoltages);
            if (iteration > 0)
            {
                // the last factorisation as a chord step: when it moves the nodes by rounding only, Newton has converged
                residual.CopyTo(work, 0);
                cholesky!.Solve(work);
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

            Factor(slope);
            residual.CopyTo(work, 0);
            cholesky!.Solve(work);
            if (!double.IsFinite(Largest(work)))
            {
                throw new SimulationException($"the wired {Rows} x {Cols} array's node voltages are not finite");
            }

            Subtract(work);
        }

    }

    /// <summary>
    /// A model whose current is linear in v at a fixed state: A(g)·u = b with g the devices' conductances, solved by
    /// iterative refinement on the factorisation of an earlier slot (whose conductances differ by the devices that moved
    /// since), refactorised when the refinement stops contracting fast.
    /// </summary>
    private void LinearSolve(ReadOnlySpan<double> states, ReadOnlySpan<double> rowVoltages, ReadOnlySpan<double> colVoltages, double scale)
    {
        for (var k = 0; k < n; k++)
        {
            if (conductanceState[k] != states[k])
            {
                conductance[k] = model.Evaluate(0, states[k]).DCurrentDVoltage;
                conductanceState[k] = states[k];
            }
        }

        var g = 1 / WireResistance;
        Array.Clear(rhs);
        for (var i = 0; i < Rows; i++)
        {
            rhs[i * Cols] += g * rowVoltages[i];
        }

        for (var j = 0; j < Cols; j++)
        {
            rhs[n + j] += g * colVoltages[j];
        }

        Array.Clear(nodes);
        var fresh = false;
        if (!factored)
        {
            Factor(conductance);
            fresh = true;
        }

        var previous = double.PositiveInfinity;
        for (var iteration = 0; ; iteration++)
        {
            // work = b − A(g)·u, then the correction M⁻¹·work with the factor M
            LinearResidual();
            cholesky!.Solve(work);
            var step = Largest(work);
            if (!double.IsFinite(step))
            {
                throw new SimulationException($"the wired {Rows} x {Cols} array's node voltages are not finite");
            }

            for (var k = 0; k < nodes.Length; k++)
            {
                nodes[k] += work[k];
            }

            // converged (node voltages to 1e-11 of the drive: far below what moves a device's rate), or at the rounding
            // floor of an exact factor
            if (step <= 1e-11 * scale || (fresh && iteration > 0 && step > 0.5 * previous))
            {
                break;
            }

            if (iteration > 60)
            {
                throw new SimulationException($"the wired {Rows} x {Cols} array's refinement does not converge");
            }

            // a stale factor that needs more than three further iterations at its present contraction costs more than a
            // factorisation (about ten triangular solves on these networks)
            var contraction = step / previous;
            if (!fresh && iteration > 0 && !(contraction < 1 && Math.Log(1e-11 * scale / step) / Math.Log(contraction) <= 3))
            {
                Factor(conductance);
                fresh = true;
            }

            previous = step;
        }
    }

    /// <summary>work = b − A(g)·u for the present conductances (wires and devices).</summary>
    private void LinearResidual()
    {
        var g = 1 / WireResistance;
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Cols; j++)
            {
                int w = (i * Cols) + j, b = n + w;
                var fw = g * (nodes[w] - (j == 0 ? 0 : nodes[w - 1]));
                if (j + 1 < Cols)
                {
                    fw += g * (nodes[w] - nodes[w + 1]);
                }

                var fb = g * (nodes[b] - (i == 0 ? 0 : nodes[b - Cols]));
                if (i + 1 < Rows)
                {
                    fb += g * (nodes[b] - nodes[b + Cols]);
                }

                var current = conductance[w] * (nodes[w] - nodes[b]);
                work[w] = rhs[w] - fw - current;
                work[b] = rhs[b] - fb + current;
            }
        }
    }

    /// <summary>Factorises the network with device slopes <paramref name="slopes"/>.</summary>
    private void Factor(double[] slopes)
    {
        var values = matrix!.Values;
        wireValues.CopyTo(values, 0);
        for (var k = 0; k < n; k++)
        {
            values[wordWord[k]] += slopes[k];
            values[bitBit[k]] += slopes[k];
            values[wordBit[k]] -= slopes[k];
            values[bitWord[k]] -= slopes[k];
        }

        cholesky!.Factor(matrix);
        Factorisations++;
        factored = true;
    }

    /// <summary>
    /// Whether the model's current is linear in v at fixed states (TEAM, VTEAM: i = v/R(x)): checked at the pulses'
    /// voltages and their halves over the programming range.
    /// </summary>
    private static bool IsLinear(PhysicalResponse response)
    {
        var model = response.Model;
        var (lo, hi) = model.ProgrammingRange;
        double[] volts = [response.Set.Amplitude, response.Set.Amplitude / 2, response.Reset.Amplitude, response.Reset.Amplitude / 2, response.ReadVoltage];
        for (var p = 0; p <= 8; p++)
        {
            var x = lo + ((hi - lo) * p / 8);
            var slope = model.Evaluate(0, x).DCurrentDVoltage;
            foreach (var v in volts)
            {
                var e = model.Evaluate(v, x);
                if (!(Math.Abs(e.DCurrentDVoltage - slope) <= 1e-12 * Math.Abs(slope)) || !(Math.Abs(e.Current - (slope * v)) <= 1e-12 * Math.Abs(slope * v)))
                {
                    return false;
                }
            }
        }

        return true;
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
