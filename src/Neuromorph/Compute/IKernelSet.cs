using Neuromorph.Compute.Cpu;

namespace Neuromorph.Compute;

/// <summary>
/// What a kernel set gives the always-present managed path: its managed form. A set is an abstract
/// <see cref="KernelSet"/> that implements this interface for itself; the managed accelerator creates the set through
/// <see cref="Managed"/>, the ILGPU accelerator finds its ILGPU form in the kernels project.
/// </summary>
/// <typeparam name="TSelf">The set.</typeparam>
public interface IKernelSet<TSelf>
    where TSelf : KernelSet, IKernelSet<TSelf>
{
    /// <summary>The set's managed form on <paramref name="accelerator"/> (C# on all cores, double precision).</summary>
    static abstract TSelf Managed(CpuAccelerator accelerator);
}
