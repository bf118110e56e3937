using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Numerics;

public class SparseLuTests
{
    private static CsrMatrix RandomSparse(int n, double density, int seed, bool zeroDiagonals)
    {
        var rng = new RandomStream(seed);
        var b = new CooBuilder(n, n);
        for (var i = 0; i < n; i++)
        {
            // zero diagonals mimic voltage-source branch rows: rows i and i + 1 (i = 0, 5, 10, ...) swap their strong
            // entries, a permutation that keeps the matrix non-singular while both diagonals are zero
            var swapped = zeroDiagonals && i % 5 == 0 ? i + 1 : zeroDiagonals && i % 5 == 1 ? i - 1 : i;
            b.Add(i, swapped < n ? swapped : i, 1 + rng.NextDouble());
            for (var j = 0; j < n; j++)
            {
                if (rng.NextDouble() < density)
                {
                    b.Add(i, j, rng.NextDouble() - 0.5);
                }
            }
        }

        if (zeroDiagonals)
        {
            for (var i = 0; i + 1 < n; i += 5)
            {
                b.Add(i, i, 0);
                b.Add(i + 1, i + 1, 0);
            }
        }

        return b.ToCsr();
    }

    [Theory]
    [InlineData(50, 0.05, 1, false)]
    [InlineData(200, 0.01, 2, false)]
    [InlineData(120, 0.03, 3, true)]
    public void Solves_like_dense_lu_and_refactors_on_the_same_pattern(int n, double density, int seed, bool zeroDiagonals)
    {
        var a = RandomSparse(n, density, seed, zeroDiagonals);
        var lu = new SparseLu(a);
        Assert.Equal(-1, lu.Factor(a));
        var rng = new RandomStream(seed + 100);
        for (var round = 0; round < 3; round++)
        {
            var b = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            var x = (double[])b.Clone();
            lu.Solve(x);
            var dense = Matrix<double>.Build.DenseOfArray(a.ToDense());
            var expected = dense.Solve(Vector<double>.Build.DenseOfArray(b));
            var err = (Vector<double>.Build.DenseOfArray(x) - expected).L2Norm() / expected.L2Norm();
            Assert.True(err < 1e-10, $"relative error {err}");

            // change values (not pattern), then refactor with the kept pivots and patterns
            for (var k = 0; k < a.Values.Length; k++)
            {
                a.Values[k] *= 1 + (0.2 * (rng.NextDouble() - 0.5));
            }

            if (!lu.Refactor(a))
            {
                Assert.Equal(-1, lu.Factor(a));
            }
        }
    }

    [Fact]
    public void Refactor_with_the_values_it_holds_keeps_the_factors_and_any_other_values_are_refactored()
    {
        // a linear circuit at an unchanged step hands Refactor the same values: it keeps the factors, which must still
        // solve those values and never stand in for different ones (checked against a dense solve each time)
        var a = RandomSparse(80, 0.05, 7, zeroDiagonals: false);
        var original = (double[])a.Values.Clone();
        var lu = new SparseLu(a);
        Assert.Equal(-1, lu.Factor(a));
        var rng = new RandomStream(8);
        var b = Enumerable.Range(0, 80).Select(_ => rng.NextDouble() - 0.5).ToArray();
        void SolvesLikeDense()
        {
            var x = (double[])b.Clone();
            lu.Solve(x);
            var expected = Matrix<double>.Build.DenseOfArray(a.ToDense()).Solve(Vector<double>.Build.DenseOfArray(b));
            var err = (Vector<double>.Build.DenseOfArray(x) - expected).L2Norm() / expected.L2Norm();
            Assert.True(err < 1e-10, $"relative error {err}");
        }

        Assert.True(lu.Refactor(a));
        SolvesLikeDense();
        for (var k = 0; k < a.Values.Length; k++)
        {
            a.Values[k] *= 1 + (0.2 * (rng.NextDouble() - 0.5));
        }

        Assert.True(lu.Refactor(a) || lu.Factor(a) == -1);
        SolvesLikeDense();
        Assert.True(lu.Refactor(a));
        SolvesLikeDense();
        original.CopyTo(a.Values, 0);
        Assert.True(lu.Refactor(a) || lu.Factor(a) == -1);
        SolvesLikeDense();
    }

    [Fact]
    public void Reports_the_column_of_a_structurally_singular_matrix()
    {
        var b = new CooBuilder(3, 3);
        b.Add(0, 0, 1);
        b.Add(1, 1, 1);
        b.Add(1, 2, 0);
        b.Add(2, 1, 2);
        b.Add(2, 2, 0);
        var a = b.ToCsr();
        Assert.Equal(2, new SparseLu(a).Factor(a)); // column 2 holds only explicit zeros: no pivot whatever the order
    }

    [Fact]
    public void Grid_laplacian_fill_stays_near_n_log_n()
    {
        const int m = 40;
        var n = m * m;
        var b = new CooBuilder(n, n);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var k = (i * m) + j;
                b.Add(k, k, 4.01);
                if (i > 0) { b.Add(k, k - m, -1); }
                if (i < m - 1) { b.Add(k, k + m, -1); }
                if (j > 0) { b.Add(k, k - 1, -1); }
                if (j < m - 1) { b.Add(k, k + 1, -1); }
            }
        }

        var a = b.ToCsr();
        var lu = new SparseLu(a);
        Assert.Equal(-1, lu.Factor(a));
        // nested-dissection-quality orderings give O(n log n) fill; the natural order would give about 2 n m = 128,000
        Assert.True(lu.FactorNonZeros < 60_000, $"fill {lu.FactorNonZeros}");
    }
}
