using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// ngspice's vector form of alter, <c>alter @v1[sin] [ vo va freq ]</c> (ngspice's own memristor.sp raises the drive
/// frequency this way between runs): the altered run equals a deck written with that waveform.
/// </summary>
public class VectorAlterTests
{
    private const string Circuit = "rc\nr1 in out 1k\nc1 out 0 1u\n";

    [Theory]
    [InlineData("sin", "[ 0 2 2k ]", "sin(0 2 2k)")]
    [InlineData("sin", "[0 1.5 500 0.1m]", "sin(0 1.5 500 0.1m)")]
    [InlineData("pulse", "[ 0 1 0 1u 1u 0.2m 0.5m ]", "pulse(0 1 0 1u 1u 0.2m 0.5m)")]
    [InlineData("pwl", "[ 0 0 1m 1 2m 0 ]", "pwl(0 0 1m 1 2m 0)")]
    public void The_altered_run_equals_the_deck_with_that_waveform(string kind, string vector, string waveform)
    {
        var altered = NetlistSimulation.Run("a.cir", $"{Circuit}v1 in 0 sin(0 1 1k)\n.control\ntran 10u 2m\nalter @v1[{kind}] {vector}\ntran 10u 2m\n.endc\n.end\n", new Dictionary<string, double>());
        var direct = NetlistSimulation.Run("b.cir", $"{Circuit}v1 in 0 {waveform}\n.tran 10u 2m\n.end\n", new Dictionary<string, double>());
        var second = altered.Analyses[1].Runs[0].Result;
        var reference = direct.Analyses[0].Runs[0].Result;
        Assert.Equal(reference.Independent, second.Independent);
        Assert.Equal(reference.Column("v(out)")!.Values, second.Column("v(out)")!.Values);
        // the first run keeps the deck's own source
        Assert.NotEqual(reference.Column("v(out)")!.Values, altered.Analyses[0].Runs[0].Result.Column("v(out)")!.Values);
    }

    [Theory]
    [InlineData("alter @v1[dc] [ 1 2 ]", "takes one value, not a vector")]
    [InlineData("alter @v1[sin] [ 0 1 1k", "missing ']'")]
    [InlineData("alter @v1[sin] [ 0 ]", "SIN takes 2 to 6 arguments")]
    public void Bad_vectors_are_located_errors(string line, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse($"{Circuit}v1 in 0 sin(0 1 1k)\n.control\ntran 10u 2m\n{line}\ntran 10u 2m\n.endc\n.end\n", "a.cir"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(7, ex.Diagnostic.Location.Line);
    }
}
