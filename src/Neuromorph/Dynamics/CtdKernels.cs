using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;

namespace Neuromorph.Dynamics;

/// <summary>
/// The kernels of Caravelli–Traversa–Di Ventra network dynamics on an accelerator (<see cref="DeviceDenseCtd"/>), as
/// typed methods (see <see cref="KernelSet"/>); <c>accelerator.KernelSet&lt;CtdKernels&gt;()</c> hands them out. The
/// managed form is below; the ILGPU form is kernels/Dynamics/IlgpuCtdKernels.
/// </summary>
public abstract class CtdKernels : KernelSet, IKernelSet<CtdKernels>
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected CtdKernels(IAccelerator accelerator)
        : base(accelerator)
    {
    }

    /// <summary>The memristive network rate dX = <paramref name="alpha"/> X − Y / <paramref name="beta"/> (Caravelli–Traversa–Di Ventra, convention A).</summary>
    public void CtdRate(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length)
    {
        CheckSizes(length, 1);
        Check(x, length, nameof(x));
        Check(y, length, nameof(y));
        Check(dx, length, nameof(dx));
        CtdRateInternal(x, y, dx, alpha, beta, length);
    }

    /// <inheritdoc/>
    static CtdKernels IKernelSet<CtdKernels>.Managed(CpuAccelerator accelerator) => new ManagedCtdKernels(accelerator);

    /// <summary>Backend part of <see cref="CtdRate"/>.</summary>
    protected abstract void CtdRateInternal(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length);

    /// <summary>The managed form (double precision).</summary>
    private sealed class ManagedCtdKernels(CpuAccelerator accelerator) : CtdKernels(accelerator)
    {
        /// <inheritdoc/>
        protected override void CtdRateInternal(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length)
        {
            double[] xs = CpuBuffer.Data(x), ys = CpuBuffer.Data(y), d = CpuBuffer.Data(dx);
            for (var k = 0; k < length; k++)
            {
                d[k] = (alpha * xs[k]) - (ys[k] / beta);
            }
        }
    }
}
