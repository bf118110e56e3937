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

    /// <summary>Parses "i/n": n (the shard count) at least 1, i (this shard) from 1 to n.</summary>
    public static ShardSpec Parse(string text)
    {
        const string Form = "i/n runs shard i of n shards, counted from 1: e.g. 2/8 runs the second of eight, 1/1 the whole study";
        var parts = (text ?? "").Trim().Split('/');
        var style = System.Globalization.NumberStyles.AllowLeadingSign;
        if (parts.Length != 2 || !int.TryParse(parts[0], style, System.Globalization.CultureInfo.InvariantCulture, out var i)
            || !int.TryParse(parts[1], style, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            throw new UserInputException($"shard '{text}' is not of the form i/n (two whole numbers)", Form);
        }

        if (n < 1)
        {
            throw new UserInputException($"shard '{text}': the shard count n must be at least 1, got {n}", Form);
        }

        if (i < 1 || i > n)
        {
            throw new UserInputException($"shard '{text}': the shard index i must lie between 1 and {n}, got {i}",
                n == 1 ? "a study in one shard is 1/1 (the whole study)" : $"the {n} shards are numbered 1/{n} to {n}/{n}");
        }

        return new ShardSpec(i, n);
    }

    /// <summary>True if this shard runs point <paramref name="pointId"/>.</summary>
    public bool Contains(int pointId) => pointId % Count == Index - 1;

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
