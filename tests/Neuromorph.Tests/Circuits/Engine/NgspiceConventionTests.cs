using Neuromorph.Diagnostics;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Decks ngspice accepts and Neuromorph refused or blamed on the wrong element (issue #23, items 7, 25, 26).</summary>
public class NgspiceConventionTests
{
    private const string NegativeDivider = "neg\nv1 in 0 1\nr1 in out 1k\nr2 out 0 -2k\n";

    [Fact]
    public void A_negative_resistor_is_accepted_and_divides_as_ohms_law_says()
    {
        // V(out) = 1 V * (-2k) / (1k - 2k) = 2 V; the current through v1 is -(1 - 2) / 1k = +1 mA into its + node
        var r = Sim.Run($"{NegativeDivider}.op\n.print op v(out) i(v1) i(r2)\n.end\n").Single();
        Assert.Equal(2.0, r.Col("v(out)")[0], 12);
        Assert.Equal(1e-3, r.Col("i(v1)")[0], 12);
        Assert.Equal(-1e-3, r.Col("i(r2)")[0], 12);
    }

    [SkippableFact]
    public void A_negative_resistor_divider_matches_ngspice()
    {
        Skip.IfNot(Ngspice.IsAvailable, Ngspice.Missing);
        var peer = Ngspice.RunOp($"{NegativeDivider}.op\n", "v(out)", "i(v1)");
        var ours = Sim.Run($"{NegativeDivider}.op\n.print op v(out) i(v1)\n.end\n").Single();
        Assert.Equal(peer[0], ours.Col("v(out)")[0], 9);
        Assert.Equal(peer[1], ours.Col("i(v1)")[0], 12);
    }

    [Fact]
    public void A_zero_resistor_is_still_refused_with_a_hint()
    {
        var ex = Assert.Throws<UserInputException>(() => Sim.Run("z\nv1 a 0 1\nr1 a 0 0\n.op\n.end\n"));
        Assert.Contains("must be non-zero", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("0 V source", ex.Diagnostic.Hint, StringComparison.Ordinal);
    }

    private const string SourceAcrossInductor = "vl\nv1 a 0 1\nl1 a 0 1m\n.tran 1u 100u uic\n";

    [Fact]
    public void A_source_across_an_inductor_with_uic_ramps_the_current()
    {
        var r = Sim.Tran($"{SourceAcrossInductor}.print tran i(l1)\n.end\n");
        var t = r.Independent;
        var i = r.Col("i(l1)");
        Assert.True(t.Length > 50);
        Assert.Equal(100e-6, t[^1], 15);
        for (var k = 0; k < t.Length; k++)
        {
            // i = V t / L = 1000 A/s * t
            Assert.True(Math.Abs(i[k] - (1000 * t[k])) < 1e-9, $"t = {t[k]}: i(l1) = {i[k]}, expected {1000 * t[k]}");
        }
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void A_source_across_an_inductor_with_uic_matches_ngspice()
    {
        var errors = PeerComparison.AgainstNgspice(SourceAcrossInductor, ["i(l1)"], bound: 1e-6);
        Assert.True(errors[0] < 1e-6);
    }

    [Fact]
    public void Without_uic_a_source_across_an_inductor_is_still_a_loop()
    {
        var ex = Assert.Throws<UserInputException>(() => Sim.Run("vl\nv1 a 0 1\nl1 a 0 1m\n.tran 1u 100u\n.end\n"));
        Assert.Contains("loop of voltage sources and inductors", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Throws<UserInputException>(() => Sim.Run("vv\nv1 a 0 1\nv2 a 0 2\n.tran 1u 100u uic\n.end\n"));
    }

    private const string DivideByZero = "div0\nv1 1 0 0\nb1 2 0 V={1/V(1)}\nr2 2 0 1k\n.tran 1m 10m\n";

    [Fact]
    public void A_division_by_zero_in_a_b_source_is_huge_but_finite_in_the_operating_point_and_the_transient()
    {
        // ngspice's divide moves the denominator 1e-32 away from zero: 1/0 = 1e32 (issue 23 item 7: the .tran failed)
        var op = Sim.Run($"{DivideByZero.Replace(".tran 1m 10m", ".op", StringComparison.Ordinal)}.print op v(2)\n.end\n").Single();
        Assert.Equal(1e32, op.Col("v(2)")[0], 1e20);
        var tran = Sim.Tran($"{DivideByZero}.print tran v(2)\n.end\n");
        Assert.Equal(10e-3, tran.Independent[^1], 12);
        Assert.All(tran.Col("v(2)"), v => Assert.Equal(1e32, v, 1e20));
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void A_division_by_zero_in_a_b_source_matches_ngspice()
    {
        Requires.Ngspice();
        var (time, cols) = Ngspice.RunTransient(DivideByZero, "v(2)");
        Assert.Equal(10e-3, time[^1], 12);
        Assert.All(cols[0], v => Assert.Equal(1e32, v, 1e20));
        var ours = Sim.Tran($"{DivideByZero}.print tran v(2)\n.end\n");
        Assert.All(ours.Col("v(2)"), v => Assert.Equal(1e32, v, 1e20));
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Voltage_and_current_b_sources_dividing_by_a_node_held_at_zero_match_ngspice()
    {
        // the node is fixed by a source, so its voltage must come out exactly 0 (not rounding noise, which would flip
        // or shrink the 1e-32 denominator): V(3)/0 follows the sine times 1e32, 1/0 through 1 ohm, and a squared zero
        Requires.Ngspice();
        const string deck = "div0 class\nv1 1 0 0\nv3 3 0 sin(0 2 100k)\nb1 2 0 V={V(3)/V(1)}\nr2 2 0 1k\nb2 0 4 I={1/V(1)}\nr4 4 0 1\n"
            + "b5 5 0 V={(V(3)+1)/(V(1)*V(1))}\nr5 5 0 1k\n.tran 0.1u 20u\n";
        string[] vectors = ["v(2)", "v(4)", "v(5)"];
        var (time, cols) = Ngspice.RunTransient(deck, vectors);
        var ours = Sim.Tran($"{deck}.print tran {string.Join(" ", vectors)}\n.end\n");
        Assert.Equal(20e-6, ours.Independent[^1], 15);
        Assert.All(ours.Col("v(4)"), v => Assert.Equal(1e32, v, 1e20));
        for (var k = 0; k < vectors.Length; k++)
        {
            var error = WaveformComparison.MaxErrorRelativeToRange(time, cols[k], ours.Independent, ours.Col(vectors[k]));
            var scale = cols[k].Max(Math.Abs);
            Assert.True(error < 1e-3 || cols[k].Max() - cols[k].Min() < 1e-6 * scale, $"{vectors[k]}: {error:G3} of its range from ngspice");
            Assert.All(ours.Col(vectors[k]), v => Assert.True(Math.Abs(v) <= 3.01e32, $"{vectors[k]} = {v:G6}"));
        }
    }

    [Fact]
    public void A_non_finite_value_at_run_time_names_the_element_that_produced_it()
    {
        // sqrt of a negative argument once the ramp passes 1 V: ngspice stops too ("out of range for sqrt in line b4")
        var ex = Assert.Throws<SimulationException>(() => Sim.Run("nan\nv1 1 0 pwl(0 2 1m 0)\nb4 5 0 V={sqrt(V(1)-1)}\nr5 5 0 1\n.tran 10u 1m\n.end\n"));
        Assert.Contains("element b4 evaluates to a non-finite value", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("element v1", ex.Message, StringComparison.Ordinal);
    }
}
