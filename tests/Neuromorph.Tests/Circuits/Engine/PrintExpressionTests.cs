using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Xyce's <c>.print</c> expression columns <c>{...}</c> in .tran, .dc and .op, their headers, and their errors.</summary>
public sealed class PrintExpressionTests
{
    private const string Rc = "rc\n.param rr=1k\nv1 1 0 pulse(0 1 0 1u 1u 5m 10m)\nvmon 1 3 0\nr1 3 4a {rr}\nc1 4a 4b 1u\nr2 4b 0 500\n.tran 10u 2m\n"
        + ".print tran {V(3)/I(VMON)} {v(4a)-v(4b)} {rr*i(vmon)+time} v(3) i(vmon) v(4a) v(4b)\n.end\n";

    [Fact]
    public void Tran_expression_columns_equal_the_values_computed_from_the_other_columns()
    {
        var r = Sim.Tran(Rc);
        Assert.Equal(["{v(3)/i(vmon)}", "{v(4a)-v(4b)}", "{rr*i(vmon)+time}", "v(3)", "i(vmon)", "v(4a)", "v(4b)"], r.Columns.Select(c => c.Header));
        var (ratio, diff, mixed) = (r.Col("{v(3)/i(vmon)}"), r.Col("{v(4a)-v(4b)}"), r.Col("{rr*i(vmon)+time}"));
        var (v3, i, va, vb, t) = (r.Col("v(3)"), r.Col("i(vmon)"), r.Col("v(4a)"), r.Col("v(4b)"), r.Independent);
        Assert.True(t.Length > 100);
        for (var k = 1; k < t.Length; k++)
        {
            Assert.Equal(v3[k] / i[k], ratio[k], 1e-12 * Math.Abs(ratio[k]));
            Assert.Equal(va[k] - vb[k], diff[k], 1e-12);
            Assert.Equal((1000 * i[k]) + t[k], mixed[k], 1e-12);
        }
    }

    [Fact]
    public void Dc_and_op_evaluate_expression_columns()
    {
        const string divider = "d\n.param g=2\nv1 in 0 1\nr1 in out 1k\nr2 out 0 3k\n";
        var dc = Sim.Run(divider + ".dc v1 0 2 0.5\n.print dc {g*v(out)/v(in)} {v(in,out)/i(v1)} v(out)\n.end\n").Single(x => x.Kind == "dc");
        var vin = dc.Independent;
        Assert.Equal(5, vin.Length);
        for (var k = 1; k < vin.Length; k++)
        {
            Assert.Equal(1.5, dc.Col("{g*v(out)/v(in)}")[k], 1e-12);
            // i(v1) flows into the + terminal: -1 mA per 4 V
            Assert.Equal(-1000, dc.Col("{v(in,out)/i(v1)}")[k], 1e-9);
        }

        var op = Sim.Run(divider + ".op\n.print op {v(out)*1000} v(out)\n.end\n").Single(x => x.Kind == "op");
        Assert.Equal(750, op.Col("{v(out)*1000}")[0], 1e-9);
    }

    [Fact]
    public void An_unknown_node_or_current_is_a_located_error_at_the_print_line()
    {
        var node = Assert.Throws<UserInputException>(() => Sim.Run(Rc.Replace("{v(4a)-v(4b)}", "{v(4a)-v(nope)}", StringComparison.Ordinal)));
        Assert.Contains("no node 'nope'", node.Message, StringComparison.Ordinal);
        Assert.Equal(9, node.Diagnostic.Location.Line);
        var current = Assert.Throws<UserInputException>(() => Sim.Run(Rc.Replace("I(VMON)", "I(VNONE)", StringComparison.Ordinal)));
        Assert.Contains("no element 'vnone'", current.Message, StringComparison.Ordinal);
        Assert.Equal(9, current.Diagnostic.Location.Line);
        var ac = Assert.Throws<UserInputException>(() => Sim.Run("a\nv1 in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 5 10 10k\n.print ac {v(out)*2}\n.end\n"));
        Assert.Contains("not supported for .ac", ac.Message, StringComparison.Ordinal);
        Assert.Equal(6, ac.Diagnostic.Location.Line);
    }

    [Fact]
    public void The_plot_check_accepts_the_expression_header()
    {
        var netlist = NetlistParser.Parse(Rc, "rc.cir");
        var engine = NetlistEngines.For(NetlistEngineKind.Mna);
        PlotColumns.Check([PlotRequest.Parse("{V(4a)-v(4b)} vs time"), PlotRequest.Parse("{v(3)/i(vmon)} vs {v(4a)-v(4b)}")], netlist, engine);
        Assert.Throws<UserInputException>(() => PlotColumns.Check([PlotRequest.Parse("{v(4a)+v(4b)} vs time")], netlist, engine));
    }
}
