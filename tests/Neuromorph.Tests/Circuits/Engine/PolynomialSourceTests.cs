using Neuromorph.Circuits.Expressions;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Peers;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>SPICE's POLY controlled sources (E, G, F, H) against the polynomial written out, ngspice live, and bad input.</summary>
public class PolynomialSourceTests
{
    /// <summary>E, G, F and H polynomials of v(1), v(2) and the currents of v1 and vs, driven by <paramref name="v1"/> and <paramref name="v2"/>.</summary>
    private static string Deck(string v1, string v2) => $"""
        poly
        v1 1 0 {v1}
        v2 2 0 {v2}
        r1 1 0 1k
        r2 2 0 1k
        e1 3 0 poly(2) 1 0 2 0 0.1 2 -1 0.5 0.25 -0.3
        r3 3 0 1k
        g1 0 4 POLY(1) 1 0 1m 2m 3m
        r4 4 0 1k
        vs 2 5 0
        r5 5 0 2k
        f1 0 6 poly(2) v1 vs 0 1 2 0.5
        r6 6 0 1
        h1 7 0 poly(1) vs 0 1k
        r7 7 0 1k

        """;

    [Fact]
    public void The_terms_follow_spice_order()
    {
        // the SPICE2 manual's POLY(3): p0, FA, FB, FC, FA², FA·FB, FA·FC, FB², FB·FC, FC², FA³, FA²·FB, FA²·FC, FA·FB², ...
        var names = PolynomialText.Products(3).Take(14).Select(p => string.Concat(p.Select(i => "abc"[i]))).ToArray();
        Assert.Equal(["", "a", "b", "c", "aa", "ab", "ac", "bb", "bc", "cc", "aaa", "aab", "aac", "abb"], names);
        Assert.Equal(["", "a", "aa", "aaa"], PolynomialText.Products(1).Take(4).Select(p => string.Concat(p.Select(i => "abc"[i]))));
    }

    [Fact]
    public void Voltage_and_current_controlled_polynomials_equal_their_written_out_values()
    {
        const double x1 = 0.3, x2 = -0.7;
        // h8 adds SPICE2's trailing IC= (initial guesses of the controls), read and not needed
        var r = Sim.Run(Deck($"{x1}", $"{x2}") + "h8 8 0 poly(1) vs 0 1k IC=0\nr8 8 0 1k\n.op\n.print op v(3) v(4) v(6) v(7) v(8) i(v1) i(vs)\n.end\n").Single();
        var i1 = r.Col("i(v1)")[0];
        var iS = r.Col("i(vs)")[0];
        Assert.Equal(0.1 + (2 * x1) - x2 + (0.5 * x1 * x1) + (0.25 * x1 * x2) - (0.3 * x2 * x2), r.Col("v(3)")[0], 12);
        Assert.Equal(1e3 * (1e-3 + (2e-3 * x1) + (3e-3 * x1 * x1)), r.Col("v(4)")[0], 12);
        Assert.Equal(i1 + (2 * iS) + (0.5 * i1 * i1), r.Col("v(6)")[0], 12);
        Assert.Equal(1e3 * iS, r.Col("v(7)")[0], 12);
        Assert.Equal(r.Col("v(7)")[0], r.Col("v(8)")[0]);
        Assert.Equal(x2 / 2e3, iS, 15);
    }

    [Fact]
    public void A_lone_coefficient_is_p0_as_ngspice_reads_it()
    {
        // ngspice-39: E1 3 0 POLY(1) 1 0 5 holds v(3) at 5 V (the SPICE3 manual would make 5 the linear coefficient)
        var r = Sim.Run("t\nv1 1 0 2\nr1 1 0 1k\ne1 3 0 poly(1) 1 0 5\nr3 3 0 1k\n.op\n.print op v(3)\n.end\n").Single();
        Assert.Equal(5, r.Col("v(3)")[0], 12);
    }

    [Fact]
    public void A_polynomial_in_a_subcircuit_reads_the_instance_nodes()
    {
        var r = Sim.Run("t\n.subckt sq in out\ne1 out 0 poly(1) in 0 0 0 1\n.ends\nv1 a 0 3\nr1 a 0 1k\nx1 a b sq\nrb b 0 1k\n.op\n.print op v(b)\n.end\n").Single();
        Assert.Equal(9, r.Col("v(b)")[0], 12);
    }

    [Fact]
    public void Xyce_poly_inside_a_behavioural_expression_is_the_same_polynomial()
    {
        // Xyce's SANDLER24 and AMPMOD decks: BGND 99 0 V={POLY(2) V(3) V(4) 0 0.5 0.5}, BAM 30 0 V={POLY(2) V(10) V(20) 0 0 0 0 1}
        var r = Sim.Run("t\nv1 1 0 0.3\nv2 2 0 -0.7\nr1 1 0 1k\nr2 2 0 1k\nb1 3 0 V={POLY(2) V(1) V(2) 0 0.5 0.5}\nr3 3 0 1k\n"
            + "b2 4 0 V={POLY(2) V(1) V(2,0) 0 0 0 0 1}\nr4 4 0 1k\nb3 5 0 I={poly(1) i(v1) 1m 2}\nr5 5 0 1k\n.op\n.print op v(3) v(4) v(5) i(v1)\n.end\n").Single();
        Assert.Equal((0.5 * 0.3) + (0.5 * -0.7), r.Col("v(3)")[0], 12);
        Assert.Equal(0.3 * -0.7, r.Col("v(4)")[0], 12);
        Assert.Equal(-1e3 * (1e-3 + (2 * r.Col("i(v1)")[0])), r.Col("v(5)")[0], 12);
    }

    [Theory]
    [InlineData("b1 3 0 V={POLY(2) V(1) V(2)}", "needs 2 controlling value(s) and at least one coefficient")]
    [InlineData("b1 3 0 V={POLY(1) V(1) 1 x}", "POLY coefficient 'x' is not a number")]
    public void A_bad_xyce_poly_expression_is_a_located_error(string line, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse($"t\nv1 1 0 1\nv2 2 0 1\n{line}\nr3 3 0 1k\n.op\n.end\n", "bad.cir"));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Diagnostic.Location.Line);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Polynomial_sources_match_ngspice_in_a_transient()
    {
        PeerComparison.AgainstNgspice(Deck("sin(0 1 1k)", "sin(0.5 0.2 700)") + ".tran 10u 2m 0 2u\n", ["v(3)", "v(4)", "v(6)", "v(7)"], 2e-3);
    }

    [Theory]
    [InlineData("e1 3 0 poly 1 0 1 2", "expected POLY(nd)")]
    [InlineData("e1 3 0 poly(0) 1 0 1 2", "from 1 to 20")]
    [InlineData("e1 3 0 poly(1.5) 1 0 1 2", "from 1 to 20")]
    [InlineData("e1 3 0 poly(2) 1 0", "missing controlling node nc2+")]
    [InlineData("e1 3 0 poly(1) 1 0", "has no coefficients")]
    [InlineData("e1 3 0 poly(1) 1 0 1 k", "undefined parameter 'k'")]
    [InlineData("f1 3 0 poly(2) v1", "missing controlling source 2")]
    public void A_bad_poly_line_is_a_located_error(string line, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse($"t\nv1 1 0 1\nr1 1 0 1k\n{line}\nr3 3 0 1k\n.op\n.end\n", "bad.cir"));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Diagnostic.Location.Line);
    }
}
