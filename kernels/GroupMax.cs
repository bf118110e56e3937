using System.Numerics;
using ILGPU;

namespace Neuromorph.Kernels;

/// <summary>
/// The largest of one value from each thread of a group, returned to every thread (the maximum does not depend on the
/// order, so no ordering is needed; <see cref="GroupSum"/>'s two-stage shape is kept for the same shared arrays' size).
/// </summary>
public static class GroupMax
{
    private const int Lanes = 16;

    /// <summary>
    /// max over the group's threads of <paramref name="value"/>. All threads of the group must call it (two group
    /// barriers); the group has at most <see cref="GroupSum.MaxThreads"/> threads.
    /// </summary>
    public static T Of<T>(T value)
        where T : unmanaged, INumber<T>
    {
        var values = SharedMemory.Allocate<T>(GroupSum.MaxThreads);
        var partial = SharedMemory.Allocate<T>(Lanes);
        int t = Group.IdxX, n = Group.DimX;
        values[t] = value;
        Group.Barrier();

        if (t < Lanes && t < n)
        {
            var acc = values[t];
            for (var k = t + Lanes; k < n; k += Lanes)
            {
                acc = values[k] > acc ? values[k] : acc;
            }

            partial[t] = acc;
        }

        Group.Barrier();
        var max = partial[0];
        for (var k = 1; k < Lanes && k < n; k++)
        {
            max = partial[k] > max ? partial[k] : max;
        }

        return max;
    }
}
