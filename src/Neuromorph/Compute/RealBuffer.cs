namespace Neuromorph.Compute;

/// <summary>
/// Reals in one accelerator's memory, in its precision. Created by <see cref="IAccelerator.Allocate"/>; data moves only
/// through the accelerator's Write and Read, so the host never holds a device pointer.
/// </summary>
public abstract class RealBuffer : IDisposable
{
    /// <summary>Creates the handle.</summary>
    protected RealBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Length = length;
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Whether <see cref="Dispose()"/> has run.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>The accelerator that allocated the buffer.</summary>
    public abstract IAccelerator Owner { get; }

    /// <summary>
    /// Throws unless this buffer belongs to <paramref name="owner"/>, is live and has at least <paramref name="needed"/>
    /// elements: the checks every backend makes before touching device memory. <paramref name="name"/> names it in the message.
    /// </summary>
    public void CheckUse(IAccelerator owner, long needed, string name = "buffer")
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(name, $"{name} was disposed");
        }

        if (!ReferenceEquals(Owner, owner))
        {
            throw new ArgumentException($"{name} belongs to another accelerator ({Owner.Device.Name})");
        }

        if (needed > Length)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} holds {Length} elements, the operation needs {needed}");
        }
    }

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
