using System.Numerics;
using ILGPU;

namespace Neuromorph.Kernels;

/// <summary>
/// The sum of one value from each thread of a group, added in a fixed order: every run gives the same bits. ILGPU.Algorithms'
/// group reduction is not ordered on its CPU accelerator (each thread adds atomically in whatever order the threads
/// arrive), and there a Hopfield field that is zero up to rounding changed sign from run to run.
/// </summary>
public static class GroupSum
{
    /// <summary>The largest group the shared array holds; the kernels launch at most 256 threads per group.</summary>
    public const int MaxThreads = 256;

    /// <summary>How many threads add the shared values in the first stage, each a strided subset.</summary>
    private const int Lanes = 16;

    /// <summary>
    /// Σ over the group's threads of <paramref name="value"/>, returned to every thread. All threads of the group must
    /// call it (it holds two group barriers); the group has at most <see cref="MaxThreads"/> threads.
    /// </summary>
    /// <remarks>
    /// Thread k &lt; 16 adds values k, k + 16, k + 32, … in that order; then every thread adds the 16 partial sums in
    /// order, so all threads hold the same sum. Two barriers, as ILGPU's own reduction on the CPU. A following call
    /// may reuse the arrays at once: its threads write only after passing this call's second barrier.
    /// </remarks>
    public static T Of<T>(T value)
        where T : unmanaged, INumber<T>
    {
        var values = SharedMemory.Allocate<T>(MaxThreads);
        var partial = SharedMemory.Allocate<T>(Lanes);
        int t = Group.IdxX, n = Group.DimX;
        values[t] = value;
        Group.Barrier();

        if (t < Lanes)
        {
            var acc = T.Zero;
            for (var k = t; k < n; k += Lanes)
            {
                acc += values[k];
            }

            partial[t] = acc;
        }

        Group.Barrier();
        var sum = T.Zero;
        for (var k = 0; k < Lanes && k < n; k++)
        {
            sum += partial[k];
        }

        return sum;
    }
}
