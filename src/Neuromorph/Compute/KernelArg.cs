namespace Neuromorph.Compute;

/// <summary>What a kernel argument holds.</summary>
public enum KernelArgKind
{
    /// <summary>A device buffer.</summary>
    Buffer,

    /// <summary>A 32-bit signed integer.</summary>
    Int,

    /// <summary>A 32-bit unsigned integer (seeds, counters).</summary>
    UInt,

    /// <summary>A real scalar, passed as float or double to match the accelerator's precision.</summary>
    Real,
}

/// <summary>One kernel argument; converts implicitly from buffers, int, uint and double.</summary>
public readonly struct KernelArg
{
    private KernelArg(KernelArgKind kind, DeviceBuffer? buffer, long integer, double real)
    {
        Kind = kind;
        Buffer = buffer;
        Integer = integer;
        Real = real;
    }

    /// <summary>What the argument holds.</summary>
    public KernelArgKind Kind { get; }

    /// <summary>The buffer, for <see cref="KernelArgKind.Buffer"/>.</summary>
    public DeviceBuffer? Buffer { get; }

    /// <summary>The integer value, for Int and UInt.</summary>
    public long Integer { get; }

    /// <summary>The real value, for Real.</summary>
    public double Real { get; }

    /// <summary>A buffer argument.</summary>
    public static implicit operator KernelArg(DeviceBuffer buffer) => new(KernelArgKind.Buffer, buffer, 0, 0);

    /// <summary>An int argument.</summary>
    public static implicit operator KernelArg(int value) => new(KernelArgKind.Int, null, value, 0);

    /// <summary>A uint argument.</summary>
    public static implicit operator KernelArg(uint value) => new(KernelArgKind.UInt, null, value, 0);

    /// <summary>A real argument.</summary>
    public static implicit operator KernelArg(double value) => new(KernelArgKind.Real, null, 0, value);

    /// <summary>A buffer argument (named alternative to the implicit conversion).</summary>
    public static KernelArg FromBuffer(DeviceBuffer buffer) => buffer;

    /// <summary>An int argument (named alternative to the implicit conversion).</summary>
    public static KernelArg FromInt32(int value) => value;

    /// <summary>A uint argument (named alternative to the implicit conversion).</summary>
    public static KernelArg FromUInt32(uint value) => value;

    /// <summary>A real argument (named alternative to the implicit conversion).</summary>
    public static KernelArg FromDouble(double value) => value;

    /// <summary>The buffer, or an exception naming the argument position when it is not one.</summary>
    public DeviceBuffer AsBuffer(string kernel, int index) =>
        Kind == KernelArgKind.Buffer && Buffer is not null ? Buffer : throw new ArgumentException($"kernel {kernel}: argument {index} must be a buffer, got {Kind}");
}
