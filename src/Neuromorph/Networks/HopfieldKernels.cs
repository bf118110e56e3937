using System.Numerics.Tensors;
using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks;

/// <summary>
/// The kernels of binary Hopfield networks batched over restarts on an accelerator (Optimization's
/// DeviceHopfieldMachine), as typed methods (see <see cref="KernelSet"/>); <c>accelerator.KernelSet&lt;HopfieldKernels&gt;()</c>
/// hands them out. The managed form is below; the ILGPU form is kernels/Networks/IlgpuHopfieldKernels.
/// </summary>
public abstract class HopfieldKernels : KernelSet, IKernelSet<HopfieldKernels>
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected HopfieldKernels(IAccelerator accelerator)
        : base(accelerator)
    {
    }

    /// <summary>
    /// One in-order asynchronous sweep of a binary Hopfield network per batch item (restart): for i = 0..n−1,
    /// s_i ← sign(Σ_j W[i, j] s_j + bias_i + σ ξ), a zero field keeps the state (<see cref="FieldNoise"/> for ξ).
    /// </summary>
    public void HopfieldSweep(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise)
    {
        CheckSizes(size, count);
        Check(weights, (long)size * size, nameof(weights));
        Check(bias, size, nameof(bias));
        Check(spins, (long)size * count, nameof(spins));
        HopfieldSweepInternal(weights, bias, spins, size, count, noise);
    }

    /// <inheritdoc/>
    static HopfieldKernels IKernelSet<HopfieldKernels>.Managed(CpuAccelerator accelerator) => new ManagedHopfieldKernels(accelerator);

    /// <summary>Backend part of <see cref="HopfieldSweep"/>.</summary>
    protected abstract void HopfieldSweepInternal(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise);

    /// <summary>The managed form (double precision): SIMD fields, restarts spread over cores.</summary>
    private sealed class ManagedHopfieldKernels(CpuAccelerator accelerator) : HopfieldKernels(accelerator)
    {
        /// <inheritdoc/>
        protected override void HopfieldSweepInternal(RealBuffer weights, RealBuffer bias, RealBuffer spins, int size, int count, FieldNoise noise)
        {
            double[] w = CpuBuffer.Data(weights), h = CpuBuffer.Data(bias), s = CpuBuffer.Data(spins);
            Parallel.For(0, count, CpuParallel.Options(count * (long)size * size), b =>
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
    }
}
