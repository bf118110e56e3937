using System.Numerics.Tensors;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Compute;

/// <summary>
/// Double-precision C# implementations of every kernel in <see cref="Kernels"/>, with the same arguments as the
/// device kernels. This is what the CPU accelerator runs; the device kernels are tested against an independent
/// naive reference in the test suite, not against this class.
/// </summary>
public static class CpuKernels
{
    /// <summary>Runs kernel <paramref name="name"/>.</summary>
    public static void Run(string name, ReadOnlySpan<KernelArg> a)
    {
        var args = new Args(name, a);
        switch (name)
        {
            case Kernels.PhiloxWords: PhiloxWords(args); break;
            case Kernels.MatVec:
            case Kernels.MatMat: MatVec(args); break;
            case Kernels.MatVecTransposed: MatVecTransposed(args); break;
            case Kernels.Quantize:
                {
                    var x = args.Real(0);
                    int n = args.Int(1), bits = args.Int(2);
                    var range = args.Scalar(3);
                    for (var k = 0; k < n; k++)
                    {
                        x[k] = Kernels.QuantizeValue(x[k], bits, range);
                    }

                    break;
                }

            case Kernels.BatchedDot:
                {
                    double[] x = args.Real(0), y = args.Real(1), o = args.Real(2);
                    int n = args.Int(3), batch = args.Int(4);
                    for (var b = 0; b < batch; b++)
                    {
                        o[b] = TensorPrimitives.Dot<double>(x.AsSpan(b * n, n), y.AsSpan(b * n, n));
                    }

                    break;
                }

            case Kernels.BatchedAxpy:
                {
                    double[] x = args.Real(0), y = args.Real(1), c = args.Real(2);
                    var sign = args.Scalar(3);
                    int n = args.Int(4), batch = args.Int(5);
                    for (var b = 0; b < batch; b++)
                    {
                        var ys = y.AsSpan(b * n, n);
                        TensorPrimitives.MultiplyAdd<double>(x.AsSpan(b * n, n), sign * c[b], ys, ys);
                    }

                    break;
                }

            case Kernels.BatchedXpay:
                {
                    double[] x = args.Real(0), y = args.Real(1), c = args.Real(2);
                    int n = args.Int(3), batch = args.Int(4);
                    for (var b = 0; b < batch; b++)
                    {
                        var ys = y.AsSpan(b * n, n);
                        TensorPrimitives.MultiplyAdd<double>(ys, c[b], x.AsSpan(b * n, n), ys);
                    }

                    break;
                }

            case Kernels.Axpby:
                {
                    double[] x = args.Real(0), y = args.Real(1), z = args.Real(2);
                    double alpha = args.Scalar(3), c = args.Scalar(4);
                    var n = args.Int(5);
                    for (var k = 0; k < n; k++)
                    {
                        z[k] = (alpha * x[k]) + (c * y[k]);
                    }

                    break;
                }

            case Kernels.Copy:
                args.Real(0).AsSpan(0, args.Int(2)).CopyTo(args.Real(1));
                break;

            case Kernels.Hadamard:
                {
                    double[] x = args.Real(0), y = args.Real(1), z = args.Real(2);
                    int n = args.Int(3), period = args.Int(4);
                    for (var k = 0; k < n; k++)
                    {
                        z[k] = x[k] * y[k % period];
                    }

                    break;
                }

            case Kernels.SpMVCsr: SpMV(args); break;
            case Kernels.SignUpdate: SignUpdate(args); break;
            case Kernels.HopfieldAsyncSweep: AsyncSweep(args); break;
            case Kernels.Activation: Activation(args); break;
            case Kernels.LeakyRate: LeakyRate(args); break;
            case Kernels.CtdRate:
                {
                    double[] x = args.Real(0), y = args.Real(1), dx = args.Real(2);
                    double alpha = args.Scalar(3), beta = args.Scalar(4);
                    var n = args.Int(5);
                    for (var k = 0; k < n; k++)
                    {
                        dx[k] = (alpha * x[k]) - (y[k] / beta);
                    }

                    break;
                }

            case Kernels.VteamPulse: Vteam(args); break;
            default: throw new ArgumentException($"unknown kernel '{name}'");
        }
    }

    private static void PhiloxWords(Args a)
    {
        var o = CpuAccelerator.Integers(a.Buffer(0));
        var n = a.Int(6);
        for (var i = 0; i < n; i++)
        {
            var (r0, r1, r2, r3) = Philox.Generate((uint)i, a.UInt(1), a.UInt(2), a.UInt(3), a.UInt(4), a.UInt(5));
            o[4 * i] = (int)r0;
            o[(4 * i) + 1] = (int)r1;
            o[(4 * i) + 2] = (int)r2;
            o[(4 * i) + 3] = (int)r3;
        }
    }

    private static ulong Seed(Args a, int lo) => a.UInt(lo) | ((ulong)a.UInt(lo + 1) << 32);

    private static double Noisy(double w, int i, int j, int b, double noise, bool clip, ulong seed, uint step)
    {
        var g = w * (1 + (noise * Philox.Gaussian((uint)j, (uint)i, (uint)b, step, seed)));
        return clip ? Math.Max(g, 0) : g;
    }

    private static (double[] W, double[] X, double[] Y, int Rows, int Cols, int Batch, double Noise, bool Clip, ulong Seed, uint Step, int Bits, double Range) ProductArgs(Args a) =>
        (a.Real(0), a.Real(1), a.Real(2), a.Int(3), a.Int(4), a.Int(5), a.Scalar(6), a.Int(7) != 0, Seed(a, 8), a.UInt(10), a.Int(11), a.Scalar(12));

    private static void MatVec(Args a)
    {
        var (w, x, y, rows, cols, batch, noise, clip, seed, step, bits, range) = ProductArgs(a);
        // Row-outer: each row of W is read once from memory and reused for every vector of the batch.
        Parallel.For(0, rows, Options(rows * batch * (long)cols), i =>
        {
            var wi = w.AsSpan(i * cols, cols);
            for (var b = 0; b < batch; b++)
            {
                var xb = x.AsSpan(b * cols, cols);
                double acc;
                if (noise == 0)
                {
                    acc = TensorPrimitives.Dot<double>(wi, xb);
                }
                else
                {
                    acc = 0;
                    for (var j = 0; j < cols; j++)
                    {
                        acc += Noisy(wi[j], i, j, b, noise, clip, seed, step) * xb[j];
                    }
                }

                y[(b * rows) + i] = Kernels.QuantizeValue(acc, bits, range);
            }
        });
    }

    private static void MatVecTransposed(Args a)
    {
        var (w, x, y, rows, cols, batch, noise, clip, seed, step, bits, range) = ProductArgs(a);
        Parallel.For(0, batch, Options(batch * (long)rows * cols), b =>
        {
            var yb = y.AsSpan(b * cols, cols);
            yb.Clear();
            for (var i = 0; i < rows; i++)
            {
                var xi = x[(b * rows) + i];
                var wi = w.AsSpan(i * cols, cols);
                if (noise == 0)
                {
                    TensorPrimitives.MultiplyAdd<double>(wi, xi, yb, yb);
                }
                else
                {
                    for (var j = 0; j < cols; j++)
                    {
                        yb[j] += Noisy(wi[j], i, j, b, noise, clip, seed, step) * xi;
                    }
                }
            }

            for (var j = 0; j < cols; j++)
            {
                yb[j] = Kernels.QuantizeValue(yb[j], bits, range);
            }
        });
    }

    private static void SpMV(Args a)
    {
        int[] rowPtr = CpuAccelerator.Integers(a.Buffer(0)), col = CpuAccelerator.Integers(a.Buffer(1));
        double[] v = a.Real(2), x = a.Real(3), y = a.Real(4);
        var n = a.Int(5);
        Parallel.For(0, n, Options(rowPtr[n]), r =>
        {
            var acc = 0.0;
            for (var p = rowPtr[r]; p < rowPtr[r + 1]; p++)
            {
                acc += v[p] * x[col[p]];
            }

            y[r] = acc;
        });
    }

    private static void SignUpdate(Args a)
    {
        double[] h = a.Real(0), bias = a.Real(1), s = a.Real(2);
        int n = a.Int(3), batch = a.Int(4);
        var noise = a.Scalar(5);
        var seed = Seed(a, 6);
        var step = a.UInt(8);
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < n; i++)
            {
                var k = (b * n) + i;
                var f = h[k] + bias[i];
                if (noise != 0)
                {
                    f += noise * Philox.Gaussian((uint)i, (uint)b, step, 0xFFFFFFFFu, seed);
                }

                s[k] = f > 0 ? 1 : f < 0 ? -1 : s[k];
            }
        }
    }

    private static void AsyncSweep(Args a)
    {
        double[] w = a.Real(0), bias = a.Real(1), s = a.Real(2);
        int n = a.Int(3), batch = a.Int(4);
        var noise = a.Scalar(5);
        var seed = Seed(a, 6);
        var step = a.UInt(8);
        Parallel.For(0, batch, Options(batch * (long)n * n), b =>
        {
            var sb = s.AsSpan(b * n, n);
            for (var i = 0; i < n; i++)
            {
                var f = bias[i] + TensorPrimitives.Dot<double>(w.AsSpan(i * n, n), sb);
                if (noise != 0)
                {
                    f += noise * Philox.Gaussian((uint)i, (uint)b, step, 0xFFFFFFFEu, seed);
                }

                sb[i] = f > 0 ? 1 : f < 0 ? -1 : sb[i];
            }
        });
    }

    private static void Activation(Args a)
    {
        double[] u = a.Real(0), v = a.Real(1), gain = a.Real(2), bias = a.Real(3);
        int n = a.Int(4), batch = a.Int(5), kind = a.Int(6);
        for (var k = 0; k < n * batch; k++)
        {
            var i = k % n;
            v[k] = kind == 0 ? Math.Tanh(gain[i] * u[k]) : 1 / (1 + Math.Exp(-gain[i] * (u[k] + bias[i])));
        }
    }

    private static void LeakyRate(Args a)
    {
        double[] u = a.Real(0), h = a.Real(1), input = a.Real(2), tau = a.Real(3), du = a.Real(4);
        int n = a.Int(5), batch = a.Int(6), kind = a.Int(7);
        for (var k = 0; k < n * batch; k++)
        {
            var i = k % n;
            du[k] = kind == 0 ? (-u[k] / tau[i]) + h[k] + input[i] : (-u[k] + h[k] + input[i]) / tau[i];
        }
    }

    private static void Vteam(Args a)
    {
        double[] x = a.Real(0), v = a.Real(1), von = a.Real(2), voff = a.Real(3);
        double kOn = a.Scalar(4), kOff = a.Scalar(5), aOn = a.Scalar(6), aOff = a.Scalar(7);
        var p = a.Int(8);
        var dt = a.Scalar(9);
        int steps = a.Int(10), n = a.Int(11);
        for (var k = 0; k < n; k++)
        {
            var rate = v[k] > voff[k] ? kOff * Math.Pow((v[k] / voff[k]) - 1, aOff)
                : v[k] < von[k] ? kOn * Math.Pow((v[k] / von[k]) - 1, aOn) : 0;
            var xk = x[k];
            for (var s = 0; s < steps; s++)
            {
                var f = p > 0 ? 1 - Math.Pow(((2 * xk) - 1) * ((2 * xk) - 1), p) : 1;
                xk = Math.Clamp(xk + (dt * rate * f), 0, 1);
            }

            x[k] = xk;
        }
    }

    private static ParallelOptions Options(long work) =>
        new() { MaxDegreeOfParallelism = work < 200_000 ? 1 : Environment.ProcessorCount };

    private readonly ref struct Args(string kernel, ReadOnlySpan<KernelArg> args)
    {
        private readonly ReadOnlySpan<KernelArg> _args = args;

        public DeviceBuffer Buffer(int i) => At(i).AsBuffer(kernel, i);

        public double[] Real(int i) => CpuAccelerator.Real(Buffer(i));

        public int Int(int i) => (int)At(i).Integer;

        public uint UInt(int i) => (uint)At(i).Integer;

        public double Scalar(int i) => At(i).Real;

        private KernelArg At(int i) =>
            i < _args.Length ? _args[i] : throw new ArgumentException($"kernel {kernel}: expected more than {_args.Length} arguments");
    }
}
