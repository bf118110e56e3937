using System.Numerics.Tensors;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Compute.Cpu;

/// <summary>
/// The kernels of the managed CPU path in double precision: SIMD dot products and row-outer loops (each weight row
/// read once per batch), rows or batch items spread over cores once the work is large enough to pay for threads.
/// Checked against the same independent naive references as the GPU kernels.
/// </summary>
internal sealed class CpuKernels(CpuAccelerator accelerator, Func<double, int, double, double> adc) : DeviceKernels(accelerator)
{
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
                yb[j] = adc(yb[j], read.AdcBits, read.AdcRange);
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

    /// <inheritdoc/>
    protected override void CtdRateInternal(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length)
    {
        double[] xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y), d = CpuBuffer.Data(dx);
        for (var k = 0; k < length; k++)
        {
            d[k] = (alpha * xs[k]) - (ys[k] / beta);
        }
    }

    /// <inheritdoc/>
    protected override void HopfieldSweepInternal(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise)
    {
        double[] w = CpuBuffer.Data(weights), h = CpuBuffer.Data(bias), s = CpuBuffer.Data(spins);
        Parallel.For(0, count, Options(count * (long)size * size), b =>
        {
            var sb = s.AsSpan(b * size, size);
            for (var i = 0; i < size; i++)
            {
                var f = h[i] + TensorPrimitives.Dot<double>(w.AsSpan(i * size, size), sb);
                if (noise.Sigma != 0)
                {
                    f += noise.Sigma * Philox.Gaussian((uint)i, (uint)b, noise.Sweep, FieldNoise.Stream, noise.Seed);
                }

                sb[i] = f > 0 ? 1 : f < 0 ? -1 : sb[i];
            }
        });
    }

    /// <inheritdoc/>
    protected override void IntegrateLanesInternal<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
    {
        var input = lanes.ToArray();
        var output = new double[input.Length * probes.Count];
        var m = probes.Count;
        Parallel.For(0, input.Length, Options((long)input.Length * grid.Steps * 100), k =>
        {
            var v = LaneTransient.Run(input[k], grid, probes);
            for (var p = 0; p < m; p++)
            {
                output[(k * m) + p] = v[p];
            }
        });
        output.CopyTo(results);
    }

    private static double Noisy(double w, int i, int j, int b, ReadConditions read)
    {
        var g = w * (1 + (read.Noise * Philox.Gaussian((uint)j, (uint)i, (uint)b, read.Read, read.Seed)));
        return read.ClipAtZero ? Math.Max(g, 0) : g;
    }

    private static ParallelOptions Options(long work) =>
        new() { MaxDegreeOfParallelism = work < 200_000 ? 1 : Environment.ProcessorCount };

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

                ys[(b * rows) + i] = read.AdcBits > 0 ? adc(acc, read.AdcBits, read.AdcRange) : acc;
            }
        });
    }
}
