using System.Text.RegularExpressions;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// Seeds are derived, never computed by hand: no <c>seed + 1</c>, <c>spec.Seed + 7919</c> or <c>(seed * 0x9E37…) ^ r</c>
/// in src/ or kernels/; a second stream of a run comes from <see cref="SeedSequence.Derive(long, string, ReadOnlySpan{long})"/>
/// with a <see cref="SeedPurpose"/> (docs/architecture.md, "Seeds"). SeedSequence (the mixing) and Philox (the generator) are allowed.
/// </summary>
public partial class SeedDerivationTests
{
    /// <summary>Files allowed to do arithmetic on seeds: the derivation itself.</summary>
    private static readonly string[] AllowList =
    [
        "src/Neuromorph/Numerics/Randomness/SeedSequence.cs",
        // the generator itself: splits its 64-bit key into Philox's two 32-bit key words
        "src/Neuromorph/Numerics/Randomness/Philox.cs",
    ];

    // an identifier ending in seed (seed, Seed, arraySeed, options.Seed) with an arithmetic or bitwise operator on either side
    [GeneratedRegex(@"\b\w*[sS]eed\)?\s*([-+*^%]|<<|>>)\s*[\w(]|[\w)]\s*([-+*^%]|<<|>>)\s*(\(\w+\))?\(?(\w+\.)*\w*[sS]eed\b")]
    private static partial Regex SeedArithmetic();

    /// <summary>The code lines (comments and literals left out) that do arithmetic on a seed.</summary>
    public static IEnumerable<SourceLine> Offenders(IEnumerable<SourceLine> lines) =>
        lines.Where(l => SeedArithmetic().IsMatch(l.Code));

    [Fact]
    public void No_source_file_does_arithmetic_on_a_seed()
    {
        Assert.NotEmpty(SourceText.Lines);
        var offenders = Offenders(SourceText.Lines.Where(l => !AllowList.Contains(l.File))).ToList();
        Assert.True(offenders.Count == 0,
            "arithmetic on a seed (derive a stream with SeedSequence.Derive(seed, SeedPurpose.X[, index]) instead):\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("var test = AddingProblem.Generate(n, steps, spec.Seed + 7919);")]
    [InlineData("var rng = new RandomStream((options.Seed * 0x9E3779B97F4A7C15UL) ^ (ulong)(r + 1));")]
    [InlineData("var rng = new RandomStream(unchecked(seed + (7919 * k)));")]
    [InlineData("var rng = new RandomStream(SeedSequence.Mix((ulong)seed ^ 0x1A7EUL));")]
    [InlineData("var s = 3 + seed;")]
    [InlineData("var s = offset ^ (ulong)seed;")]
    public void The_rule_finds_planted_seed_arithmetic(string planted) =>
        Assert.Single(Offenders(SourceText.Lex("planted.cs", planted)));

    [Theory]
    [InlineData("var rng = new RandomStream(SeedSequence.Derive(options.Seed, SeedPurpose.SolverRestart, r));")]
    [InlineData("// the old stream was seed + 1")]
    [InlineData("throw new UserInputException(\"seed + 1 is not a seed\");")]
    [InlineData("var seedOverride = root.GetLong(\"seed\", seed) ?? 1;")]
    [InlineData("Seed = (ulong)r.GetLong(\"seed\", (long)spec.Seed),")]
    public void The_rule_passes_derived_seeds_comments_and_messages(string line) =>
        Assert.Empty(Offenders(SourceText.Lex("clean.cs", line)));

    [Fact]
    public void Purpose_seeds_are_stable_and_distinct()
    {
        // FNV-1a of "a" is the published test vector af63dc4c8601ec8c: the hash does not depend on the process
        Assert.Equal(0xAF63DC4C8601EC8CUL, SeedSequence.Hash("a"));
        Assert.Equal(SeedSequence.Derive(42L, SeedPurpose.CtdSources), SeedSequence.Derive(42L, SeedPurpose.CtdSources));
        Assert.Equal((ulong)SeedSequence.Derive(42L, SeedPurpose.SolverRestart, 3), SeedSequence.Derive(42UL, SeedPurpose.SolverRestart, 3));
        var purposes = typeof(SeedPurpose).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(purposes.Count, purposes.Distinct(StringComparer.Ordinal).Count());
        var seeds = purposes.SelectMany(p => new[] { SeedSequence.Derive(1L, p), SeedSequence.Derive(1L, p, 0), SeedSequence.Derive(1L, p, 1) }).ToList();
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.All(seeds, s => Assert.True(s >= 0));
        Assert.NotEqual(SeedSequence.Derive(1L, SeedPurpose.RecallProbes, 3, 5), SeedSequence.Derive(1L, SeedPurpose.RecallProbes, 5, 3));
    }
}
