using Neuromorph.Compute.Cpu;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Compute.Transients;

/// <summary>
/// The kernels of batched transients (one scalar lane per thread, <see cref="LaneTransient"/>) on an accelerator, as
/// typed methods (see <see cref="KernelSet"/>); <c>accelerator.KernelSet&lt;LaneKernels&gt;()</c> hands them out. The
/// lanes are Numerics.Ode's, but Numerics sits below Compute and cannot name an accelerator, so the set lives in
/// Compute's lowest folder that sees both. The managed form is below; the ILGPU form is kernels/Transients/IlgpuLaneKernels.
/// </summary>
public abstract class LaneKernels : KernelSet, IKernelSet<LaneKernels>
{
    /// <summary>Binds the kernels to the accelerator they run on.</summary>
    protected LaneKernels(IAccelerator accelerator)
        : base(accelerator)
    {
    }

    /// <summary>
    /// Integrates every lane over <paramref name="grid"/> (<see cref="LaneTransient"/>, always in double precision) and
    /// writes the probes' values lane by lane into <paramref name="results"/> (lanes × probes.Count).
    /// </summary>
    public void IntegrateLanes<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
        where TLane : unmanaged, IScalarLane
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid.Steps, 1);
        if (!(grid.Stop > 0) || double.IsInfinity(grid.Stop))
        {
            throw new ArgumentOutOfRangeException(nameof(grid), $"transient stop time must be positive and finite, got {grid.Stop}");
        }

        if (probes.Count is < 1 or > ProbeBank.Capacity)
        {
            throw new ArgumentOutOfRangeException(nameof(probes), $"a probe bank holds 1 to {ProbeBank.Capacity} probes, got {probes.Count}");
        }

        if (results.Length < (long)lanes.Length * probes.Count)
        {
            throw new ArgumentException($"{lanes.Length} lanes × {probes.Count} probes need {(long)lanes.Length * probes.Count} results, got {results.Length}", nameof(results));
        }

        if (!Accelerator.Device.DoublePrecision)
        {
            throw new AcceleratorException($"{Accelerator.Device.Name} has no double precision, which batched transients need");
        }

        if (lanes.Length > 0)
        {
            IntegrateLanesInternal(lanes, grid, probes, results);
        }
    }

    /// <inheritdoc/>
    static LaneKernels IKernelSet<LaneKernels>.Managed(CpuAccelerator accelerator) => new ManagedLaneKernels(accelerator);

    /// <summary>Backend part of <see cref="IntegrateLanes"/> (at least one lane).</summary>
    protected abstract void IntegrateLanesInternal<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
        where TLane : unmanaged, IScalarLane;

    /// <summary>The managed form: the same lane code on all cores.</summary>
    private sealed class ManagedLaneKernels(CpuAccelerator accelerator) : LaneKernels(accelerator)
    {
        /// <inheritdoc/>
        protected override void IntegrateLanesInternal<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
        {
            var input = lanes.ToArray();
            var output = new double[input.Length * probes.Count];
            var m = probes.Count;
            Parallel.For(0, input.Length, CpuParallel.Options((long)input.Length * grid.Steps * 100), k =>
            {
                var v = LaneTransient.Run(input[k], grid, probes);
                for (var p = 0; p < m; p++)
                {
                    output[(k * m) + p] = v[p];
                }
            });
            output.CopyTo(results);
        }
    }
}
