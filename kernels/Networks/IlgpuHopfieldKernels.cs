using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Kernels.Networks;

/// <summary>
/// The ILGPU form of <see cref="HopfieldKernels"/>, binary Hopfield dynamics batched over restarts (state b of the batch
/// starts at b · n): the device code ILGPU compiles, and <see cref="Set{T, TReal}"/>, which launches it.
/// </summary>
public static class IlgpuHopfieldKernels
{
    /// <summary>
    /// One in-order asynchronous sweep per restart: a group per restart computes each neuron's field with a group
    /// reduction, its first thread sets the spin (field noise from Philox; a zero field keeps the state), and a barrier
    /// makes the new spin visible before the next field. Launch: grid (count) groups of G threads.
    /// </summary>
    public static void Sweep<T, TReal>(ArrayView<T> w, ArrayView<T> bias, ArrayView<T> spins, int n, FieldNoise noise)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        int b = Grid.IdxX, t = Group.IdxX, stride = Group.DimX;
        long sb = (long)b * n;
        for (var i = 0; i < n; i++)
        {
            long wi = (long)i * n;
            var acc = T.Zero;
            for (var j = t; j < n; j += stride)
            {
                acc += w[wi + j] * spins[sb + j];
            }

            var field = GroupSum.Of(acc);
            if (Group.IsFirstThread)
            {
                var f = field + bias[i];
                if (noise.Sigma != 0)
                {
                    f += TReal.From(noise.Sigma * Philox.Gaussian((uint)i, (uint)b, noise.Sweep, FieldNoise.Stream, noise.Seed));
                }

                if (f > T.Zero)
                {
                    spins[sb + i] = T.One;
                }
                else if (f < T.Zero)
                {
                    spins[sb + i] = -T.One;
                }

                MemoryFence.GroupLevel();
            }

            Group.Barrier();
        }
    }

    /// <summary>The set on one ILGPU accelerator: a group of 128 threads per restart (at most the device's maximum).</summary>
    internal sealed class Set<T, TReal>(IlgpuLauncher<T, TReal> launcher) : HopfieldKernels(launcher.Owner)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, FieldNoise>? _sweep;

        /// <inheritdoc/>
        protected override void HopfieldSweepInternal(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise)
        {
            var kernel = launcher.Load(ref _sweep, "hopfield_sweep", () => launcher.Device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, int, FieldNoise>(Sweep<T, TReal>));
            var config = new KernelConfig(count, launcher.GroupSize(128));
            launcher.Launch("hopfield_sweep", () => kernel(config, V(weights), V(bias), V(spins), size, noise));
        }

        private static ArrayView<T> V(RealBuffer buffer) => IlgpuLauncher<T, TReal>.View(buffer);
    }
}
