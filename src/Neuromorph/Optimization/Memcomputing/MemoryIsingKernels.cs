using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// The kernels of the memory-augmented Ising machine batched over restarts on an accelerator
/// (<see cref="DeviceMemoryIsingSolver"/>), as typed methods (see <see cref="KernelSet"/>). Slot b's amplitudes, memories
/// and kept signs start at b · n. The extended model's couplings come as CSR arrays of reals: row starts (n + 1),
/// neighbours, ω = −K/s and K, the indices exact as reals below 2^24 in single precision. The managed form is below;
/// the ILGPU form is kernels/Optimization/IlgpuMemoryIsingKernels.
/// </summary>
public abstract class MemoryIsingKernels : KernelSet, IKernelSet<MemoryIsingKernels>
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected MemoryIsingKernels(IAccelerator accelerator)
        : base(accelerator)
    {
    }

    /// <summary>
    /// One forward-Euler step of every slot, as <see cref="MemoryIsingBatch.Advance"/>: x and e from the current state
    /// (clipped to |x| ≤ x_max, 0 ≤ e ≤ e_max), then the read-out σ = sgn x (+1 at 0) and its energy
    /// E = offset + ½ Σ_i σ_i Σ_j K_ij σ_j counted afresh, E_best = min(E_best, E), the target a = α + ρ tanh(δ (E − E_best)/s),
    /// and the signs kept in <paramref name="kept"/> when E is below the kept energy by more than 1e-12. <paramref name="next"/>
    /// is scratch of the size of <paramref name="x"/>; <paramref name="state"/> holds <see cref="MemoryIsingStep.StateWidth"/> reals per slot.
    /// </summary>
    public void Step(RealBuffer rowStart, RealBuffer neighbour, RealBuffer omega, RealBuffer coupling, RealBuffer x, RealBuffer e, RealBuffer next,
        RealBuffer state, RealBuffer kept, int size, int count, MemoryIsingStep step)
    {
        CheckSizes(size, count);
        Check(rowStart, size + 1, nameof(rowStart));
        var slots = (long)size * count;
        foreach (var (b, name) in new[] { (x, nameof(x)), (e, nameof(e)), (next, nameof(next)), (kept, nameof(kept)) })
        {
            Check(b, slots, name);
        }

        Check(state, (long)MemoryIsingStep.StateWidth * count, nameof(state));
        ArgumentNullException.ThrowIfNull(neighbour);
        Check(omega, neighbour.Length, nameof(omega));
        Check(coupling, neighbour.Length, nameof(coupling));
        StepInternal(rowStart, neighbour, omega, coupling, x, e, next, state, kept, size, count, step);
    }

    /// <inheritdoc/>
    static MemoryIsingKernels IKernelSet<MemoryIsingKernels>.Managed(CpuAccelerator accelerator) => new ManagedMemoryIsingKernels(accelerator);

    /// <summary>Backend part of <see cref="Step"/>.</summary>
    protected abstract void StepInternal(RealBuffer rowStart, RealBuffer neighbour, RealBuffer omega, RealBuffer coupling, RealBuffer x, RealBuffer e, RealBuffer next,
        RealBuffer state, RealBuffer kept, int size, int count, MemoryIsingStep step);

    /// <summary>The managed form (double precision): slots spread over cores.</summary>
    private sealed class ManagedMemoryIsingKernels(CpuAccelerator accelerator) : MemoryIsingKernels(accelerator)
    {
        /// <inheritdoc/>
        protected override void StepInternal(RealBuffer rowStart, RealBuffer neighbour, RealBuffer omega, RealBuffer coupling, RealBuffer x, RealBuffer e, RealBuffer next,
            RealBuffer state, RealBuffer kept, int size, int count, MemoryIsingStep step)
        {
            double[] rs = CpuBuffer.Data(rowStart), nb = CpuBuffer.Data(neighbour), w = CpuBuffer.Data(omega), k = CpuBuffer.Data(coupling);
            double[] xs = CpuBuffer.Data(x), es = CpuBuffer.Data(e), nx = CpuBuffer.Data(next), st = CpuBuffer.Data(state), ks = CpuBuffer.Data(kept);
            Parallel.For(0, count, CpuParallel.Options(count * (long)w.Length), b =>
            {
                var o = b * size;
                var so = b * MemoryIsingStep.StateWidth;
                var a = st[so + 2];
                for (var i = 0; i < size; i++)
                {
                    var h = 0.0;
                    for (int q = (int)rs[i], end = (int)rs[i + 1]; q < end; q++)
                    {
                        h += w[q] * xs[o + (int)nb[q]];
                    }

                    var xi = xs[o + i];
                    var xi2 = xi * xi;
                    nx[o + i] = Math.Clamp(xi + (step.Dt * ((xi * (step.Gain - xi2)) + (step.Coupling * es[o + i] * h))), -step.AmplitudeMax, step.AmplitudeMax);
                    es[o + i] = Math.Clamp(es[o + i] - (step.Dt * step.MemoryRate * (xi2 - a) * es[o + i]), 0, step.MemoryMax);
                }

                Array.Copy(nx, o, xs, o, size);
                var sum = 0.0;
                for (var i = 0; i < size; i++)
                {
                    var row = 0.0;
                    for (int q = (int)rs[i], end = (int)rs[i + 1]; q < end; q++)
                    {
                        row += k[q] * Sign(xs[o + (int)nb[q]]);
                    }

                    sum += Sign(xs[o + i]) * row;
                }

                var energy = step.Offset + (0.5 * sum);
                var best = Math.Min(st[so + 1], energy);
                st[so] = energy;
                st[so + 1] = best;
                st[so + 2] = step.Target(energy, best);
                var keep = energy < st[so + 3] - 1e-12;
                st[so + 4] = keep ? 1 : 0;
                if (keep)
                {
                    st[so + 3] = energy;
                    for (var i = 0; i < size; i++)
                    {
                        ks[o + i] = Sign(xs[o + i]);
                    }
                }
            });
        }

        private static double Sign(double v) => v >= 0 ? 1 : -1;
    }
}
