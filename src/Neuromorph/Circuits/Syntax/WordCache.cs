namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// One string per distinct word of a netlist: node, model and keyword names recur on many cards of a large deck (each
/// node of a 10^5-memristor lattice on four), so the tokenizer takes them from here instead of allocating each
/// occurrence. Numbers are not kept (they rarely repeat); the cache stops growing at <see cref="Limit"/> words.
/// </summary>
internal sealed class WordCache
{
    /// <summary>The most distinct words kept.</summary>
    public const int Limit = 1 << 20;

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>A token list to tokenize into before copying (one line at a time, on the parse's thread).</summary>
    public List<Token> Scratch { get; } = new(16);

    /// <summary>An empty cache with room for <paramref name="capacity"/> words (capped at <see cref="Limit"/>).</summary>
    public WordCache(int capacity)
    {
        _words = new HashSet<string>(Math.Clamp(capacity, 0, Limit), StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The string equal to <paramref name="word"/>; null for a number (the caller allocates it).</summary>
    public string? Get(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 64 || char.IsAsciiDigit(word[0]) || word[0] is '.' or '-' or '+')
        {
            return null;
        }

        if (_lookup.TryGetValue(word, out var known))
        {
            return known;
        }

        var s = word.ToString();
        if (_words.Count < Limit)
        {
            _words.Add(s);
        }

        return s;
    }
}
