using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;
using Xunit;

namespace Neuromorph.Tests.Circuits.Parsing;

/// <summary>
/// Element cards are read as ranges of the file and tokenized when their card is built (a 10^5-card deck then holds no
/// token lists from reading to expansion). Their tokens, locations and errors must be those of tokenizing the line
/// itself, as every other line is.
/// </summary>
public sealed class LazyCardTests
{
    private const string Deck = "lazy cards\n" +
                                "  V1 In 0 DC 1.5 ; a comment\n" +
                                "Ymemristor M1 In Mid CTD XO=0.25\n" +
                                ".model CTD memristor level=7 ron=100 roff=1k alpha=0.1 beta=1\n" +
                                "R1 mid 0 {2*500}\n" +
                                "+ tc1=0\n" +
                                ".tran 0.1 1\n" +
                                ".end\n";

    [Fact]
    public void An_element_lines_tokens_equal_those_of_tokenizing_its_text_at_its_place()
    {
        var source = NetlistSource.Read(Deck, "lazy.cir", []);
        var lines = source.Lines.Where(l => !l.Head.StartsWith('.')).ToList();
        Assert.Equal(["v1", "ymemristor", "r1"], lines.Select(l => l.Head));
        // line 2 is indented by two blanks: the card starts at column 3
        var v1 = lines[0];
        Assert.Equal(new SourceLocation("lazy.cir", 2, 3), v1.Location);
        Assert.Equal("V1 In 0 DC 1.5 ; a comment", v1.Text);
        var expected = Tokenizer.Tokenize(v1.Text, "lazy.cir", 2, 3);
        Assert.Equal(expected, v1.Tokens);
        Assert.Equal(["v1", "in", "0", "dc", "1.5"], v1.Tokens.Select(t => t.Text));
        Assert.Equal("In", v1.Tokens[1].Original);

        var m1 = lines[1];
        Assert.Equal(Tokenizer.Tokenize("Ymemristor M1 In Mid CTD XO=0.25", "lazy.cir", 3, 1), m1.Tokens);
        Assert.Equal(new SourceLocation("lazy.cir", 3, 29), m1.Tokens[^1].Location);

        // a continued card is joined and tokenized as before
        Assert.Equal(["r1", "mid", "0", "2*500", "tc1", "=", "0"], lines[2].Tokens.Select(t => t.Text));
        Assert.Equal(new SourceLocation("lazy.cir", 6, 3), lines[2].Tokens[4].Location);
    }

    [Fact]
    public void Forgotten_tokens_come_back_equal_and_a_line_given_new_tokens_keeps_them()
    {
        var line = NetlistSource.Read(Deck, "lazy.cir", []).Lines.First(l => l.Head == "ymemristor");
        var before = line.Tokens.ToList();
        line.Forget();
        Assert.Equal(before, line.Tokens);
        var replaced = line with { Tokens = [.. before.Take(4)] };
        replaced.Forget();
        Assert.Equal(before.Take(4), replaced.Tokens);
        Assert.Equal("ymemristor", replaced.Head);
        // equality is by place, text and tokens, not by the file text a line was cut from
        var again = NetlistSource.Read(Deck + "* a comment at the end\n", "lazy.cir", []).Lines.First(l => l.Head == "ymemristor");
        Assert.Equal(line, again);
        Assert.Equal(line.GetHashCode(), again.GetHashCode());
        Assert.NotEqual(line, replaced);
    }

    [Fact]
    public void A_parsed_deck_reads_the_same_cards_as_written()
    {
        var netlist = NetlistParser.Parse(Deck, "lazy.cir");
        var v1 = Assert.IsType<SourceCard>(netlist.Elements.Single(e => e.Name == "v1"));
        Assert.Equal(1.5, v1.Dc);
        Assert.Equal(["in", "0"], v1.Nodes);
        var m1 = Assert.IsType<MemristorCard>(netlist.Elements.Single(e => e.Name == "m1"));
        Assert.Equal(0.25, m1.InstanceParameters["xo"]);
        Assert.Equal("ctd", m1.ModelName);
    }

    [Theory]
    [InlineData("t\nR1 a 0 '1k\n.end\n", 2, 8, "unterminated quoted string")]
    [InlineData("t\nR1 a 0 {1k\n.end\n", 2, 8, "unterminated '{' expression")]
    [InlineData("t\n   C1 a 0 \"x\n.end\n", 2, 11, "unterminated quoted string")]
    public void A_malformed_element_card_is_reported_where_the_deck_is_read(string deck, int line, int column, string message)
    {
        // reported by reading the source, before any card is built, as for any other line
        var ex = Assert.Throws<UserInputException>(() => NetlistSource.Read(deck, "bad.cir", []));
        Assert.Equal(new SourceLocation("bad.cir", line, column), ex.Diagnostic.Location);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_instance_parameter_given_twice_is_a_located_error()
    {
        const string deck = "t\n.model c memristor level=7 ron=100 roff=1k alpha=0.1 beta=1\nymemristor m1 a 0 c xo=0.2 XO=0.3\n.tran 0.1 1\n.end\n";
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse(deck, "twice.cir"));
        Assert.Equal(new SourceLocation("twice.cir", 3, 28), ex.Diagnostic.Location);
        Assert.Contains("xo is given twice", ex.Message, StringComparison.Ordinal);
    }
}
