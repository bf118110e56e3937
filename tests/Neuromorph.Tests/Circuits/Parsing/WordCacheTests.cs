using Neuromorph.Circuits.Syntax;
using Xunit;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>
/// The tokenizer's cache of recent words: a repeated word is the same string, every word read back equals what was
/// written whether or not it was cached (10^4 distinct words through 8,192 slots, so slots are reused), and numbers are
/// left to the caller.
/// </summary>
public sealed class WordCacheTests
{
    [Fact]
    public void A_repeated_word_is_one_string_and_every_word_reads_back_equal()
    {
        var cache = new WordCache();
        var first = cache.Get("n12".AsSpan());
        Assert.Same(first, cache.Get("xn12".AsSpan(1)));
        var words = Enumerable.Range(0, 10_000).Select(k => $"node{k}").ToList();
        foreach (var w in words.Concat(words))
        {
            Assert.Equal(w, cache.Get(w.AsSpan()));
        }

        // the words of a line read again right away are the cached strings
        foreach (var w in words.Take(50))
        {
            Assert.Same(cache.Get(w.AsSpan()), cache.Get(w.AsSpan()));
        }
    }

    [Theory]
    [InlineData("0.42")]
    [InlineData("-1")]
    [InlineData("+2k")]
    [InlineData(".5")]
    [InlineData("")]
    public void Numbers_and_empty_words_are_not_cached(string word) => Assert.Null(new WordCache().Get(word.AsSpan()));
}
