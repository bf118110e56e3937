using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>
/// <c>--shard i/n</c>: this process runs the points whose id is congruent to i-1 modulo n, a deterministic
/// round-robin split that balances work when cost grows along a parameter. Shards 1/n..n/n together cover every point once.
/// </summary>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole study (1/1).</summary>
    public static ShardSpec All => new(1, 1);

    /// <summary>Parses "i/n" with 1 &lt;= i &lt;= n.</summary>
    public static ShardSpec Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var i) || !int.TryParse(parts[1], out var n))
        {
            throw new UserInputException($"shard '{text}' is not of the form i/n", "e.g. --shard 2/8 runs the second of eight shards");
        }

        if (n < 1 || i < 1 || i > n)
        {
            throw new UserInputException($"shard '{text}' is out of range: need 1 <= i <= n", $"shards of {Math.Max(n, 1)} are numbered 1/{Math.Max(n, 1)} to {Math.Max(n, 1)}/{Math.Max(n, 1)}");
        }

        return new ShardSpec(i, n);
    }

    /// <summary>True if this shard runs point <paramref name="pointId"/>.</summary>
    public bool Contains(int pointId) => pointId % Count == Index - 1;

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
