using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Crossbars;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class CrossbarSolverTests
{
    private static CrossbarArray Random(int m, int n, int seed, double rWire)
    {
        var rng = new RandomStream(seed);
        var g = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                g[i, j] = 1 / (1e3 + (99e3 * rng.NextDouble())); // between 1/100k and 1/1k siemens
            }
        }

        return new CrossbarArray(g, rWire, rWire * 1.5);
    }

    private static double[] Inputs(int m, int seed)
    {
        var rng = new RandomStream(seed);
        return [.. Enumerable.Range(0, m).Select(_ => (rng.NextDouble() * 0.4) - 0.1)];
    }

    [Fact]
    public void Ideal_product_is_v_times_g_and_tiny_wires_converge_to_it()
    {
        var a = Random(7, 5, 1, 1e-9);
        var v = Inputs(7, 2);
        var ideal = new double[5];
        a.MultiplyIdeal(v, ideal);
        var mv = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(a.Conductance).TransposeThisAndMultiply(MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(v));
        for (var j = 0; j < 5; j++)
        {
            Assert.Equal(mv[j], ideal[j], 1e-18);
        }

        var exact = new double[5];
        new NodalSolver(a).Multiply(v, exact);
        for (var j = 0; j < 5; j++)
        {
            Assert.True(Math.Abs(exact[j] - ideal[j]) <= 1e-9 * Math.Abs(ideal[j]), $"column {j}: {exact[j]} vs {ideal[j]}");
        }
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(8, 8)]
    [InlineData(16, 5)]
    [InlineData(4, 20)]
    public void Nodal_network_has_2mn_unknowns_and_8mn_minus_2m_minus_2n_nonzeros(int m, int n)
    {
        var s = new NodalSolver(Random(m, n, m * n, 2.5));
        Assert.Equal(2 * m * n, s.Matrix.RowCount);
        Assert.Equal((8 * m * n) - (2 * m) - (2 * n), s.Matrix.NonZeroCount);
    }

    [Trait("Category", "peer")]
    [SkippableTheory]
    [InlineData(4, 6, 2.5)]
    [InlineData(12, 9, 1.0)]
    [InlineData(5, 17, 10.0)]
    public void Wire_resistance_read_agrees_with_the_mna_engine_and_ngspice_on_the_exported_netlist(int m, int n, double rWire)
    {
        var a = Random(m, n, m + n, rWire);
        var v = Inputs(m, m);
        var ours = new double[n];
        new NodalSolver(a).Multiply(v, ours);
        var netlist = CrossbarNetlistWriter.Write(a, v);
        var mna = CircuitSimulator.Run(NetlistParser.Parse(netlist, "xbar.cir")).Single();
        for (var j = 0; j < n; j++)
        {
            // i(vs_j) flows from the sense node through the 0 V source to ground: the output current
            var other = mna.Column($"i(vs{j})")!.Values[0];
            Assert.True(Math.Abs(ours[j] - other) <= 1e-9 * Math.Abs(ours[j]), $"MNA column {j}: {ours[j]} vs {other}");
        }

        Requires.Ngspice();
        var ng = Ngspice.RunOp(CrossbarNetlistWriter.Write(a, v, includeEnd: false), [.. Enumerable.Range(0, n).Select(j => $"i(vs{j})")]);
        for (var j = 0; j < n; j++)
        {
            Assert.True(Math.Abs(ours[j] - ng[j]) <= 1e-9 * Math.Abs(ours[j]), $"ngspice column {j}: {ours[j]} vs {ng[j]}");
        }
    }

    [Theory]
    [InlineData(2, 2)]
    [InlineData(4, 7)]
    [InlineData(16, 16)]
    public void Floating_read_matches_the_sneak_path_closed_form(int m, int n)
    {
        const double r = 10e3, rSel = 1e6, v = 0.3;
        var g = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                g[i, j] = 1 / r;
            }
        }

        g[0, 0] = 1 / rSel;
        var a = new CrossbarArray(g);
        var sneak = (r / (n - 1)) + (r / ((m - 1) * (n - 1))) + (r / (m - 1));
        var req = 1 / ((1 / rSel) + (1 / sneak));
        Assert.Equal(v / req, SingleCellRead.SenseCurrent(a, 0, 0, v, ReadScheme.Floating), 1e-15);
        // biased schemes: the sense current is the selected cell plus the half- (or third-) selected cells in its column
        Assert.Equal((v / rSel) + ((m - 1) * (v / 2) / r), SingleCellRead.SenseCurrent(a, 0, 0, v, ReadScheme.HalfBias), 1e-15);
        Assert.Equal((v / rSel) + ((m - 1) * (v / 3) / r), SingleCellRead.SenseCurrent(a, 0, 0, v, ReadScheme.ThirdBias), 1e-15);
    }

    [Fact]
    public void Factorisation_is_reused_across_a_batch_and_transposed_products_match()
    {
        var a = Random(10, 6, 3, 2);
        var solver = new NodalSolver(a);
        var first = new double[6];
        solver.Multiply(Inputs(10, 1), first);
        var other = new double[6];
        solver.Multiply(Inputs(10, 2), other);
        var again = new double[6];
        solver.Multiply(Inputs(10, 1), again);
        Assert.Equal(first, again);
        var t = a.Transposed();
        Assert.Equal((6, 10), (t.Rows, t.Columns));
        Assert.Equal(a.Conductance[3, 4], t.Conductance[4, 3]);
    }
}

public class CrossbarTransferMatrixTests
{
    [Fact]
    public void Transfer_matrix_reproduces_exact_nodal_reads()
    {
        var rng = new RandomStream(5);
        var g = new double[9, 7];
        for (var i = 0; i < 9; i++)
        {
            for (var j = 0; j < 7; j++)
            {
                g[i, j] = 1e-5 + (1e-4 * rng.NextDouble());
            }
        }

        var array = new CrossbarArray(g, 3, 2);
        var solver = new NodalSolver(array);
        var t = new CrossbarArray(solver.EffectiveConductance());
        var v = Enumerable.Range(0, 9).Select(_ => rng.NextDouble() - 0.3).ToArray();
        double[] exact = new double[7], viaT = new double[7];
        solver.Multiply(v, exact);
        t.MultiplyIdeal(v, viaT);
        for (var j = 0; j < 7; j++)
        {
            Assert.True(Math.Abs(exact[j] - viaT[j]) <= 1e-12 * Math.Abs(exact[j]), $"column {j}");
        }

        // a reader switches to the transfer matrix after m reads; results must not change
        var reader = new CrossbarReadout(array, new NonIdealities(), null, new RandomStream(1));
        var out1 = new double[7];
        for (var k = 0; k < 12; k++)
        {
            reader.Read(v, out1);
            for (var j = 0; j < 7; j++)
            {
                Assert.True(Math.Abs(out1[j] - exact[j]) <= 1e-12 * Math.Abs(exact[j]), $"read {k}, column {j}");
            }
        }
    }
}
