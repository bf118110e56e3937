using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>ngspice and Xyce accept a deck that has no <c>.end</c> (it ends with its file); published decks rely on it.</summary>
public class DeckWithoutEndTests
{
    [Theory]
    [InlineData("divider\nv1 a 0 3\nr1 a b 1k\nr2 b 0 2k\n.op\n")]
    [InlineData("divider\nv1 a 0 3\nr1 a b 1k\nr2 b 0 2k\n.op")]
    [InlineData("divider\nv1 a 0 3\nr1 a b\n+ 1k\nr2 b 0 2k\n.op\n\n* trailing comment\n")]
    public void A_deck_without_end_runs_to_the_end_of_its_file(string text)
    {
        var result = CircuitSimulator.Run(NetlistParser.Parse(text, "noend.cir")).Single();
        Assert.Equal(2.0, result.Column("v(b)")!.Values[0], 12);
    }
}
