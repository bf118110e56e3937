namespace Neuromorph.Circuits.Syntax;

/// <summary>
/// Recently read words, so that a word repeated on nearby cards is one string: a 10^5-card deck names each node on
/// several cards (a lattice node on the cards of its four branches and their sources), each model and keyword on
/// thousands. The cache is direct-mapped (<see cref="Slots"/> slots, each holding the last word that hashed there): a
/// lookup is one short hash and one comparison in a table that stays in the processor's cache, and a word evicted or
/// never seen is simply allocated. Numbers are not kept (they rarely repeat).
/// </summary>
internal sealed class WordCache
{
    /// <summary>The number of slots (a power of two).</summary>
    public const int Slots = 1 << 13;

    private readonly string?[] _slots = new string?[Slots];

    /// <summary>
    /// The token list a line is tokenized into before its tokens are copied out: one line at a time, on the parse's
    /// thread, while reading the file and when a lazy card tokenizes itself.
    /// </summary>
    public List<Token> Scratch { get; } = new(16);

    /// <summary>The string equal to <paramref name="word"/> (the cached one when the same word was read recently); null for a number (the caller allocates it).</summary>
    public string? Get(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 64 || char.IsAsciiDigit(word[0]) || word[0] is '.' or '-' or '+')
        {
            return null;
        }

        // FNV-1a over the characters: the words are short, and only the slot depends on it
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        ref var slot = ref _slots[(int)((hash ^ (hash >> 15)) & (Slots - 1))];
        if (slot is { } known && word.SequenceEqual(known))
        {
            return known;
        }

        return slot = word.ToString();
    }
}
