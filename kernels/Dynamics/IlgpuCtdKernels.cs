using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Dynamics;
using Neuromorph.Kernels.Runtime;

namespace Neuromorph.Kernels.Dynamics;

/// <summary>
/// The ILGPU form of <see cref="CtdKernels"/> (Caravelli–Traversa–Di Ventra memristive network dynamics): the device
/// code ILGPU compiles, and <see cref="Set{T, TReal}"/>, which launches it.
/// </summary>
public static class IlgpuCtdKernels
{
    /// <summary>dX = alpha X − Y / beta after the batched CG solve of (I + ξ Ω X Ω) Y = Ω S (convention A). Launch: extent length.</summary>
    public static void Rate<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, ArrayView<T> dx, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        dx[index] = (alpha * x[index]) - (y[index] / beta);

    /// <summary>The set on one ILGPU accelerator.</summary>
    internal sealed class Set<T, TReal>(IlgpuLauncher<T, TReal> launcher) : CtdKernels(launcher.Owner)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        private Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>? _rate;

        /// <inheritdoc/>
        protected override void CtdRateInternal(RealBuffer x, RealBuffer y, RealBuffer dx, double alpha, double beta, int length)
        {
            var kernel = launcher.Load(ref _rate, "ctd_rate", () => launcher.Device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, T, T>(Rate));
            launcher.Launch("ctd_rate", () => kernel(length, V(x), V(y), V(dx), TReal.From(alpha), TReal.From(beta)));
        }

        private static ArrayView<T> V(RealBuffer buffer) => IlgpuLauncher<T, TReal>.View(buffer);
    }
}
