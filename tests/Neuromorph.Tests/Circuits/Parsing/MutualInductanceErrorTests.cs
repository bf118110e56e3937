using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>Bad K lines: one located error with a hint (exit code 2), and a warning for an inconsistent coupled set.</summary>
public class MutualInductanceErrorTests
{
    private const string Pair = "t\nv1 a 0 1\nr1 a b 1\nl1 b 0 1m\nl2 c 0 1m\nr2 c 0 1\n";

    [Theory]
    [InlineData("k1 r1 l2 0.5", 4, "which is not an inductor")]
    [InlineData("k1 l1 l3 0.5", 7, "there is no inductor 'l3'")]
    [InlineData("k1 l1 l2 {2/0}", 12, "division by zero")]
    [InlineData("k1 l1 l2 kx", 10, "undefined parameter 'kx'")]
    [InlineData("k1 l1 l2 0.5.5", 10, "malformed number")]
    [InlineData("k1 l1 l2", 9, "missing coupling coefficient")]
    [InlineData("k1 l1", 6, "missing second inductor")]
    [InlineData("k1 l1 l2 0.5 core", 14, "unexpected 'core'")]
    [InlineData("k1 l1 l1 0.5", 7, "with itself")]
    public void A_bad_k_line_gives_one_located_error_with_a_hint(string k, int column, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse($"{Pair}{k}\n.end\n", "bad.cir"));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(("bad.cir", 7, column), (ex.Diagnostic.Location.File, ex.Diagnostic.Location.Line, ex.Diagnostic.Location.Column));
        Assert.False(string.IsNullOrEmpty(ex.Diagnostic.Hint), "every error carries a hint");
    }

    [Fact]
    public void A_k_naming_a_missing_inductor_exits_with_code_2_and_a_located_message()
    {
        using var dir = new TempDirectory("nm-k");
        var path = Path.Combine(dir, "bad.cir");
        File.WriteAllText(path, $"{Pair}k1 l1 lx 0.5\n.op\n.end\n");
        var (code, _, error) = CliHarness.Run("simulate", path, "-o", Path.Combine(dir, "out"));
        Assert.True(code == 2, $"exit {code}; {error}");
        Assert.Contains("bad.cir:7:7: error: k1 couples 'lx'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hint_for_an_unknown_element_lists_k()
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse("t\nJ1 a b c mod\n.end\n", "bad.cir"));
        Assert.Contains(" K ", ex.Diagnostic.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "10u")]
    [InlineData("-1.01", "10u")]
    [InlineData("0.5", "-10u")]
    public void A_coupling_beyond_one_or_a_negative_winding_is_read_with_a_warning_as_ngspice_does(string k, string l2)
    {
        // ngspice-39 runs examples/inductive-systems/positive-definite-1.cir (|k| = 1.005, L = -4u) and warns for each set
        var n = NetlistParser.Parse($"t\nv1 a 0 1\nr1 a 1 1\nl1 1 0 10u\nl2 2 0 {l2}\nr2 2 0 1\nk12 l1 l2 {k}\n.op\n.end\n", "w.cir");
        var warning = Assert.Single(n.Warnings, w => w.Message.Contains("positive definite", StringComparison.Ordinal));
        Assert.Equal(7, warning.Location.Line);
    }

    [Theory]
    [InlineData("0.96", "0.99", "0.98", false)]
    [InlineData("0.96", "0.99", "0.9898988607", false)]
    [InlineData("0.96", "0.99", "0.9898988608", true)]
    [InlineData("1", "1", "1", false)]
    [InlineData("1", "-1", "1", true)]
    public void Three_windings_whose_couplings_disagree_are_warned_about(string k12, string k23, string k13, bool warned)
    {
        var n = NetlistParser.Parse($"t\nv1 a 0 1\nr1 a 1 1\nl1 1 0 10u\nl2 2 0 11u\nl3 3 0 10u\nr2 2 0 1\nr3 3 0 1\nk12 l1 l2 {k12}\nk23 l2 l3 {k23}\nk13 l1 l3 {k13}\n.op\n.end\n", "w.cir");
        var warning = n.Warnings.FirstOrDefault(w => w.Message.Contains("positive definite", StringComparison.Ordinal));
        Assert.Equal(warned, warning is not null);
        if (warning is not null)
        {
            Assert.Contains("k12, k23, k13", warning.Message, StringComparison.Ordinal);
            Assert.Equal(9, warning.Location.Line);
        }
    }
}
