namespace Neuromorph.Compute;

/// <summary>
/// Kernels as typed methods, bound to the accelerator whose buffers they take: a wrong argument is a compile error, not
/// a launch failure. Each public method checks its buffers (owner, liveness, length) and sizes, then calls the
/// backend's protected abstract <c>...Internal</c>. Compute's own set is the linear algebra (<see cref="LinearKernels"/>,
/// <see cref="IAccelerator.Kernels"/>); a domain defines its set beside its code (e.g. Dynamics.CtdKernels) with its
/// managed form (<see cref="IKernelSet{TSelf}"/>), and any accelerator hands it out through
/// <see cref="IAccelerator.KernelSet{TSet}"/>, so adding a set changes nothing here.
/// </summary>
public abstract class KernelSet
{
    /// <summary>Binds the kernels to the accelerator whose buffers they take.</summary>
    protected KernelSet(IAccelerator accelerator) => Accelerator = accelerator ?? throw new ArgumentNullException(nameof(accelerator));

    /// <summary>The accelerator these kernels run on.</summary>
    public IAccelerator Accelerator { get; }

    /// <summary>Throws unless <paramref name="length"/> and <paramref name="count"/> are at least 1.</summary>
    protected static void CheckSizes(int length, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
    }

    /// <summary>Throws unless <paramref name="buffer"/> belongs to this set's accelerator, is live and holds <paramref name="needed"/> elements.</summary>
    protected void Check(RealBuffer buffer, long needed, string name)
    {
        ArgumentNullException.ThrowIfNull(buffer, name);
        buffer.CheckUse(Accelerator, needed, name);
    }
}
