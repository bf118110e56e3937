using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Numerics;

/// <summary><see cref="CooBuilder.ToCsr"/> against a dense accumulation of the same triplets.</summary>
public class CooBuilderTests
{
    [Theory]
    [InlineData(5, 8)] // short rows: the insertion sort
    [InlineData(3, 400)] // rows of hundreds of entries: the in-place sort
    public void Csr_equals_the_dense_sum_of_the_triplets_with_sorted_columns(int rows, int perRow)
    {
        const int cols = 97;
        var rng = new RandomStream(5);
        var builder = new CooBuilder(rows, cols);
        var dense = new double[rows, cols];
        for (var k = 0; k < rows * perRow; k++)
        {
            // duplicates on purpose: far more entries than columns in the long rows
            int r = rng.Next(rows), c = rng.Next(cols);
            var v = rng.NextDouble() - 0.5;
            builder.Add(r, c, v);
            dense[r, c] += v;
        }

        var csr = builder.ToCsr();
        var seen = new bool[rows, cols];
        for (var r = 0; r < rows; r++)
        {
            for (var m = csr.RowPointers[r]; m < csr.RowPointers[r + 1]; m++)
            {
                var c = csr.ColumnIndices[m];
                Assert.True(m == csr.RowPointers[r] || csr.ColumnIndices[m - 1] < c, "columns ascend within a row, each once");
                Assert.Equal(dense[r, c], csr.Values[m], 12);
                seen[r, c] = true;
            }
        }

        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                Assert.True(seen[r, c] || dense[r, c] == 0, $"entry ({r}, {c}) missing");
            }
        }
    }
}
