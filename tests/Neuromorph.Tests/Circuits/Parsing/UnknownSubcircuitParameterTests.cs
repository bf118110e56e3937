using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>
/// An instance parameter the subcircuit does not declare (a public IMPLY-logic deck writes Toff= for Roff=) is ignored
/// as ngspice ignores it, with one warning that names it and suggests the close one; the circuit is the one without it.
/// </summary>
public class UnknownSubcircuitParameterTests
{
    private const string Sub = ".subckt sub a b PARAMS: roff=1k\nR1 a b {roff}\n.ends\nV1 1 0 1\n.op\n.print op i(v1)\n.end\n";

    [Fact]
    public void It_is_ignored_with_one_warning()
    {
        var netlist = NetlistParser.Parse($"t\nX1 1 0 sub toff=5k\nX2 1 0 sub toff=5k roff=2k\n{Sub}", "t.cir");
        // one warning per instance line, each with the declared parameter as the suggestion
        var warnings = netlist.Warnings.Where(w => w.Message.Contains("has no parameter 'toff'", StringComparison.Ordinal)).ToList();
        Assert.Equal([2, 3], warnings.Select(w => w.Location.Line));
        Assert.All(warnings, w => Assert.Contains("roff", w.Hint ?? "", StringComparison.Ordinal));
        var op = CircuitSimulator.Run(netlist).Single();
        // 1k parallel 2k from 1 V: 1.5 mA drawn from the source
        Assert.Equal(-1.5e-3, op.Column("i(v1)")!.Values[0], 12);
    }
}
