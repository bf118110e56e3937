using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Parsing;

public class NetlistErrorTests
{
    [Theory]
    [InlineData("t\nR1 a 0 1k2.5\n.end\n", 2, 8, "malformed number")]
    [InlineData("t\nv1 1 0 1\nDth1 1 0 tj dmod1 thermal\n.model dmod1 d (rth0=1e6)\n.end\n", 3, 19, "self-heating diode")]
    [InlineData("t\nJ1 a b c mod\n.end\n", 2, 1, "unknown element")]
    [InlineData("t\nR1 a\n.end\n", 2, 5, "missing node n-")]
    [InlineData("t\nR1 a 0 {rr*2}\n.end\n", 2, 9, "undefined parameter 'rr'")]
    [InlineData("t\n.param rx=1\nR1 a 0 rz\n.end\n", 3, 8, "undefined parameter 'rz'")]
    [InlineData("t\n.subckt s a b\nx1 a b s\n.ends\nx1 1 0 s\n.end\n", 3, 1, "recursive subcircuit")]
    [InlineData("t\n.subckt s a b\nr1 a b 1\n.ends\nx1 1 s\n.end\n", 5, 1, "connects 1 nodes")]
    [InlineData("t\nR1 a 0 1\nR1 b 0 2\n.end\n", 3, 1, "defined twice")]
    [InlineData("t\n.tran 1u 0\n.end\n", 2, 1, ".tran needs")]
    [InlineData("t\n.subckt s a\nr1 a 0 1\n.end\n", 2, 1, "has no .ends")]
    [InlineData("t\n.frobnicate\n.end\n", 2, 1, "unknown dot-command")]
    [InlineData("t\nv1 a 0 pulse(0 1\n.end\n", 2, 17, "missing ')'")]
    [InlineData("t\nR1 a 0 {1/0}\n.end\n", 2, 10, "division by zero")]
    [InlineData("t\n.print tran foo\n.end\n", 2, 13, "cannot print")]
    [InlineData("t\nR1 a 0 0\n.end\n", 2, 1, "must be non-zero")]
    [InlineData("t\nymemristor m1 a\n.end\n", 2, 16, "missing node n-")]
    [InlineData("t\n+ r1 a 0 1\n.end\n", 2, 1, "continuation")]
    public void Bad_netlists_give_one_located_error_with_a_hint(string text, int line, int column, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse(text, "bad.cir"));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(("bad.cir", line, column), (ex.Diagnostic.Location.File, ex.Diagnostic.Location.Line, ex.Diagnostic.Location.Column));
        Assert.False(string.IsNullOrEmpty(ex.Diagnostic.Hint), "every error carries a hint");
    }

    [Fact]
    public void Empty_and_binary_files_are_refused()
    {
        Assert.Contains("empty netlist", Assert.Throws<UserInputException>(() => NetlistParser.Parse("\n \n", "e.cir")).Message, StringComparison.Ordinal);
        Assert.Contains("not a text netlist", Assert.Throws<UserInputException>(() => NetlistSource.Decode([0x7f, 0x45, 0x4c, 0x46, 0, 1], "a.out")).Message, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8", Assert.Throws<UserInputException>(() => NetlistSource.Decode([0x54, 0xff, 0xfe, 0x41], "x.cir")).Message, StringComparison.Ordinal);
    }
}
