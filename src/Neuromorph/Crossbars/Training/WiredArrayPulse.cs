using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Diagnostics;
using Neuromorph.Devices;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Crossbars.Training;

/// <summary>
/// One programming pulse on a crossbar of memristors whose lines have wire resistance: every word line i is driven at
/// its column-0 end with <c>rowVoltages[i]</c>, every bit line j at its row-0 end with <c>colVoltages[j]</c> (the V/2
/// scheme: the selected row at V, the selected column at 0, every other line at V/2), and each line has resistance
/// <c>wire</c> between neighbouring crosspoints and between its driver and its first crosspoint. The states of all
/// devices move together: dx/dt = F(v, x) for every device, where the device voltages v solve Kirchhoff's current law
/// of the wired array at the current states (Newton on the model's own I(v, x)). The state equations are integrated over
/// the pulse by Dormand–Prince 5(4), so IR drop lowers the selected device's voltage and gives every half-selected
/// device its own, position-dependent disturb, as a circuit simulation of the array does. Line voltages for the V/2
/// (<see cref="HalfSelect"/>) and V/3 (<see cref="ThirdSelect"/>) schemes are provided. Meant for small arrays
/// (the network is solved densely at each right-hand side).
/// </summary>
public static class WiredArrayPulse
{
    /// <summary>The states after the pulse (row-major, <paramref name="rows"/> × <paramref name="cols"/>).</summary>
    public static double[] Apply(IMemristorModel model, ReadOnlySpan<double> states, int rows, int cols, IReadOnlyList<double> rowVoltages, IReadOnlyList<double> colVoltages, double wire, double width)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rowVoltages);
        ArgumentNullException.ThrowIfNull(colVoltages);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        if (states.Length != rows * cols || rowVoltages.Count != rows || colVoltages.Count != cols)
        {
            throw new ArgumentException($"need {rows * cols} states, {rows} row and {cols} column voltages");
        }

        if (!(wire >= 0) || !(width > 0))
        {
            throw new ArgumentException($"need wire resistance >= 0 and a pulse width > 0, got {wire} and {width}");
        }

        var network = new Network(model, rows, cols, rowVoltages, colVoltages, wire);
        var (lo, hi) = model.ProgrammingRange;
        var options = new OdeOptions { RelTol = 1e-10, AbsTol = 1e-12 * (hi - lo), MaxSteps = 1_000_000 };
        OdeResult result;
        try
        {
            result = new DormandPrince54().Integrate((_, y, dy) =>
            {
                var v = network.DeviceVoltages(y);
                for (var k = 0; k < dy.Length; k++)
                {
                    dy[k] = model.Evaluate(v[k], y[k]).StateRate;
                }
            }, 0, states, width, options);
        }
        catch (SimulationException ex)
        {
            throw new ArgumentException($"the pulse on the wired {rows} x {cols} array of {model.ModelName} cannot be integrated: {ex.Message}", ex);
        }

        return [.. result.Final.Select(x => Math.Clamp(x, model.MinState, model.MaxState))];
    }

    /// <summary>
    /// The V/3 scheme's line voltages: the selected row at V, the selected column at 0, the other rows at V/3 and the
    /// other columns at 2V/3, so every unselected device sees ±V/3 (those sharing a line +V/3, the rest −V/3).
    /// </summary>
    public static (double[] Rows, double[] Cols) ThirdSelect(int rows, int cols, int row, int col, double amplitude)
    {
        var r = Enumerable.Repeat(amplitude / 3, rows).ToArray();
        var c = Enumerable.Repeat(2 * amplitude / 3, cols).ToArray();
        r[row] = amplitude;
        c[col] = 0;
        return (r, c);
    }

    /// <summary>The V/2 scheme's line voltages for a pulse of <paramref name="amplitude"/> on device (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public static (double[] Rows, double[] Cols) HalfSelect(int rows, int cols, int row, int col, double amplitude)
    {
        var r = Enumerable.Repeat(amplitude / 2, rows).ToArray();
        var c = Enumerable.Repeat(amplitude / 2, cols).ToArray();
        r[row] = amplitude;
        c[col] = 0;
        return (r, c);
    }

    /// <summary>The wired array's node equations: word node (i, j) is unknown i·C + j, bit node (i, j) is R·C + i·C + j.</summary>
    private sealed class Network(IMemristorModel model, int rows, int cols, IReadOnlyList<double> rowVoltages, IReadOnlyList<double> colVoltages, double wire)
    {
        private readonly double[] _nodes = InitialNodes(rows, cols, rowVoltages, colVoltages);

        public double[] DeviceVoltages(ReadOnlySpan<double> x)
        {
            int n = rows * cols, m = 2 * n;
            var v = new double[n];
            if (wire == 0)
            {
                for (var k = 0; k < n; k++)
                {
                    v[k] = rowVoltages[k / cols] - colVoltages[k % cols];
                }

                return v;
            }

            var g = 1 / wire;
            var scale = Math.Max(rowVoltages.Concat(colVoltages).Max(Math.Abs), 1e-12);
            for (var iteration = 0; iteration < 50; iteration++)
            {
                var jac = Matrix<double>.Build.Dense(m, m);
                var f = Vector<double>.Build.Dense(m);
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < cols; j++)
                    {
                        int w = (i * cols) + j, b = n + w;
                        // word line: towards the driver (j = 0) or the previous crosspoint, and towards the next one
                        Wire(jac, f, w, j == 0 ? -1 : w - 1, j == 0 ? rowVoltages[i] : 0, g);
                        if (j + 1 < cols)
                        {
                            Wire(jac, f, w, w + 1, 0, g);
                        }

                        // bit line: towards the driver (i = 0) or the previous crosspoint, and towards the next one
                        Wire(jac, f, b, i == 0 ? -1 : b - cols, i == 0 ? colVoltages[j] : 0, g);
                        if (i + 1 < rows)
                        {
                            Wire(jac, f, b, b + cols, 0, g);
                        }

                        var e = model.Evaluate(_nodes[w] - _nodes[b], x[w]);
                        f[w] += e.Current;
                        f[b] -= e.Current;
                        jac[w, w] += e.DCurrentDVoltage;
                        jac[w, b] -= e.DCurrentDVoltage;
                        jac[b, w] -= e.DCurrentDVoltage;
                        jac[b, b] += e.DCurrentDVoltage;
                    }
                }

                var step = jac.Solve(f);
                var largest = 0.0;
                for (var k = 0; k < m; k++)
                {
                    _nodes[k] -= step[k];
                    largest = Math.Max(largest, Math.Abs(step[k]));
                }

                if (!double.IsFinite(largest))
                {
                    throw new SimulationException("the wired array's node voltages are not finite (a device with zero conductance on a floating node?)");
                }

                if (largest <= 1e-13 * scale)
                {
                    break;
                }
            }

            for (var k = 0; k < n; k++)
            {
                v[k] = _nodes[k] - _nodes[n + k];
            }

            return v;

            void Wire(Matrix<double> jac, Vector<double> f, int node, int other, double driver, double conductance)
            {
                var across = _nodes[node] - (other < 0 ? driver : _nodes[other]);
                f[node] += conductance * across;
                jac[node, node] += conductance;
                if (other >= 0)
                {
                    jac[node, other] -= conductance;
                }
            }
        }

        private static double[] InitialNodes(int rows, int cols, IReadOnlyList<double> rowVoltages, IReadOnlyList<double> colVoltages)
        {
            var n = rows * cols;
            var nodes = new double[2 * n];
            for (var k = 0; k < n; k++)
            {
                nodes[k] = rowVoltages[k / cols];
                nodes[n + k] = colVoltages[k % cols];
            }

            return nodes;
        }
    }
}
