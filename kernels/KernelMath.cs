using System.Numerics;

namespace Neuromorph.Kernels;

/// <summary>Small scalar helpers the kernels share (ILGPU compiles them inline; generic math conversions are not allowed in kernels, so indices go through <see cref="IReal{T}"/>).</summary>
public static class KernelMath
{
    /// <summary><paramref name="v"/> clipped to [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public static T Clamp<T>(T v, T low, T high)
        where T : INumber<T> => v < low ? low : v > high ? high : v;

    /// <summary>+1 for <paramref name="v"/> ≥ 0, else −1 (a sign read-out: +1 at 0).</summary>
    public static T Sign<T>(T v)
        where T : unmanaged, IFloatingPointIeee754<T> => v >= T.Zero ? T.One : -T.One;

    /// <summary>An index stored as a real (exact below 2^24 in single precision).</summary>
    public static int Index<T, TReal>(T value)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T> => (int)TReal.ToDouble(value);
}
