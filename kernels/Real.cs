using System.Numerics;
using ILGPU;
using ILGPU.Algorithms.ScanReduceOperations;

namespace Neuromorph.Kernels;

/// <summary>
/// The precision a kernel is instantiated in: conversions from and to the library's doubles and an atomic add,
/// as static members so that ILGPU resolves them at compile time (generic math conversions use reflection, which
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

    /// <summary>target += value, atomically.</summary>
    static abstract void AtomicAdd(ref T target, T value);
}

/// <summary>Single precision.</summary>
public readonly struct Fp32 : IReal<float>
{
    /// <inheritdoc/>
    public static float From(double value) => (float)value;

    /// <inheritdoc/>
    public static double ToDouble(float value) => value;

    /// <inheritdoc/>
    public static void AtomicAdd(ref float target, float value) => Atomic.Add(ref target, value);
}

/// <summary>Double precision.</summary>
public readonly struct Fp64 : IReal<double>
{
    /// <inheritdoc/>
    public static double From(double value) => value;

    /// <inheritdoc/>
    public static double ToDouble(double value) => value;

    /// <inheritdoc/>
    public static void AtomicAdd(ref double target, double value) => Atomic.Add(ref target, value);
}

/// <summary>Addition as an ILGPU.Algorithms reduction, in precision <typeparamref name="T"/>.</summary>
public readonly struct Sum<T, TReal> : IScanReduceOperation<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TReal : struct, IReal<T>
{
    /// <inheritdoc/>
    public string CLCommand => "add";

    /// <inheritdoc/>
    public T Identity => T.Zero;

    /// <inheritdoc/>
    public T Apply(T first, T second) => first + second;

    /// <inheritdoc/>
    public void AtomicApply(ref T target, T value) => TReal.AtomicAdd(ref target, value);
}
