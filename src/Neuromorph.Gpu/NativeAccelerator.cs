using Neuromorph.Compute;

namespace Neuromorph.Gpu;

/// <summary>
/// What the OpenCL and CUDA accelerators share: precision-converting host copies (doubles travel as floats on a
/// single-precision device), buffer checks, and scalar kernel arguments in the device's width. A backend supplies
/// its raw byte copies, allocation, launch and synchronisation.
/// </summary>
public abstract unsafe class NativeAccelerator : IAccelerator
{
    /// <summary>Sets the device and precision.</summary>
    protected NativeAccelerator(DeviceInfo device, Precision precision)
    {
        Device = device;
        Precision = precision;
    }

    /// <inheritdoc/>
    public DeviceInfo Device { get; }

    /// <inheritdoc/>
    public Precision Precision { get; }

    /// <summary>Bytes per real element on the device.</summary>
    protected int RealSize => Precision == Precision.Double ? 8 : 4;

    /// <inheritdoc/>
    public abstract DeviceBuffer Allocate(int length, ElementKind kind = ElementKind.Real);

    /// <inheritdoc/>
    public void Write(DeviceBuffer buffer, ReadOnlySpan<double> source, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.CheckUse(this, ElementKind.Real, offset + source.Length);
        if (Precision == Precision.Double)
        {
            fixed (double* p = source)
            {
                CopyToDevice(buffer, offset * 8L, source.Length * 8L, p);
            }
        }
        else
        {
            var f = SinglePrecision.ToSingle(source);
            fixed (float* p = f)
            {
                CopyToDevice(buffer, offset * 4L, f.Length * 4L, p);
            }
        }
    }

    /// <inheritdoc/>
    public void Write(DeviceBuffer buffer, ReadOnlySpan<int> source, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.CheckUse(this, ElementKind.Int32, offset + source.Length);
        fixed (int* p = source)
        {
            CopyToDevice(buffer, offset * 4L, source.Length * 4L, p);
        }
    }

    /// <inheritdoc/>
    public void Read(DeviceBuffer buffer, Span<double> destination, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.CheckUse(this, ElementKind.Real, offset + destination.Length);
        if (Precision == Precision.Double)
        {
            fixed (double* p = destination)
            {
                CopyToHost(buffer, offset * 8L, destination.Length * 8L, p);
            }
        }
        else
        {
            var f = new float[destination.Length];
            fixed (float* p = f)
            {
                CopyToHost(buffer, offset * 4L, f.Length * 4L, p);
            }

            SinglePrecision.ToDouble(f, destination);
        }
    }

    /// <inheritdoc/>
    public void Read(DeviceBuffer buffer, Span<int> destination, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.CheckUse(this, ElementKind.Int32, offset + destination.Length);
        fixed (int* p = destination)
        {
            CopyToHost(buffer, offset * 4L, destination.Length * 4L, p);
        }
    }

    /// <inheritdoc/>
    public abstract void Launch(string kernel, LaunchGrid grid, params ReadOnlySpan<KernelArg> args);

    /// <inheritdoc/>
    public abstract void Synchronize();

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the backend's queue or context work.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Copies <paramref name="bytes"/> from host memory into a checked buffer at <paramref name="byteOffset"/>, blocking.</summary>
    protected abstract void CopyToDevice(DeviceBuffer buffer, long byteOffset, long bytes, void* source);

    /// <summary>Copies <paramref name="bytes"/> from a checked buffer at <paramref name="byteOffset"/> into host memory, blocking.</summary>
    protected abstract void CopyToHost(DeviceBuffer buffer, long byteOffset, long bytes, void* destination);

    /// <summary>
    /// Writes a scalar argument (int, uint, or real in the device's precision) into <paramref name="slot"/> (at least
    /// 8 bytes) and returns its size in bytes.
    /// </summary>
    protected int WriteScalar(KernelArg arg, void* slot)
    {
        switch (arg.Kind)
        {
            case KernelArgKind.Int:
                *(int*)slot = (int)arg.Integer;
                return 4;
            case KernelArgKind.UInt:
                *(uint*)slot = (uint)arg.Integer;
                return 4;
            case KernelArgKind.Real when Precision == Precision.Double:
                *(double*)slot = arg.Real;
                return 8;
            case KernelArgKind.Real:
                *(float*)slot = (float)arg.Real;
                return 4;
            default:
                throw new ArgumentException($"argument of kind {arg.Kind} is not a scalar");
        }
    }
}
