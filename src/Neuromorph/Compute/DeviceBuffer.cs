namespace Neuromorph.Compute;

/// <summary>Element type of a device buffer.</summary>
public enum ElementKind
{
    /// <summary>The accelerator's floating-point type (float or double, see <see cref="Precision"/>).</summary>
    Real,

    /// <summary>32-bit signed integers (sparse indices).</summary>
    Int32,
}

/// <summary>
/// Memory owned by one accelerator. Created by <see cref="IAccelerator.Allocate"/>; data moves only through the
/// accelerator's Write/Read calls, so the host never holds a device pointer.
/// </summary>
public abstract class DeviceBuffer : IDisposable
{
    /// <summary>Creates the handle.</summary>
    protected DeviceBuffer(int length, ElementKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
        Kind = kind;
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Element type.</summary>
    public ElementKind Kind { get; }

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>
    /// Throws unless this buffer belongs to <paramref name="owner"/>, is live, holds <paramref name="kind"/> and has at
    /// least <paramref name="needed"/> elements: the checks every backend makes before touching device memory.
    /// </summary>
    public void CheckUse(object owner, ElementKind kind, int needed)
    {
        if (!ReferenceEquals(Owner, owner) || IsDisposed)
        {
            throw new ArgumentException("buffer does not belong to this accelerator or was disposed");
        }

        if (Kind != kind)
        {
            throw new ArgumentException($"buffer holds {Kind}, expected {kind}");
        }

        if (needed > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(needed), $"copy of {needed} elements exceeds the buffer's {Length}");
        }
    }

    /// <summary>The accelerator that allocated the buffer.</summary>
    protected abstract object Owner { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!IsDisposed)
        {
            IsDisposed = true;
            Release();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the device memory.</summary>
    protected abstract void Release();
}
