using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>
/// A dot-command of another SPICE dialect that Neuromorph does not implement names its dialect and construct at its
/// line: a located error for commands nothing else could mean, a warning that nothing is written for an analysis the
/// deck also reads elsewhere (<c>.pz</c> with its <c>.print pz</c>), never "unknown dot-command".
/// </summary>
public class UnimplementedConstructTests
{
    private const string Circuit = "t\nv1 1 0 1 ac 1\nr1 1 2 1k\nc1 2 0 1n\n";

    [Theory]
    [InlineData(".pss 1meg 10u 2 1024 11", "ngspice's periodic steady-state analysis (.pss) is not implemented")]
    [InlineData(".sp dec 10 1 1meg", "ngspice's S-parameter analysis (.sp) is not implemented")]
    [InlineData(".hb 1meg", "Xyce's harmonic-balance analysis (.hb) is not implemented")]
    [InlineData(".sampling param=r1", "Xyce's sampling uncertainty quantification (.sampling) is not implemented")]
    [InlineData(".sndparam 1 2 3", "ngspice's sound-file output (.sndparam) is not implemented")]
    public void Other_dialects_commands_are_named_at_their_line(string command, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse($"{Circuit}{command}\n.op\n.end\n", "t.cir"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Diagnostic.Location.Line);
        Assert.DoesNotContain("unknown dot-command", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unimplemented_analysis_and_its_print_are_ignored_with_warnings_that_say_so()
    {
        var netlist = NetlistParser.Parse($"{Circuit}.pz 1 0 2 0 vol pz\n.print pz all\n.noise v(2) v1 dec 10 1 1k\n.op\n.end\n", "t.cir");
        Assert.Contains(netlist.Warnings, w => w.Location.Line == 5 && w.Message.Contains("SPICE's pole-zero analysis (.pz) is not implemented: ignored", StringComparison.Ordinal));
        Assert.Contains(netlist.Warnings, w => w.Location.Line == 6 && w.Message.Contains(".print pz: SPICE's pole-zero analysis (.pz) is not implemented", StringComparison.Ordinal));
        Assert.Contains(netlist.Warnings, w => w.Location.Line == 7 && w.Message.Contains("noise analysis (.noise)", StringComparison.Ordinal));
        Assert.Empty(netlist.Prints);
    }

    [Fact]
    public void Tf_and_sens_are_analyses_now_and_their_print_lines_are_ignored_with_a_warning()
    {
        var netlist = NetlistParser.Parse($"{Circuit}.tf v(2) v1\n.sens v(2)\n.print tf all\n.end\n", "t.cir");
        Assert.Equal(["tf", "sens"], netlist.Analyses.Select(a => a.Kind));
        Assert.DoesNotContain(netlist.Warnings, w => w.Message.Contains("not implemented", StringComparison.Ordinal));
        Assert.Contains(netlist.Warnings, w => w.Location.Line == 7 && w.Message.Contains(".print tf ignored", StringComparison.Ordinal));
        Assert.DoesNotContain(".tf", UnimplementedConstructs.IgnoredAnalyses);
        Assert.DoesNotContain(".sens", UnimplementedConstructs.IgnoredAnalyses);
    }

    [Fact]
    public void A_typo_stays_an_unknown_command_and_print_of_an_unknown_kind_stays_an_error()
    {
        Assert.Contains("unknown dot-command", Assert.Throws<UserInputException>(() => NetlistParser.Parse($"{Circuit}.trann 1u 1m\n.end\n", "t.cir")).Message, StringComparison.Ordinal);
        Assert.Contains("unknown analysis 'tram'", Assert.Throws<UserInputException>(() => NetlistParser.Parse($"{Circuit}.tran 1u 1m\n.print tram v(1)\n.end\n", "t.cir")).Message, StringComparison.Ordinal);
    }
}
