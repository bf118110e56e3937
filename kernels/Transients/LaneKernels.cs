using ILGPU;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Kernels.Transients;

/// <summary>Batched transients: one thread per lane runs the library's <see cref="LaneTransient"/> (double precision).</summary>
public static class LaneKernels
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
}
