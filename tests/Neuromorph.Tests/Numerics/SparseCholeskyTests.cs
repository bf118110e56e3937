using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Numerics;

public class SparseCholeskyTests
{
    private static CsrMatrix RandomLaplacian(int n, int extraEdges, int seed)
    {
        var rng = new RandomStream(seed);
        var b = new CooBuilder(n, n);
        void Edge(int i, int j, double g)
        {
            b.Add(i, i, g);
            b.Add(j, j, g);
            b.Add(i, j, -g);
            b.Add(j, i, -g);
        }

        for (var i = 1; i < n; i++)
        {
            Edge(i, rng.Next(i), 0.1 + rng.NextDouble());
        }

        for (var e = 0; e < extraEdges; e++)
        {
            int i = rng.Next(n), j = rng.Next(n);
            if (i != j)
            {
                Edge(i, j, 0.1 + rng.NextDouble());
            }
        }

        for (var i = 0; i < n; i += 7)
        {
            b.Add(i, i, 0.5); // grounding makes it positive definite
        }

        return b.ToCsr();
    }

    [Theory]
    [InlineData(30, 40, 1)]
    [InlineData(300, 600, 2)]
    public void Matches_dense_cholesky_and_refactors_with_new_values(int n, int extra, int seed)
    {
        var a = RandomLaplacian(n, extra, seed);
        var chol = new SparseCholesky(a);
        var rng = new RandomStream(seed);
        for (var round = 0; round < 3; round++)
        {
            chol.Factor(a);
            var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var x = (double[])b.Clone();
            chol.Solve(x);
            var dense = Matrix<double>.Build.DenseOfArray(a.ToDense());
            var expected = dense.Cholesky().Solve(Vector<double>.Build.DenseOfArray(b));
            var err = (Vector<double>.Build.DenseOfArray(x) - expected).L2Norm() / expected.L2Norm();
            Assert.True(err < 1e-11, $"relative error {err}");
            for (var k = 0; k < a.Values.Length; k++)
            {
                a.Values[k] *= 1 + (0.1 * rng.NextDouble()); // keeps symmetry only approximately: rebuild symmetric values
            }

            var sym = a.ToDense();
            for (var r = 0; r < n; r++)
            {
                for (var p = a.RowPointers[r]; p < a.RowPointers[r + 1]; p++)
                {
                    var c = a.ColumnIndices[p];
                    a.Values[p] = r == c ? sym[r, c] + 1 : 0.5 * (sym[r, c] + sym[c, r]);
                }
            }
        }
    }

    [Fact]
    public void Rejects_an_indefinite_matrix()
    {
        var b = new CooBuilder(2, 2);
        b.Add(0, 0, 1);
        b.Add(1, 1, -1);
        var a = b.ToCsr();
        Assert.Throws<SimulationException>(() => new SparseCholesky(a).Factor(a));
    }
}

public class NestedDissectionTests
{
    [Fact]
    public void Nested_dissection_is_a_permutation_and_keeps_lattice_fill_low()
    {
        const int m = 90;
        var b = new CooBuilder(m * m, m * m);
        LatticeMatrix.Add(b, m, 4.01);

        var a = b.ToCsr();
        var order = NestedDissectionOrdering.Compute(a);
        Assert.Equal(Enumerable.Range(0, m * m), order.Order());
        var chol = new SparseCholesky(a); // 8100 > threshold: nested dissection
        chol.Factor(a);
        var x = Enumerable.Range(0, m * m).Select(k => Math.Sin(k)).ToArray();
        var rhs = new double[m * m];
        a.Multiply(x, rhs);
        chol.Solve(rhs);
        Assert.True(rhs.Zip(x).Max(t => Math.Abs(t.First - t.Second)) < 1e-10);
        // natural (banded) order would fill about n * m = 729,000 entries
        Assert.True(chol.FactorNonZeros < 250_000, $"fill {chol.FactorNonZeros}");
    }

    [Fact]
    public void Nested_dissection_orders_disconnected_pieces_and_puts_a_star_hub_last()
    {
        // a 65x65 lattice (4225 nodes, above the threshold) plus a separate star: hub and 300 leaves; the hub is the
        // star's only separator, so it must come last among the star's nodes (no fill)
        const int m = 65, leaves = 300;
        var n = (m * m) + leaves + 1;
        var b = new CooBuilder(n, n);
        LatticeMatrix.Add(b, m, 4.01);

        var hub = m * m;
        b.Add(hub, hub, leaves + 1.0);
        for (var l = 1; l <= leaves; l++)
        {
            b.Add(hub + l, hub + l, 2);
            b.Add(hub, hub + l, -1);
            b.Add(hub + l, hub, -1);
        }

        var a = b.ToCsr();
        var order = NestedDissectionOrdering.Compute(a);
        Assert.Equal(Enumerable.Range(0, n), order.Order());
        var starOrder = order.Where(v => v >= hub).ToArray();
        Assert.Equal(hub, starOrder[^1]);
        var chol = new SparseCholesky(a);
        chol.Factor(a);
        var x = Enumerable.Range(0, n).Select(k => Math.Cos(k)).ToArray();
        var rhs = new double[n];
        a.Multiply(x, rhs);
        chol.Solve(rhs);
        Assert.True(rhs.Zip(x).Max(t => Math.Abs(t.First - t.Second)) < 1e-10);
    }
}

public class SupernodalCholeskyTests
{
    private static CsrMatrix Lattice(int m, int seed)
    {
        var rng = new RandomStream(seed);
        var b = new CooBuilder(m * m, m * m);
        LatticeMatrix.Add(b, m, 0.01, () => 0.5 + rng.NextDouble());
        return b.ToCsr();
    }

    [Theory]
    [InlineData(40)]
    [InlineData(75)]
    public void Supernodal_and_column_factorisations_give_the_same_solves(int m)
    {
        var a = Lattice(m, m);
        var column = new SparseCholesky(a, supernodal: false);
        var super = new SparseCholesky(a, supernodal: true);
        Assert.True(super.Supernodal && !column.Supernodal);
        Assert.True(super.SupernodeCount < a.RowCount, $"{super.SupernodeCount} supernodes for {a.RowCount} columns");
        for (var round = 0; round < 2; round++)
        {
            // refactorise with new values: same pattern
            for (var p = 0; p < a.Values.Length; p++)
            {
                a.Values[p] *= 1 + (0.1 * round);
            }

            column.Factor(a);
            super.Factor(a);
            var x = Enumerable.Range(0, a.RowCount).Select(k => Math.Sin(k + round)).ToArray();
            var rhs = new double[a.RowCount];
            a.Multiply(x, rhs);
            var y1 = (double[])rhs.Clone();
            var y2 = (double[])rhs.Clone();
            column.Solve(y1);
            super.Solve(y2);
            Assert.True(y2.Zip(x).Max(t => Math.Abs(t.First - t.Second)) < 1e-9);
            Assert.True(y1.Zip(y2).Max(t => Math.Abs(t.First - t.Second)) < 1e-11);
        }
    }

    [Fact]
    public void Supernodal_factorisation_rejects_an_indefinite_matrix()
    {
        var a = Lattice(30, 2);
        a.Values[a.IndexOf(450, 450)] = -5;
        Assert.Throws<SimulationException>(() => new SparseCholesky(a, supernodal: true).Factor(a));
    }

    [Fact]
    public void Large_factorisations_choose_supernodes_and_small_ones_columns()
    {
        Assert.False(new SparseCholesky(Lattice(30, 1)).Supernodal);
        var big = new SparseCholesky(Lattice(160, 1));
        Assert.True(big.FactorOperations >= SparseCholesky.SupernodalOperations);
        Assert.True(big.Supernodal);
    }
}

/// <summary>Test matrices on an m × m grid of nodes (node k = i·m + j, edges to the right and below).</summary>
internal static class LatticeMatrix
{
    /// <summary>
    /// Adds a grid matrix to <paramref name="b"/>: without <paramref name="conductance"/>, <paramref name="diagonal"/> on
    /// the diagonal and −1 per edge; with it, the weighted Laplacian of conductances drawn in edge order plus
    /// <paramref name="diagonal"/> on the diagonal.
    /// </summary>
    public static void Add(CooBuilder b, int m, double diagonal, Func<double>? conductance = null)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var k = (i * m) + j;
                b.Add(k, k, diagonal);
                if (j + 1 < m)
                {
                    Edge(k, k + 1);
                }

                if (i + 1 < m)
                {
                    Edge(k, k + m);
                }
            }
        }

        void Edge(int u, int v)
        {
            var g = conductance?.Invoke() ?? 1;
            if (conductance is not null)
            {
                b.Add(u, u, g);
                b.Add(v, v, g);
            }

            b.Add(u, v, -g);
            b.Add(v, u, -g);
        }
    }
}
