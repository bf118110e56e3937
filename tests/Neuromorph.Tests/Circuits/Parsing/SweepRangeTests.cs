using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>A sweep whose step points away from its stop names the step that works (issue #23, item 24).</summary>
public class SweepRangeTests
{
    [Theory]
    [InlineData("t\nv1 a 0 1\nr1 a 0 1\n.dc v1 0 1 -0.1\n.end\n", 4, 12, ".dc sweep of v1: step -0.1 does not lead from 0 to 1", "use a positive step (0.1), or swap start and stop")]
    [InlineData("t\nv1 a 0 1\nr1 a 0 1\n.dc v1 1 0 0.1\n.end\n", 4, 12, ".dc sweep of v1: step 0.1 does not lead from 1 to 0", "use a negative step (-0.1), or swap start and stop")]
    [InlineData("t\nv1 a 0 1\nr1 a 0 1\n.dc v1 0 1 0\n.end\n", 4, 12, ".dc sweep of v1: the step is zero", "e.g. 0.1")]
    [InlineData("t\nv1 a 0 1\nv2 b 0 1\nr1 a b 1\n.dc v1 0 1 0.5 v2 5 1 1\n.end\n", 5, 23, ".dc sweep of v2: step 1 does not lead from 5 to 1", "use a negative step (-1), or swap start and stop")]
    [InlineData("t\nr1 a 0 {rr}\nv1 a 0 1\n.param rr=1\n.step param rr 1 10 -1\n.op\n.end\n", 5, 21, ".step rr: step -1 does not lead from 1 to 10", "use a positive step (1), or swap start and stop")]
    [InlineData("t\nr1 a 0 {rr}\nv1 a 0 1\n.param rr=1\n.step param rr 10 1 0\n.op\n.end\n", 5, 21, ".step rr: the step is zero", "e.g. -0.9")]
    public void A_step_against_the_direction_of_the_sweep_says_which_sign_works(string text, int line, int column, string message, string hint)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse(text, "bad.cir"));
        Assert.Equal(message, ex.Diagnostic.Message);
        Assert.Contains(hint, ex.Diagnostic.Hint, StringComparison.Ordinal);
        Assert.DoesNotContain("use a negative step to sweep downwards", ex.Diagnostic.Hint, StringComparison.Ordinal);
        Assert.Equal(("bad.cir", line, column), (ex.Diagnostic.Location.File, ex.Diagnostic.Location.Line, ex.Diagnostic.Location.Column));
    }

    [Fact]
    public void An_ac_sweep_with_fstop_below_fstart_says_to_swap_them()
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse("t\nv1 a 0 ac 1\nr1 a 0 1\n.ac dec 10 1meg 1\n.end\n", "bad.cir"));
        Assert.Contains("swap fstart and fstop", ex.Diagnostic.Hint, StringComparison.Ordinal);
    }
}
