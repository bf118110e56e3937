using System.Numerics;
using Neuromorph.Compute;

namespace Neuromorph.Kernels.Runtime;

/// <summary>
/// The ILGPU forms of the kernel sets, the registry an <see cref="IlgpuAccelerator{T, TReal}"/> creates its sets from.
/// Filled once per process from this assembly: every generic class with the type parameters (T, TReal), top-level or
/// nested, that derives from a <see cref="KernelSet"/> is that set's ILGPU form, created with the accelerator's
/// <see cref="IlgpuLauncher{T, TReal}"/>. So adding a set's ILGPU form is adding its file; a set has one form at most.
/// </summary>
internal static class IlgpuKernelSets
{
    private static readonly Lazy<IReadOnlyDictionary<Type, Type>> Forms = new(Discover);

    /// <summary>The set types that have an ILGPU form.</summary>
    public static IReadOnlyCollection<Type> Sets => [.. Forms.Value.Keys];

    /// <summary>The ILGPU form of <typeparamref name="TSet"/> on <paramref name="launcher"/>'s accelerator.</summary>
    /// <exception cref="AcceleratorException">No ILGPU form of the set exists.</exception>
    public static TSet Create<TSet, T, TReal>(IlgpuLauncher<T, TReal> launcher)
        where TSet : KernelSet
        where T : unmanaged, IFloatingPointIeee754<T>
        where TReal : struct, IReal<T>
    {
        if (!Forms.Value.TryGetValue(typeof(TSet), out var form))
        {
            throw new AcceleratorException($"kernel set {typeof(TSet).FullName} has no ILGPU form, so {DeviceInfo.BackendName(launcher.Info.Backend)} ({launcher.Info.Name}) cannot run it");
        }

        return (TSet)Activator.CreateInstance(form.MakeGenericType(typeof(T), typeof(TReal)), launcher)!;
    }

    private static IReadOnlyDictionary<Type, Type> Discover()
    {
        var forms = new Dictionary<Type, Type>();
        foreach (var type in typeof(IlgpuKernelSets).Assembly.GetTypes())
        {
            if (type is { IsGenericTypeDefinition: true, IsAbstract: false, BaseType: { IsGenericType: false } set }
                && set.IsSubclassOf(typeof(KernelSet))
                && type.GetGenericArguments().Length == 2
                && !forms.TryAdd(set, type))
            {
                throw new InvalidOperationException($"kernel set {set.FullName} has two ILGPU forms: {forms[set].FullName} and {type.FullName}");
            }
        }

        return forms;
    }
}
