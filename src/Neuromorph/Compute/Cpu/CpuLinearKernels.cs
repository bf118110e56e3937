using System.Numerics.Tensors;
using Neuromorph.Numerics.Randomness;
using static Neuromorph.Compute.Cpu.CpuParallel;

namespace Neuromorph.Compute.Cpu;

/// <summary>
/// The linear-algebra kernels of the managed CPU path in double precision: SIMD dot products and row-outer loops (each
/// weight row read once per batch), rows or batch items spread over cores once the work is large enough to pay for
/// threads (<see cref="CpuParallel"/>). Checked against the same independent naive references as the GPU kernels.
/// </summary>
internal sealed class CpuLinearKernels(CpuAccelerator accelerator) : LinearKernels(accelerator)
{
    private readonly Func<double, int, double, double> _adc = accelerator.Adc;

    /// <inheritdoc/>
    protected override void MatVecInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read) =>
        Product(weights, x, y, shape, read);

    /// <inheritdoc/>
    protected override void MatMatInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read) =>
        Product(weights, x, y, shape, read);

    /// <inheritdoc/>
    protected override void MatVecTransposedInternal(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        double[] w = CpuBuffer.Data(weights), xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y);
        var (rows, cols, batch) = shape;
        Parallel.For(0, batch, Options(batch * (long)rows * cols), b =>
        {
            var yb = ys.AsSpan(b * cols, cols);
            yb.Clear();
            for (var i = 0; i < rows; i++)
            {
                var xi = xs[(b * rows) + i];
                var wi = w.AsSpan(i * cols, cols);
                if (read.Noise == 0)
                {
                    TensorPrimitives.MultiplyAdd<double>(wi, xi, yb, yb);
                }
                else
                {
                    for (var j = 0; j < cols; j++)
                    {
                        yb[j] += Noisy(wi[j], i, j, b, read) * xi;
                    }
                }
            }

            for (var j = 0; j < cols && read.AdcBits > 0; j++)
            {
                yb[j] = _adc(yb[j], read.AdcBits, read.AdcRange);
            }
        });
    }

    /// <inheritdoc/>
    protected override void BatchedDotInternal(RealBuffer a, RealBuffer b, RealBuffer result, int length, int count)
    {
        double[] x = CpuBuffer.Data(a), y = CpuBuffer.Data(b), o = CpuBuffer.Data(result);
        for (var q = 0; q < count; q++)
        {
            o[q] = TensorPrimitives.Dot<double>(x.AsSpan(q * length, length), y.AsSpan(q * length, length));
        }
    }

    /// <inheritdoc/>
    protected override void BatchedAxpyInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, double sign, int length, int count)
    {
        double[] xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y), c = CpuBuffer.Data(coefficients);
        for (var q = 0; q < count; q++)
        {
            var yq = ys.AsSpan(q * length, length);
            TensorPrimitives.MultiplyAdd<double>(xs.AsSpan(q * length, length), sign * c[q], yq, yq);
        }
    }

    /// <inheritdoc/>
    protected override void BatchedXpayInternal(RealBuffer x, RealBuffer y, RealBuffer coefficients, int length, int count)
    {
        double[] xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y), c = CpuBuffer.Data(coefficients);
        for (var q = 0; q < count; q++)
        {
            var yq = ys.AsSpan(q * length, length);
            TensorPrimitives.MultiplyAdd<double>(yq, c[q], xs.AsSpan(q * length, length), yq);
        }
    }

    /// <inheritdoc/>
    protected override void AxpbyInternal(RealBuffer x, RealBuffer y, RealBuffer z, double alpha, double beta, int length)
    {
        double[] xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y), zs = CpuBuffer.Data(z);
        for (var k = 0; k < length; k++)
        {
            zs[k] = (alpha * xs[k]) + (beta * ys[k]);
        }
    }

    /// <inheritdoc/>
    protected override void HadamardInternal(RealBuffer a, RealBuffer b, RealBuffer c, int length, int period)
    {
        double[] xs = CpuBuffer.Data(a), ys = CpuBuffer.Data(b), zs = CpuBuffer.Data(c);
        if (period >= length)
        {
            TensorPrimitives.Multiply<double>(xs.AsSpan(0, length), ys.AsSpan(0, length), zs.AsSpan(0, length));
            return;
        }

        for (var k = 0; k < length; k++)
        {
            zs[k] = xs[k] * ys[k % period];
        }
    }

    private static double Noisy(double w, int i, int j, int b, ReadConditions read)
    {
        var g = w * (1 + (read.Noise * Philox.Gaussian((uint)j, (uint)i, (uint)b, read.Read, read.Seed)));
        return read.ClipAtZero ? Math.Max(g, 0) : g;
    }

    private void Product(RealBuffer weights, RealBuffer x, RealBuffer y, ProductShape shape, ReadConditions read)
    {
        double[] w = CpuBuffer.Data(weights), xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y);
        var (rows, cols, batch) = shape;
        // Row-outer: each row of W is read once from memory and reused for every vector of the batch.
        Parallel.For(0, rows, Options(rows * batch * (long)cols), i =>
        {
            var wi = w.AsSpan(i * cols, cols);
            for (var b = 0; b < batch; b++)
            {
                var xb = xs.AsSpan(b * cols, cols);
                double acc;
                if (read.Noise == 0)
                {
                    acc = TensorPrimitives.Dot<double>(wi, xb);
                }
                else
                {
                    acc = 0;
                    for (var j = 0; j < cols; j++)
                    {
                        acc += Noisy(wi[j], i, j, b, read) * xb[j];
                    }
                }

                ys[(b * rows) + i] = read.AdcBits > 0 ? _adc(acc, read.AdcBits, read.AdcRange) : acc;
            }
        });
    }
}
