using System.Globalization;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Seq2Seq.Tasks;

/// <summary>
/// A generated task: its vocabulary (symbols, then <c>+</c> for addition, then the start and end tokens, which are the
/// last two, as <see cref="Seq2SeqModelSpec"/> expects) and seeded generation of source–target pairs.
/// Reverse and sort draw <see cref="Length"/> symbols uniformly from <see cref="Symbols"/>; addition draws two operands
/// of <see cref="Length"/> digits uniformly.
/// </summary>
public sealed record Seq2SeqTask(Seq2SeqTaskKind Kind, int Length, int Symbols)
{
    /// <summary>Token names, index order.</summary>
    public IReadOnlyList<string> Vocabulary => [.. Enumerable.Range(0, Kind == Seq2SeqTaskKind.Add ? 10 : Symbols).Select(i => i.ToString(CultureInfo.InvariantCulture)),
        .. Kind == Seq2SeqTaskKind.Add ? new[] { "+" } : [], "<s>", "</s>"];

    /// <summary>Tokens in all.</summary>
    public int VocabularySize => Vocabulary.Count;

    /// <summary>Source tokens per pair.</summary>
    public int SourceLength => Kind == Seq2SeqTaskKind.Add ? (2 * Length) + 1 : Length;

    /// <summary>Target tokens per pair (end token included).</summary>
    public int TargetLength => Kind == Seq2SeqTaskKind.Add ? Length + 2 : Length + 1;

    /// <summary><paramref name="count"/> pairs drawn with <paramref name="seed"/>.</summary>
    public Seq2SeqData Generate(int count, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var rng = new RandomStream(seed);
        int ls = SourceLength, lt = TargetLength, end = VocabularySize - 1;
        var sources = new int[count * ls];
        var targets = new int[count * lt];
        for (var n = 0; n < count; n++)
        {
            var src = sources.AsSpan(n * ls, ls);
            var tgt = targets.AsSpan(n * lt, lt);
            if (Kind == Seq2SeqTaskKind.Add)
            {
                long a = 0, b = 0;
                for (var d = 0; d < Length; d++)
                {
                    src[d] = rng.Next(10);
                    src[Length + 1 + d] = rng.Next(10);
                    a = (10 * a) + src[d];
                    b = (10 * b) + src[Length + 1 + d];
                }

                src[Length] = 10;
                var sum = a + b;
                for (var d = Length; d >= 0; d--)
                {
                    tgt[d] = (int)(sum % 10);
                    sum /= 10;
                }
            }
            else
            {
                for (var i = 0; i < Length; i++)
                {
                    src[i] = rng.Next(Symbols);
                }

                src.CopyTo(tgt);
                if (Kind == Seq2SeqTaskKind.Reverse)
                {
                    tgt[..Length].Reverse();
                }
                else
                {
                    tgt[..Length].Sort();
                }
            }

            tgt[^1] = end;
        }

        return new Seq2SeqData(count, ls, lt, sources, targets);
    }

    /// <summary>Tokens as text: symbols joined, <c>&lt;s&gt;</c> and <c>&lt;/s&gt;</c> spelled out.</summary>
    public string Text(ReadOnlySpan<int> tokens)
    {
        var names = Vocabulary;
        var parts = new List<string>();
        foreach (var t in tokens)
        {
            parts.Add(t >= 0 && t < names.Count ? names[t] : "?");
        }

        return string.Join(Kind == Seq2SeqTaskKind.Add ? "" : " ", parts);
    }
}
