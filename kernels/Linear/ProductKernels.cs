using System.Numerics;
using ILGPU;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Linear;

/// <summary>
/// Batched products y = W x read through a crossbar (<see cref="ReadConditions"/>): matvec for small batches (a group
/// per output row, reduced with ILGPU.Algorithms), matmat register-blocked for large batches, and the transposed
/// product. Row-major W; vector b of a batch starts at b · length.
/// </summary>
public static class ProductKernels
{
    /// <summary>Outputs per matmat tile side.</summary>
    public const int Tile = 64;

    /// <summary>Threads per matmat group side (each thread computes 4 × 4 outputs).</summary>
    public const int Threads = 16;

    private const int Depth = 16;

    /// <summary>
    /// Y[b, i] for group (i, b): the group's threads stride over the row, then a group reduction.
    /// Launch: grid (rows, count) groups of (G, 1) threads.
    /// </summary>
    public static void MatVec<T, TReal>(ArrayView<T> w, ArrayView<T> x, ArrayView<T> y, ProductShape shape, ReadConditions read)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        int i = Grid.IdxX, b = Grid.IdxY, t = Group.IdxX, stride = Group.DimX, cols = shape.Columns;
        var acc = T.Zero;
        long wi = (long)i * cols, xb = (long)b * cols;
        if (read.Noise == 0)
        {
            for (var j = t; j < cols; j += stride)
            {
                acc += w[wi + j] * x[xb + j];
            }
        }
        else
        {
            for (var j = t; j < cols; j += stride)
            {
                acc += CrossbarRead.Weight<T, TReal>(w[wi + j], i, j, b, read) * x[xb + j];
            }
        }

        var sum = GroupSum.Of(acc);
        if (Group.IsFirstThread)
        {
            y[((long)b * shape.Rows) + i] = CrossbarRead.Output<T, TReal>(sum, read);
        }
    }

    /// <summary>
    /// The matvec contract for large batches, C = X Wᵀ blocked: a 16 × 16 group computes a 64-row × 64-vector tile,
    /// each thread 4 × 4 outputs (rows tx + 16r, vectors ty + 16q), stepping through the columns 16 at a time through
    /// shared memory. Launch: grid (⌈rows/64⌉, ⌈count/64⌉) groups of (16, 16) threads.
    /// </summary>
    public static void MatMat<T, TReal>(ArrayView<T> w, ArrayView<T> x, ArrayView<T> y, ProductShape shape, ReadConditions read)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        var ws = SharedMemory.Allocate<T>(Depth * Tile);
        var xs = SharedMemory.Allocate<T>(Depth * Tile);
        var acc = LocalMemory.Allocate<T>(16);
        int tx = Group.IdxX, ty = Group.IdxY, t = (ty * Threads) + tx;
        int i0 = Grid.IdxX * Tile, b0 = Grid.IdxY * Tile;
        int rows = shape.Rows, cols = shape.Columns, count = shape.Count;
        for (var k = 0; k < 16; k++)
        {
            acc[k] = T.Zero;
        }

        for (var j0 = 0; j0 < cols; j0 += Depth)
        {
            for (var l = 0; l < 4; l++)
            {
                int e = t + (256 * l), row = e / Depth, kk = e % Depth, j = j0 + kk;
                ws[(kk * Tile) + row] = i0 + row < rows && j < cols ? w[((long)(i0 + row) * cols) + j] : T.Zero;
                xs[(kk * Tile) + row] = b0 + row < count && j < cols ? x[((long)(b0 + row) * cols) + j] : T.Zero;
            }

            Group.Barrier();
            var kmax = cols - j0 < Depth ? cols - j0 : Depth;
            for (var k = 0; k < kmax; k++)
            {
                for (var r = 0; r < 4; r++)
                {
                    var a = ws[(k * Tile) + tx + (16 * r)];
                    if (read.Noise != 0)
                    {
                        for (var q = 0; q < 4; q++)
                        {
                            var noisy = NoisyOrZero<T, TReal>(a, i0 + tx + (16 * r), j0 + k, b0 + ty + (16 * q), rows, count, read);
                            acc[(r * 4) + q] += noisy * xs[(k * Tile) + ty + (16 * q)];
                        }
                    }
                    else
                    {
                        for (var q = 0; q < 4; q++)
                        {
                            acc[(r * 4) + q] += a * xs[(k * Tile) + ty + (16 * q)];
                        }
                    }
                }
            }

            Group.Barrier();
        }

        for (var q = 0; q < 4; q++)
        {
            var b = b0 + ty + (16 * q);
            for (var r = 0; r < 4; r++)
            {
                var i = i0 + tx + (16 * r);
                if (i < rows && b < count)
                {
                    y[((long)b * rows) + i] = CrossbarRead.Output<T, TReal>(acc[(r * 4) + q], read);
                }
            }
        }
    }

    /// <summary>Y[b, j] = ADC(Σ_i W~[i, j] X[b, i]), one thread per output. Launch: extent (columns, count).</summary>
    public static void MatVecTransposed<T, TReal>(Index2D index, ArrayView<T> w, ArrayView<T> x, ArrayView<T> y, ProductShape shape, ReadConditions read)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        int j = index.X, b = index.Y, rows = shape.Rows, cols = shape.Columns;
        long xb = (long)b * rows;
        var acc = T.Zero;
        if (read.Noise == 0)
        {
            for (var i = 0; i < rows; i++)
            {
                acc += w[((long)i * cols) + j] * x[xb + i];
            }
        }
        else
        {
            for (var i = 0; i < rows; i++)
            {
                acc += CrossbarRead.Weight<T, TReal>(w[((long)i * cols) + j], i, j, b, read) * x[xb + i];
            }
        }

        y[((long)b * cols) + j] = CrossbarRead.Output<T, TReal>(acc, read);
    }

    /// <summary>A noisy read of tile element (i, j) for vector b, zero outside the matrix (padding draws no noise).</summary>
    private static T NoisyOrZero<T, TReal>(T w, int i, int j, int b, int rows, int count, in ReadConditions read)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T> =>
        i < rows && b < count ? CrossbarRead.Weight<T, TReal>(w, i, j, b, read) : T.Zero;
}
