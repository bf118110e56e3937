using System.Numerics;
using ILGPU;

namespace Neuromorph.Kernels.Linear;

/// <summary>Vector algebra over batches stored back to back: what the batched conjugate gradient iterates with.</summary>
public static class VectorKernels
{
    /// <summary>result[b] = Σ_k A[b, k] B[b, k]. Launch: grid (count) groups of G threads, one group per item.</summary>
    public static void BatchedDot<T, TReal>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> result, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        int item = Grid.IdxX, t = Group.IdxX, stride = Group.DimX;
        long offset = (long)item * length;
        var acc = T.Zero;
        for (var k = t; k < length; k += stride)
        {
            acc += a[offset + k] * b[offset + k];
        }

        var sum = GroupSum.Of(acc);
        if (Group.IsFirstThread)
        {
            result[item] = sum;
        }
    }

    /// <summary>Y[b, k] += sign · coefficients[b] · X[b, k]. Launch: extent length · count.</summary>
    public static void BatchedAxpy<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, ArrayView<T> coefficients, T sign, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long k = index;
        y[k] += sign * coefficients[k / length] * x[k];
    }

    /// <summary>Y[b, k] = X[b, k] + coefficients[b] · Y[b, k]. Launch: extent length · count.</summary>
    public static void BatchedXpay<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, ArrayView<T> coefficients, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long k = index;
        y[k] = x[k] + (coefficients[k / length] * y[k]);
    }

    /// <summary>Z = alpha X + beta Y. Launch: extent length.</summary>
    public static void Axpby<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, ArrayView<T> z, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        z[index] = (alpha * x[index]) + (beta * y[index]);

    /// <summary>C[k] = A[k] B[k mod period]. Launch: extent length.</summary>
    public static void Hadamard<T>(Index1D index, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, int period)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        c[index] = a[index] * b[index % period];
}
