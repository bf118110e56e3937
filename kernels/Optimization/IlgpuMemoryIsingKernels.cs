using System.Numerics;
using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Optimization.Memcomputing;

namespace Neuromorph.Kernels.Optimization;

/// <summary>
/// The ILGPU form of <see cref="MemoryIsingKernels"/>, the memory-augmented Ising machine batched over restarts (slot b
/// at b · n): the device code ILGPU compiles, and <see cref="Set{T, TReal}"/>, which launches it.
/// </summary>
public static class IlgpuMemoryIsingKernels
{
    /// <summary>
    /// One forward-Euler step per slot, a group per slot: the threads take spins in strides, compute the new amplitudes
    /// and memories from the old amplitudes (into <paramref name="next"/>), copy them back after a barrier, add up the
    /// read-out energy with an ordered group sum, and the first thread updates the slot's energies and target; the
    /// signs are kept after a further barrier when the step found a lower energy. Launch: grid (count) groups.
    /// </summary>
    public static void Step<T, TReal>(ArrayView<T> rowStart, ArrayView<T> neighbour, ArrayView<T> omega, ArrayView<T> coupling, ArrayView<T> x,
        ArrayView<T> e, ArrayView<T> next, ArrayView<T> state, ArrayView<T> kept, int n, MemoryIsingStep step)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        int b = Grid.IdxX, t = Group.IdxX, stride = Group.DimX;
        long o = (long)b * n;
        long so = (long)b * MemoryIsingStep.StateWidth;
        T a = state[so + 2], dt = TReal.From(step.Dt), r = TReal.From(step.Gain), beta = TReal.From(step.Coupling), rate = TReal.From(step.MemoryRate);
        T xMax = TReal.From(step.AmplitudeMax), eMax = TReal.From(step.MemoryMax);
        for (var i = t; i < n; i += stride)
        {
            var h = T.Zero;
            int end = KernelMath.Index<T, TReal>(rowStart[i + 1]);
            for (var q = KernelMath.Index<T, TReal>(rowStart[i]); q < end; q++)
            {
                h += omega[q] * x[o + KernelMath.Index<T, TReal>(neighbour[q])];
            }

            var xi = x[o + i];
            var xi2 = xi * xi;
            next[o + i] = KernelMath.Clamp(xi + (dt * ((xi * (r - xi2)) + (beta * e[o + i] * h))), -xMax, xMax);
            e[o + i] = KernelMath.Clamp(e[o + i] - (dt * rate * (xi2 - a) * e[o + i]), T.Zero, eMax);
        }

        Group.Barrier();
        for (var i = t; i < n; i += stride)
        {
            x[o + i] = next[o + i];
        }

        Group.Barrier();
        var partial = T.Zero;
        for (var i = t; i < n; i += stride)
        {
            var row = T.Zero;
            int end = KernelMath.Index<T, TReal>(rowStart[i + 1]);
            for (var q = KernelMath.Index<T, TReal>(rowStart[i]); q < end; q++)
            {
                row += coupling[q] * KernelMath.Sign(x[o + KernelMath.Index<T, TReal>(neighbour[q])]);
            }

            partial += KernelMath.Sign(x[o + i]) * row;
        }

        var sum = GroupSum.Of(partial);
        if (Group.IsFirstThread)
        {
            var energy = TReal.ToDouble(sum) * 0.5 + step.Offset;
            var best = XMath.Min(TReal.ToDouble(state[so + 1]), energy);
            state[so] = TReal.From(energy);
            state[so + 1] = TReal.From(best);
            state[so + 2] = TReal.From(step.TargetAmplitude + (step.AmplitudeFeedback * XMath.Tanh(step.EnergySensitivity * (energy - best) / step.Scale)));
            var keep = energy < TReal.ToDouble(state[so + 3]) - 1e-12;
            state[so + 4] = keep ? T.One : T.Zero;
            if (keep)
            {
                state[so + 3] = TReal.From(energy);
            }

            MemoryFence.GroupLevel();
        }

        Group.Barrier();
        if (state[so + 4] > T.Zero)
        {
            for (var i = t; i < n; i += stride)
            {
                kept[o + i] = KernelMath.Sign(x[o + i]);
            }
        }
    }

    /// <summary>The set on one ILGPU accelerator: a group of 128 threads per slot (at most the device's maximum).</summary>
    internal sealed class Set<T, TReal>(IlgpuLauncher<T, TReal> launcher) : MemoryIsingKernels(launcher.Owner)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        private Action<KernelConfig, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, MemoryIsingStep>? _step;

        /// <inheritdoc/>
        protected override void StepInternal(RealBuffer rowStart, RealBuffer neighbour, RealBuffer omega, RealBuffer coupling, RealBuffer x, RealBuffer e, RealBuffer next,
            RealBuffer state, RealBuffer kept, int size, int count, MemoryIsingStep step)
        {
            var kernel = launcher.Load(ref _step, "memory_ising_step", () => launcher.Device.LoadStreamKernel<ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, ArrayView<T>, int, MemoryIsingStep>(Step<T, TReal>));
            var config = new KernelConfig(count, launcher.GroupSize(128));
            launcher.Launch("memory_ising_step", () => kernel(config, V(rowStart), V(neighbour), V(omega), V(coupling), V(x), V(e), V(next), V(state), V(kept), size, step));
        }

        private static ArrayView<T> V(RealBuffer buffer) => IlgpuLauncher<T, TReal>.View(buffer);
    }
}
