using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Neuromorph.Numerics.Dense;

/// <summary>
/// Blocked, packed, multi-threaded GEMM in the Goto/BLIS arrangement: op(A) is packed into panels of
/// <see cref="MicroRows"/> rows and op(B) into panels of <c>NR</c> columns (16 with AVX-512, else 8), and a
/// register-blocked micro-kernel of fused multiply–adds computes each MR × NR tile (SIMD through
/// <see cref="Vector512"/> or <see cref="Vector256"/>). Work is split into tiles of C, each summed over k in the
/// same order whatever the thread count, so results are bit-for-bit reproducible.
/// </summary>
public sealed unsafe class CpuGemm : IGemm
{
    /// <summary>Rows of the micro-kernel's register tile.</summary>
    public const int MicroRows = 6;

    private const int BlockK = 256;
    private const int BlockM = 96;
    private const int MaxBlockN = 512;

    private static readonly bool Wide = Vector512.IsHardwareAccelerated;

    [ThreadStatic]
    private static double[]? _packA;

    [ThreadStatic]
    private static double[]? _packB;

    /// <summary>Uses up to <paramref name="threads"/> threads (default: every processor).</summary>
    public CpuGemm(int threads = 0)
    {
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
    }

    /// <summary>A shared instance using every processor.</summary>
    public static CpuGemm Shared { get; } = new();

    /// <summary>Largest number of threads a product uses.</summary>
    public int Threads { get; }

    private static int MicroColumns => Wide ? 16 : 8;

    /// <inheritdoc />
    public void Multiply(bool transposeA, bool transposeB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (m == 0 || n == 0)
        {
            return;
        }

        CheckExtent(c.Length, m, n, ldc, nameof(c));
        if (k == 0 || alpha == 0)
        {
            ScaleC(c, m, n, ldc, beta);
            return;
        }

        CheckExtent(a.Length, transposeA ? k : m, transposeA ? m : k, lda, nameof(a));
        CheckExtent(b.Length, transposeB ? n : k, transposeB ? k : n, ldb, nameof(b));
        var nr = MicroColumns;
        var mBlocks = (m + BlockM - 1) / BlockM;
        var wantN = Math.Max(1, (Threads + mBlocks - 1) / mBlocks);
        var blockN = Math.Min(MaxBlockN, RoundUp((n + wantN - 1) / wantN, nr));
        var nBlocks = (n + blockN - 1) / blockN;
        var tasks = mBlocks * nBlocks;
        fixed (double* pa = a, pb = b, pc = c)
        {
            var job = new Job((nint)pa, lda, transposeA, (nint)pb, ldb, transposeB, (nint)pc, ldc, m, n, k, alpha, beta, blockN, nBlocks);
            if (tasks == 1 || Threads == 1 || (long)m * n * k < 32_768)
            {
                for (var t = 0; t < tasks; t++)
                {
                    RunTile(job, t);
                }
            }
            else
            {
                Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t => RunTile(job, t));
            }
        }
    }

    private static int RoundUp(int x, int q) => (x + q - 1) / q * q;

    private static void CheckExtent(int length, int rows, int columns, int stride, string name)
    {
        if (stride < columns || (long)(rows - 1) * stride + columns > length)
        {
            throw new ArgumentException($"matrix {name} ({rows} × {columns}, stride {stride}) does not fit in {length} elements", name);
        }
    }

    private static void ScaleC(Span<double> c, int m, int n, int ldc, double beta)
    {
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0)
            {
                row.Clear();
            }
            else if (beta != 1)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, beta, row);
            }
        }
    }

    private static void RunTile(Job job, int task)
    {
        var nr = MicroColumns;
        var ib = task / job.NBlocks;
        var jb = task % job.NBlocks;
        var i0 = ib * BlockM;
        var j0 = jb * job.BlockN;
        var mc = Math.Min(BlockM, job.M - i0);
        var nc = Math.Min(job.BlockN, job.N - j0);
        var mPanels = (mc + MicroRows - 1) / MicroRows;
        var nPanels = (nc + nr - 1) / nr;
        var packA = _packA ??= new double[BlockM * BlockK];
        var packB = _packB ??= new double[MaxBlockN * BlockK];
        Span<double> tile = stackalloc double[MicroRows * 16];
        fixed (double* ap = packA, bp = packB, tp = tile)
        {
            for (var p0 = 0; p0 < job.K; p0 += BlockK)
            {
                var kc = Math.Min(BlockK, job.K - p0);
                PackA(job, i0, p0, mc, kc, ap);
                PackB(job, p0, j0, kc, nc, nr, bp);
                var first = p0 == 0;
                for (var jp = 0; jp < nPanels; jp++)
                {
                    var cols = Math.Min(nr, nc - (jp * nr));
                    var bPanel = bp + (jp * nr * kc);
                    for (var ip = 0; ip < mPanels; ip++)
                    {
                        var rows = Math.Min(MicroRows, mc - (ip * MicroRows));
                        var cTile = (double*)job.C + ((long)(i0 + (ip * MicroRows)) * job.Ldc) + j0 + (jp * nr);
                        var aPanel = ap + (ip * MicroRows * kc);
                        if (Wide)
                        {
                            Kernel512(kc, aPanel, bPanel, tp);
                        }
                        else
                        {
                            Kernel256(kc, aPanel, bPanel, tp);
                        }

                        Store(tp, nr, cTile, job.Ldc, rows, cols, job.Alpha, first ? job.Beta : 1);
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[i0 .. i0+mc, p0 .. p0+kc] as panels of MicroRows rows, k-major inside a panel, zero-padded.</summary>
    private static void PackA(Job job, int i0, int p0, int mc, int kc, double* dst)
    {
        var a = (double*)job.A;
        for (var r0 = 0; r0 < mc; r0 += MicroRows)
        {
            var rows = Math.Min(MicroRows, mc - r0);
            if (job.TransposeA)
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = a + ((long)(p0 + p) * job.Lda) + i0 + r0;
                    for (var r = 0; r < MicroRows; r++)
                    {
                        dst[(p * MicroRows) + r] = r < rows ? src[r] : 0;
                    }
                }
            }
            else
            {
                for (var r = 0; r < MicroRows; r++)
                {
                    if (r < rows)
                    {
                        var src = a + ((long)(i0 + r0 + r) * job.Lda) + p0;
                        for (var p = 0; p < kc; p++)
                        {
                            dst[(p * MicroRows) + r] = src[p];
                        }
                    }
                    else
                    {
                        for (var p = 0; p < kc; p++)
                        {
                            dst[(p * MicroRows) + r] = 0;
                        }
                    }
                }
            }

            dst += MicroRows * kc;
        }
    }

    /// <summary>Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] as panels of nr columns, k-major inside a panel, zero-padded.</summary>
    private static void PackB(Job job, int p0, int j0, int kc, int nc, int nr, double* dst)
    {
        var b = (double*)job.B;
        for (var c0 = 0; c0 < nc; c0 += nr)
        {
            var cols = Math.Min(nr, nc - c0);
            if (!job.TransposeB)
            {
                for (var p = 0; p < kc; p++)
                {
                    var src = b + ((long)(p0 + p) * job.Ldb) + j0 + c0;
                    var d = dst + (p * nr);
                    for (var j = 0; j < nr; j++)
                    {
                        d[j] = j < cols ? src[j] : 0;
                    }
                }
            }
            else
            {
                for (var j = 0; j < nr; j++)
                {
                    if (j < cols)
                    {
                        var src = b + ((long)(j0 + c0 + j) * job.Ldb) + p0;
                        for (var p = 0; p < kc; p++)
                        {
                            dst[(p * nr) + j] = src[p];
                        }
                    }
                    else
                    {
                        for (var p = 0; p < kc; p++)
                        {
                            dst[(p * nr) + j] = 0;
                        }
                    }
                }
            }

            dst += nr * kc;
        }
    }

    /// <summary>6 × 16 register tile: twelve 512-bit accumulators, two B loads and one broadcast per row and step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel512(int kc, double* a, double* b, double* tile)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 8);
            var a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            a += MicroRows;
            b += 16;
        }

        c00.Store(tile);
        c01.Store(tile + 8);
        c10.Store(tile + 16);
        c11.Store(tile + 24);
        c20.Store(tile + 32);
        c21.Store(tile + 40);
        c30.Store(tile + 48);
        c31.Store(tile + 56);
        c40.Store(tile + 64);
        c41.Store(tile + 72);
        c50.Store(tile + 80);
        c51.Store(tile + 88);
    }

    /// <summary>6 × 8 register tile with 256-bit vectors (AVX2, or software fallback).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel256(int kc, double* a, double* b, double* tile)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 4);
            var a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a += MicroRows;
            b += 8;
        }

        c00.Store(tile);
        c01.Store(tile + 4);
        c10.Store(tile + 8);
        c11.Store(tile + 12);
        c20.Store(tile + 16);
        c21.Store(tile + 20);
        c30.Store(tile + 24);
        c31.Store(tile + 28);
        c40.Store(tile + 32);
        c41.Store(tile + 36);
        c50.Store(tile + 40);
        c51.Store(tile + 44);
    }

    /// <summary>C tile = alpha × tile + beta × C tile (C not read when beta = 0), for the rows × cols that lie inside C.</summary>
    private static void Store(double* tile, int nr, double* c, int ldc, int rows, int cols, double alpha, double beta)
    {
        for (var r = 0; r < rows; r++)
        {
            var t = tile + (r * nr);
            var row = c + ((long)r * ldc);
            if (beta == 0)
            {
                for (var j = 0; j < cols; j++)
                {
                    row[j] = alpha * t[j];
                }
            }
            else if (beta == 1)
            {
                for (var j = 0; j < cols; j++)
                {
                    row[j] += alpha * t[j];
                }
            }
            else
            {
                for (var j = 0; j < cols; j++)
                {
                    row[j] = (alpha * t[j]) + (beta * row[j]);
                }
            }
        }
    }

    /// <summary>One product's operands as raw addresses, so worker threads can share them.</summary>
    private sealed record Job(nint A, int Lda, bool TransposeA, nint B, int Ldb, bool TransposeB, nint C, int Ldc,
        int M, int N, int K, double Alpha, double Beta, int BlockN, int NBlocks);
}
