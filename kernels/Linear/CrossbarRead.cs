using System.Numerics;
using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics;

namespace Neuromorph.Kernels.Linear;

/// <summary>
/// What every product kernel does to a weight as it reads it and to an output before storing it
/// (<see cref="ReadConditions"/>): the library's Philox and its one quantiser, called from inside the kernels.
/// </summary>
internal static class CrossbarRead
{
    /// <summary>W[i, j] as read for vector b: w (1 + σ ξ(j, i, b, read)), clipped at zero when asked.</summary>
    public static T Weight<T, TReal>(T w, int i, int j, int b, in ReadConditions read)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        var g = w * TReal.From(1 + (read.Noise * Philox.Gaussian((uint)j, (uint)i, (uint)b, read.Read, read.Seed)));
        return read.ClipAtZero ? T.Max(g, T.Zero) : g;
    }

    /// <summary>The ADC applied to an output (Numerics.DataConverter, evaluated in double).</summary>
    public static T Output<T, TReal>(T y, in ReadConditions read)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T> =>
        read.AdcBits > 0 ? TReal.From(DataConverter.Quantize(TReal.ToDouble(y), read.AdcBits, read.AdcRange)) : y;
}
