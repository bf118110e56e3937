using Neuromorph.Circuits.Parsing;
using Neuromorph.Dynamics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>The CTD engine's netlist path: a memristor directly across a source, and a lattice deck read through the node index.</summary>
public class CtdNetlistTests
{
    [Fact]
    public void A_single_memristor_across_a_source_follows_the_closed_form()
    {
        // alpha = 0: w(t) = (-1 + sqrt((1 + xi w0)^2 - 2 xi s t / beta)) / xi (docs/ctd.md)
        var netlist = NetlistParser.Parse("one\n.model lin memristor level=7 ron=100 roff=1k alpha=0 beta=10 xo=0.8\nv1 a 0 0.5\nymemristor m1 a 0 lin\n.tran 10m 1\n.end\n", "one.cir");
        var r = CtdNetlist.Run(netlist);
        const double xi = 9, s = 0.5, beta = 10, w0 = 0.8;
        for (var k = 0; k < r.Independent.Length; k++)
        {
            var exact = (-1 + Math.Sqrt(Math.Pow(1 + (xi * w0), 2) - (2 * xi * s * r.Independent[k] / beta))) / xi;
            Assert.Equal(exact, r.Columns[0].Values[k], 5);
        }
    }

    [Fact]
    public void Loops_and_a_network_in_one_deck_agree_with_mna()
    {
        var text = "mixed\n.model lin memristor level=7 ron=100 roff=1k alpha=0.2 beta=2 xo=0.4\nv1 a 0 0.3\nymemristor m1 a 0 lin\nymemristor g0 p0 0 lin\n" +
                   string.Concat(Enumerable.Range(0, 12).Select(k => $"ymemristor n{k} p{k % 6} q{k} lin\nvs{k} q{k} p{(k + 1) % 6} {0.1 * ((k % 5) - 2)}\n")) + ".tran 10m 2\n.end\n";
        var netlist = NetlistParser.Parse(text, "mixed.cir");
        var ctd = CtdNetlist.Run(netlist);
        var mna = Sim.Tran(text.Replace(".end", ".options reltol=1e-6\n.print tran x(m1) x(n0) x(n7)\n.end", StringComparison.Ordinal));
        foreach (var name in new[] { "x(m1)", "x(n0)", "x(n7)" })
        {
            var c = ctd.Column(name)!.Values;
            Assert.Equal(Peers.WaveformComparison.Interpolate(mna.Independent, mna.Col(name), 2), c[^1], 4);
        }
    }

    [Fact]
    public void Printed_resistances_and_currents_of_memristors_and_sources_agree_with_mna()
    {
        // issue 23 item 8: the CTD engine dropped r(m1) and i(v1) silently; every non-state .print item is computed
        var items = "x(m1) r(m1) i(m1) i(v1) r(n3) i(n3) i(vs3) i(n7) i(vs7) i(i1)";
        var text = "mixed\n.model lin memristor level=7 ron=100 roff=1k alpha=0.2 beta=2 xo=0.4\nv1 a 0 0.3\nymemristor m1 a 0 lin\nymemristor g0 p0 0 lin\n" +
                   string.Concat(Enumerable.Range(0, 12).Select(k => $"ymemristor n{k} p{k % 6} q{k} lin\nvs{k} q{k} p{(k + 1) % 6} {0.1 * ((k % 5) - 2)}\n")) +
                   $"i1 p2 0 1m\n.tran 10m 2\n.print tran {items}\n.end\n";
        var ctd = CtdNetlist.Run(NetlistParser.Parse(text, "mixed.cir"));
        var mna = Sim.Tran(text.Replace(".end", ".options reltol=1e-6\n.end", StringComparison.Ordinal));
        foreach (var name in items.Split(' '))
        {
            var c = ctd.Column(name)!.Values;
            var scale = mna.Col(name).Max(Math.Abs);
            foreach (var t in new[] { 0.5, 1.0, 2.0 })
            {
                var k = Array.FindIndex(ctd.Independent, x => x >= t - 1e-12);
                Assert.True(Math.Abs(Peers.WaveformComparison.Interpolate(mna.Independent, mna.Col(name), ctd.Independent[k]) - c[k]) <= 1e-4 * scale, $"{name} at t = {ctd.Independent[k]}: ctd {c[k]} vs mna {Peers.WaveformComparison.Interpolate(mna.Independent, mna.Col(name), ctd.Independent[k])}");
            }
        }
    }

    [Fact]
    public void A_node_voltage_under_the_ctd_engine_is_refused_at_its_print_item()
    {
        var text = "one\n.model lin memristor level=7 ron=100 roff=1k alpha=0 beta=10 xo=0.8\nv1 a 0 0.5\nymemristor m1 a 0 lin\n.tran 10m 1\n.print tran x(m1) v(a)\n.end\n";
        var ex = Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => CtdNetlist.Run(NetlistParser.Parse(text, "one.cir")));
        Assert.Contains("v(a)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(6, ex.Diagnostic.Location.Line);
    }
}
