using System.Diagnostics;
using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// <c>.ac</c>: the circuit linearised at its operating point (memristors held at their state, so each is its
/// small-signal conductance), (J + j omega dq/du) x = b for every frequency, with b from the sources' <c>AC</c> values.
/// The complex system is solved as the real system [J, -omega C; omega C, J] with the sparse LU, whose pattern is set once.
/// Outputs are magnitudes and phases (radians) of node voltages and branch currents.
/// </summary>
public sealed class AcAnalysis(Circuit circuit, SimulationSettings settings)
{
    /// <summary>
    /// Runs the sweep; <paramref name="printed"/> are the result's columns (the <c>.print ac</c> items, or vm and vp of
    /// every node: <see cref="OutputProbe.Columns"/>), <paramref name="extra"/> the vectors recorded beside them.
    /// </summary>
    public AnalysisResult Run(AcCard card, IReadOnlyList<OutputVariable> printed, IReadOnlyList<OutputVariable>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(printed);
        var clock = Stopwatch.StartNew();
        var newton = new NewtonSolver(circuit, settings.Tolerances);
        var ctx = settings.Context(useDcValues: true);
        OperatingPointAnalysis.Solve(circuit, settings, newton, ctx, "operating point of the .ac analysis");
        var system = circuit.System;
        circuit.Load(ctx);
        foreach (var e in circuit.Elements.OfType<ISmallSignalBehavior>())
        {
            e.LoadSmallSignal(system);
        }

        var g = (double[])system.Matrix.Values.Clone();
        Array.Clear(system.Reactance);
        foreach (var e in circuit.Elements.OfType<IReactiveBehavior>())
        {
            e.LoadReactance(system, ctx);
        }

        var c = (double[])system.Reactance.Clone();
        var n = system.Size;
        var br = new double[n];
        var bi = new double[n];
        foreach (var s in circuit.Elements.OfType<IAcSourceBehavior>())
        {
            s.LoadExcitation(br, bi);
        }

        var (big, map) = Doubled(system.Matrix);
        var items = printed;
        var all = items.Concat(extra ?? []).ToList();
        var readers = all.Select(Reader).ToList();
        var frequencies = card.Frequencies();
        var columns = all.Select(_ => new double[frequencies.Count]).ToArray();
        var lu = new SparseLu(big);
        var rhs = new double[2 * n];
        var factorisations = 0;
        var dispersive = circuit.Elements.OfType<IDispersiveBehavior>().Where(e => e.IsDispersive).ToList();
        var extraReal = dispersive.Count > 0 ? new double[g.Length] : [];
        var extraImaginary = dispersive.Count > 0 ? new double[g.Length] : [];
        for (var k = 0; k < frequencies.Count; k++)
        {
            var omega = 2 * Math.PI * frequencies[k];
            var v = big.Values;
            for (var p = 0; p < g.Length; p++)
            {
                var (a, b, cc, d) = map[p];
                v[a] = g[p];
                v[d] = g[p];
                v[b] = -omega * c[p];
                v[cc] = omega * c[p];
            }

            if (dispersive.Count > 0)
            {
                Array.Clear(extraReal);
                Array.Clear(extraImaginary);
                foreach (var e in dispersive)
                {
                    e.LoadAtFrequency(omega, extraReal, extraImaginary);
                }

                for (var p = 0; p < g.Length; p++)
                {
                    var (a, b, cc, d) = map[p];
                    v[a] += extraReal[p];
                    v[d] += extraReal[p];
                    v[b] -= extraImaginary[p];
                    v[cc] += extraImaginary[p];
                }
            }

            if (k == 0 || !lu.Refactor(big))
            {
                factorisations++;
                var bad = lu.Factor(big);
                if (bad >= 0)
                {
                    throw new SimulationException($"singular small-signal matrix at {circuit.Describe(bad % n)} (f = {frequencies[k]:G6} Hz)");
                }
            }

            br.CopyTo(rhs, 0);
            bi.CopyTo(rhs, n);
            lu.Solve(rhs);
            for (var j = 0; j < all.Count; j++)
            {
                columns[j][k] = readers[j](rhs, n, omega);
            }
        }

        var stats = new SimulationStatistics(frequencies.Count, frequencies.Count, 0, newton.Iterations, factorisations, clock.Elapsed);
        return new AnalysisResult("ac", "frequency", [.. frequencies], items.Select((it, j) => new ResultColumn(it.Header, columns[j])).ToList(), stats)
        {
            Vectors = [.. all.Skip(items.Count).Select((it, j) => new ResultColumn(it.Header, columns[items.Count + j]))],
        };
    }

    private Func<double[], int, double, double> Reader(OutputVariable v)
    {
        int a, b = -1;
        Func<double, (double Re, double Im)> admittance = _ => (1, 0);
        if (v.Kind == OutputKind.Voltage)
        {
            a = OutputProbe.NodeOf(circuit, v.Target, v);
            b = v.Reference is null ? -1 : OutputProbe.NodeOf(circuit, v.Reference, v);
        }
        else if (v.Kind == OutputKind.Current)
        {
            var e = OutputProbe.ElementOf(circuit, v.Target, v);
            switch (e)
            {
                case { Branch: >= 0 }:
                    a = e.Branch;
                    break;
                case Resistor r:
                    // ngspice's .probe i(r): the current from n+ to n-, (V(n+) - V(n-)) / R (the ac= value)
                    (a, b) = (r.Nodes[0], r.Nodes[1]);
                    admittance = _ => (r.AcConductance, 0);
                    break;
                case Capacitor c:
                    (a, b) = (c.Nodes[0], c.Nodes[1]);
                    admittance = omega => (0, omega * c.Capacitance);
                    break;
                default:
                    throw new UserInputException(v.Location, $"{v.Header}: .ac reads currents of resistors, capacitors and elements with a branch current (V, L, E, H, B V=)", $"put a 0 V source in series with {v.Target} and print its current");
            }
        }
        else if (v.Kind == OutputKind.Expression)
        {
            throw new UserInputException(v.Location, $"{v.Header}: .print expressions are not supported for .ac", "print vm(), vp(), vdb(), vr() or vi() of nodes and compute the expression afterwards, or use it in .tran, .dc or .op");
        }
        else
        {
            throw new UserInputException(v.Location, $"{v.Header} has no small-signal value", ".ac prints v(), vm(), vp(), vdb(), vr(), vi() and i() of branch elements");
        }

        return (x, n, omega) =>
        {
            double vr = (a >= 0 ? x[a] : 0) - (b >= 0 ? x[b] : 0), vi = (a >= 0 ? x[n + a] : 0) - (b >= 0 ? x[n + b] : 0);
            var (yr, yi) = admittance(omega);
            double re = (yr * vr) - (yi * vi), im = (yr * vi) + (yi * vr);
            return v.Part switch
            {
                ComplexPart.Phase => Math.Atan2(im, re),
                ComplexPart.Real => re,
                ComplexPart.Imaginary => im,
                ComplexPart.Decibel => 20 * Math.Log10(Math.Sqrt((re * re) + (im * im))),
                _ => Math.Sqrt((re * re) + (im * im)),
            };
        };
    }

    private static (CsrMatrix Big, (int A, int B, int C, int D)[] Map) Doubled(CsrMatrix m)
    {
        var n = m.RowCount;
        var builder = new CooBuilder(2 * n, 2 * n);
        for (var r = 0; r < n; r++)
        {
            for (var p = m.RowPointers[r]; p < m.RowPointers[r + 1]; p++)
            {
                var col = m.ColumnIndices[p];
                builder.Add(r, col, 0);
                builder.Add(r, n + col, 0);
                builder.Add(n + r, col, 0);
                builder.Add(n + r, n + col, 0);
            }
        }

        var big = builder.ToCsr();
        var map = new (int, int, int, int)[m.Values.Length];
        for (var r = 0; r < n; r++)
        {
            for (var p = m.RowPointers[r]; p < m.RowPointers[r + 1]; p++)
            {
                var col = m.ColumnIndices[p];
                map[p] = (big.IndexOf(r, col), big.IndexOf(r, n + col), big.IndexOf(n + r, col), big.IndexOf(n + r, n + col));
            }
        }

        return (big, map);
    }
}
