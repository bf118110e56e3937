namespace Neuromorph.Compute;

/// <summary>
/// The kernel sets one accelerator has handed out: each created on its first request and kept, so a set's compiled
/// kernels live as long as the accelerator. A creation that throws keeps nothing, so the next request tries again.
/// </summary>
public sealed class KernelSetCache
{
    private readonly Dictionary<Type, KernelSet> _sets = [];
    private readonly Lock _lock = new();

    /// <summary>The set <typeparamref name="TSet"/>, created by <paramref name="create"/> on the first request.</summary>
    public TSet Get<TSet>(Func<TSet> create)
        where TSet : KernelSet
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_lock)
        {
            if (!_sets.TryGetValue(typeof(TSet), out var set))
            {
                set = create();
                _sets[typeof(TSet)] = set;
            }

            return (TSet)set;
        }
    }
}
