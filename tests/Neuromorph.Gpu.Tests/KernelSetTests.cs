using Neuromorph.Compute;
using Neuromorph.Compute.Transients;
using Neuromorph.Dynamics;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Networks;
using Neuromorph.Optimization.Memcomputing;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The seam every domain's kernels come through: each kernel set the core library defines is handed out by every
/// configuration (managed form on cpu, ILGPU form on the ILGPU backends), once per accelerator and bound to it, and
/// the ILGPU registry has exactly the core's sets.
/// </summary>
public class KernelSetTests
{
    public static TheoryData<string> All => Backends.All;

    /// <summary>Every kernel set of the core library: abstract <see cref="KernelSet"/>s implementing <see cref="IKernelSet{TSelf}"/>.</summary>
    private static Type[] CoreSets =>
        [.. typeof(KernelSet).Assembly.GetTypes().Where(t => t.IsAbstract && t.IsSubclassOf(typeof(KernelSet))
            && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IKernelSet<>)))];

    [Fact]
    public void The_core_defines_the_linear_set_and_the_ctd_hopfield_lane_memory_ising_and_dmm_sets()
    {
        Assert.Equal(
            new[] { typeof(LinearKernels), typeof(CtdKernels), typeof(HopfieldKernels), typeof(LaneKernels), typeof(MemoryIsingKernels), typeof(DmmKernels) }.Select(t => t.FullName).Order(),
            CoreSets.Select(t => t.FullName).Order());
    }

    [Fact]
    public void Every_core_set_has_one_ilgpu_form()
    {
        Assert.Equal(CoreSets.Select(t => t.FullName).Order(), IlgpuKernelSets.Sets.Select(t => t.FullName).Order());
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Every_set_is_handed_out_once_per_accelerator_and_bound_to_it(string backend)
    {
        var acc = Backends.Open(backend);
        Assert.Same(acc.Kernels, acc.KernelSet<LinearKernels>());
        var method = typeof(IAccelerator).GetMethod(nameof(IAccelerator.KernelSet))!;
        foreach (var set in CoreSets)
        {
            var get = method.MakeGenericMethod(set);
            var first = (KernelSet)get.Invoke(acc, null)!;
            Assert.IsAssignableFrom(set, first);
            Assert.Same(acc, first.Accelerator);
            Assert.Same(first, get.Invoke(acc, null));
            Assert.Equal(backend == "cpu", first.GetType().Assembly == typeof(KernelSet).Assembly);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Domain_sets_check_their_buffers_like_the_linear_set(string backend)
    {
        var acc = Backends.Open(backend);
        using var other = Kernels.Backends.AcceleratorCatalog.CreateCpu();
        using var a = acc.Allocate(4);
        using var foreign = other.Allocate(4);
        var ctd = acc.KernelSet<CtdKernels>();
        Assert.Throws<ArgumentException>(() => ctd.CtdRate(a, foreign, a, 1, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ctd.CtdRate(a, a, a, 1, 1, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => acc.KernelSet<HopfieldKernels>().HopfieldSweep(a, a, a, 2, 3, default));
        var dead = acc.Allocate(4);
        dead.Dispose();
        Assert.Throws<ObjectDisposedException>(() => ctd.CtdRate(a, dead, a, 1, 1, 4));
    }

    [SkippableFact]
    public void A_set_without_an_ilgpu_form_is_one_accelerator_error()
    {
        var acc = Backends.Open("ilgpu-cpu-double");
        var ex = Assert.Throws<AcceleratorException>(() => acc.KernelSet<Unported>());
        Assert.Contains("kernel set Neuromorph.Gpu.Tests.KernelSetTests+Unported has no ILGPU form", ex.Message, StringComparison.Ordinal);
        Assert.IsType<Unported.Form>(Backends.Open("cpu").KernelSet<Unported>());
    }

    /// <summary>A set defined outside the kernels project: the managed path runs it, ILGPU has no form of it.</summary>
    public abstract class Unported(IAccelerator accelerator) : KernelSet(accelerator), IKernelSet<Unported>
    {
        static Unported IKernelSet<Unported>.Managed(Compute.Cpu.CpuAccelerator accelerator) => new Form(accelerator);

        internal sealed class Form(IAccelerator accelerator) : Unported(accelerator);
    }
}
