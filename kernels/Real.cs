using System.Numerics;

namespace Neuromorph.Kernels;

/// <summary>
/// The precision a kernel is instantiated in: conversions from and to the library's doubles as static
/// members so that ILGPU resolves them at compile time (generic math conversions use reflection, which
/// kernels cannot).
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IReal<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The value as T (rounded to nearest for float).</summary>
    static abstract T From(double value);

    /// <summary>The value as double (exact).</summary>
    static abstract double ToDouble(T value);
}

/// <summary>Single precision.</summary>
public readonly struct Fp32 : IReal<float>
{
    /// <inheritdoc/>
    public static float From(double value) => (float)value;

    /// <inheritdoc/>
    public static double ToDouble(float value) => value;
}

/// <summary>Double precision.</summary>
public readonly struct Fp64 : IReal<double>
{
    /// <inheritdoc/>
    public static double From(double value) => value;

    /// <inheritdoc/>
    public static double ToDouble(double value) => value;
}
