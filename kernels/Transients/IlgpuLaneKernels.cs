using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using Neuromorph.Compute;
using Neuromorph.Compute.Transients;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Numerics.Ode;
using AcceleratorException = Neuromorph.Compute.AcceleratorException; // ILGPU.Runtime has a type of the same name

namespace Neuromorph.Kernels.Transients;

/// <summary>
/// The ILGPU form of <see cref="LaneKernels"/>, batched transients: one thread per lane runs the library's
/// <see cref="LaneTransient"/> (double precision in either accelerator precision). The device code ILGPU compiles, and
/// <see cref="Set{T, TReal}"/>, which launches it.
/// </summary>
public static class IlgpuLaneKernels
{
    /// <summary>results[k · m + p] = probe p of lane k. Launch: extent lanes.</summary>
    public static void Integrate<TLane>(Index1D index, ArrayView<TLane> lanes, TransientGrid grid, ProbeBank probes, ArrayView<double> results)
        where TLane : unmanaged, IScalarLane
    {
        var values = LaneTransient.Run(lanes[index], grid, probes);
        long m = probes.Count, k = index;
        results[k * m] = values.V0;
        if (m > 1)
        {
            results[(k * m) + 1] = values.V1;
        }

        if (m > 2)
        {
            results[(k * m) + 2] = values.V2;
        }

        if (m > 3)
        {
            results[(k * m) + 3] = values.V3;
        }
    }

    /// <summary>The set on one ILGPU accelerator: one kernel per lane type, compiled on its first launch.</summary>
    internal sealed class Set<T, TReal>(IlgpuLauncher<T, TReal> launcher) : LaneKernels(launcher.Owner)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        private readonly Dictionary<Type, Delegate> _kernels = [];

        private DeviceInfo Info => launcher.Info;

        /// <inheritdoc/>
        protected override void IntegrateLanesInternal<TLane>(ReadOnlySpan<TLane> lanes, TransientGrid grid, ProbeBank probes, Span<double> results)
        {
            var device = launcher.Device;
            var name = $"integrate_lanes<{typeof(TLane).Name}>";
            var kernel = (Action<Index1D, ArrayView<TLane>, TransientGrid, ProbeBank, ArrayView<double>>)Load(typeof(TLane), name, () =>
                device.LoadAutoGroupedStreamKernel<Index1D, ArrayView<TLane>, TransientGrid, ProbeBank, ArrayView<double>>(Integrate<TLane>));
            var n = lanes.Length;
            var m = n * probes.Count;
            using var input = Upload(lanes);
            using var output = Failures.Guard(Info, $"allocating {m} results", () => device.Allocate1D<double>(m));
            launcher.Launch(name, () =>
            {
                kernel(n, input.View, grid, probes, output.View);
                device.Synchronize();
            });
            var host = new double[m];
            Failures.Guard(Info, "copying results to the host", () => output.View.CopyToCPU(ref host[0], m));
            host.CopyTo(results);
        }

        private MemoryBuffer1D<TLane, Stride1D.Dense> Upload<TLane>(ReadOnlySpan<TLane> lanes)
            where TLane : unmanaged
        {
            try
            {
                return launcher.Owner.Upload(lanes);
            }
            catch (Exception ex) when (Failures.IsDeviceFailure(ex))
            {
                throw new AcceleratorException($"copying {lanes.Length} lanes to {Info.Name} failed: {Failures.Describe(ex)}", ex);
            }
        }

        /// <summary>The kernel for lane type <paramref name="key"/>, compiling it first if needed; a failed compile keeps nothing.</summary>
        private Delegate Load(Type key, string name, Func<Delegate> compile)
        {
            lock (_kernels)
            {
                if (!_kernels.TryGetValue(key, out var kernel))
                {
                    kernel = Failures.Guard(Info, $"compiling kernel {name}", compile);
                    _kernels[key] = kernel;
                }

                return kernel;
            }
        }
    }
}
