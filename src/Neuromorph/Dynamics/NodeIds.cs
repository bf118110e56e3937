namespace Neuromorph.Dynamics;

/// <summary>Node names numbered in order of first appearance (0, 1, 2, ...), so that a large network is indexed by integers.</summary>
internal sealed class NodeIds(int capacity)
{
    private readonly Dictionary<string, int> _ids = new(capacity, StringComparer.Ordinal);
    private readonly List<string> _names = new(capacity);

    /// <summary>The number of nodes named so far.</summary>
    public int Count => _names.Count;

    /// <summary>The id of <paramref name="name"/>, numbering it if it is new.</summary>
    public int Id(string name)
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, name, out var exists);
        if (!exists)
        {
            id = _names.Count;
            _names.Add(name);
        }

        return id;
    }

    /// <summary>The id of <paramref name="name"/>, or −1 when it was never numbered.</summary>
    public int Find(string name) => _ids.TryGetValue(name, out var id) ? id : -1;

    /// <summary>The name of node <paramref name="id"/>.</summary>
    public string Name(int id) => _names[id];
}
