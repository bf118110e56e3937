using System.Numerics;
using ILGPU;

namespace Neuromorph.Kernels.Dynamics;

/// <summary>Caravelli–Traversa–Di Ventra memristive network dynamics.</summary>
public static class CtdKernels
{
    /// <summary>dX = alpha X − Y / beta after the batched CG solve of (I + ξ Ω X Ω) Y = Ω S (convention A). Launch: extent length.</summary>
    public static void Rate<T>(Index1D index, ArrayView<T> x, ArrayView<T> y, ArrayView<T> dx, T alpha, T beta)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        dx[index] = (alpha * x[index]) - (y[index] / beta);
}
