using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Netlist;

/// <summary>
/// One answer to "which columns exist": for every analysis kind, with and without .print, stepped, and on the CTD
/// engine, the plot check accepts exactly the headers of the table the run writes (and the vectors it records), and the
/// engine's column list is the table's header row.
/// </summary>
public sealed class PlotColumnsTests : IDisposable
{
    private const string Memristor = ".model hp memristor level=1 ron=100 roff=16k xo=0.1\n";

    private readonly TempDirectory _dir = new("nm-plot-columns");

    public static TheoryData<string, string, string> Decks => new()
    {
        { "tran printed", "t\nv1 in 0 sin(0 1 1k)\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 2m\n.print tran v(out) i(v1)\n.measure tran vmax max v(in)\n.end\n", "mna" },
        { "tran defaults", "t\n" + Memristor + "v1 in 0 sin(0 1 1k)\nr1 in mid 100\nymemristor m1 mid 0 hp\n.tran 10u 2m\n.end\n", "mna" },
        { "dc printed", "d\nv1 in 0 1\nr1 in out 1k\nr2 out 0 1k\n.dc v1 0 1 0.1\n.print dc v(out)\n.end\n", "mna" },
        { "dc defaults", "d\nv1 in 0 1\nr1 in out 1k\nr2 out 0 1k\n.dc v1 0 1 0.1\n.end\n", "mna" },
        { "ac printed", "a\nv1 in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 5 10 10k\n.print ac vdb(out) vp(out)\n.end\n", "mna" },
        { "ac defaults", "a\nv1 in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 5 10 10k\n.end\n", "mna" },
        { "op", "o\nv1 in 0 1\nr1 in out 1k\nr2 out 0 1k\n.op\n.end\n", "mna" },
        { "stepped", "s\n.param r=1k\nv1 in 0 pulse(0 1 0 1u 1u 5m 10m)\nr1 in out {r}\nc1 out 0 1u\n.step param r list 500 1k\n.tran 10u 1m\n.print tran v(out)\n.end\n", "mna" },
        { "ctd printed", "c\n.model lin memristor level=7 ron=100 roff=1k alpha=0 beta=10 xo=0.8\nv1 a 0 0.5\nymemristor m1 a 0 lin\nv2 b 0 0.2\nymemristor m2 b 0 lin\n.tran 10m 1\n.print tran x(m1) r(m2) i(v1)\n.end\n", "ctd" },
        { "ctd defaults", "c\n.model lin memristor level=7 ron=100 roff=1k alpha=0 beta=10 xo=0.8\nv1 a 0 0.5\nymemristor m1 a 0 lin\n.tran 10m 1\n.end\n", "ctd" },
    };

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Decks))]
    public void The_plot_check_accepts_exactly_the_table_headers_and_recorded_vectors(string what, string deck, string engineName)
    {
        var kind = NetlistEngines.Parse(engineName)!.Value;
        var engine = NetlistEngines.For(kind);
        var result = Run(what, deck, kind);
        var netlist = result.Report.Netlist;
        var cards = netlist.Analyses.Count == 0 ? [new OpCard(new SourceLocation(netlist.SourceFile, 1, 1))] : netlist.Analyses.Where(a => engine.Columns(netlist, a) is not null).ToList();
        Assert.Equal(cards.Count, result.Analyses.Count);
        var plotted = PlotColumns.Of(netlist, engine);
        foreach (var (card, analysis) in cards.Zip(result.Analyses))
        {
            // the engine's list before the run is the table's header row after it
            Assert.Equal(analysis.Table.Headers, [.. netlist.Steps.Select(s => s.Parameter), .. engine.Columns(netlist, card)!.Headers]);
            if (card is OpCard)
            {
                Assert.DoesNotContain(plotted, p => ReferenceEquals(p.Analysis, card));
                continue;
            }

            var names = plotted.Single(p => ReferenceEquals(p.Analysis, card)).Names;
            var vectors = analysis.Output.Runs[0].Result.Vectors.Select(v => v.Header);
            Assert.Equal(analysis.Table.Headers.Concat(vectors).Distinct().Order(), names.Order());
            var x = analysis.Output.Runs[0].Result.IndependentName;
            foreach (var header in names)
            {
                // each is accepted and drawn
                var request = PlotRequest.Parse($"{header} vs {x}");
                PlotColumns.Check([request], netlist, engine);
                Assert.Contains(ResultPlots.Figures(analysis.Output, [request]), f => f.Name == $"{analysis.Output.Name}_plot1");
            }

            Assert.Throws<UserInputException>(() => PlotColumns.Check([PlotRequest.Parse($"i(nothing) vs {x}")], netlist, engine));
        }
    }

    [Fact]
    public void Names_the_old_check_let_through_without_a_figure_are_refused_and_those_it_refused_are_drawn()
    {
        // without .print the table has node voltages and states, no currents: i(r1) used to pass and draw nothing
        var tran = Run("tran", "t\n" + Memristor + "v1 in 0 sin(0 1 1k)\nr1 in mid 100\nymemristor m1 mid 0 hp\n.tran 10u 2m\n.end\n", NetlistEngineKind.Mna);
        var ex = Assert.Throws<UserInputException>(() => PlotColumns.Check([PlotRequest.Parse("i(r1) vs time")], tran.Report.Netlist, NetlistEngines.For(NetlistEngineKind.Mna)));
        Assert.Contains("columns: time, v(in), v(mid), x(m1)", ex.Diagnostic.Hint, StringComparison.Ordinal);
        // .ac without .print writes vm and vp: v(out) used to pass and draw nothing
        var ac = Run("ac", "a\nv1 in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 5 10 10k\n.end\n", NetlistEngineKind.Mna);
        Assert.Throws<UserInputException>(() => PlotColumns.Check([PlotRequest.Parse("v(out) vs frequency")], ac.Report.Netlist, NetlistEngines.For(NetlistEngineKind.Mna)));
        PlotColumns.Check([PlotRequest.Parse("vm(out) vs frequency")], ac.Report.Netlist, NetlistEngines.For(NetlistEngineKind.Mna));
        // the CTD engine writes every state though .print names one: x(m2) used to be refused
        var ctd = Run("ctd", "c\n.model lin memristor level=7 ron=100 roff=1k alpha=0 beta=10 xo=0.8\nv1 a 0 0.5\nymemristor m1 a 0 lin\nv2 b 0 0.2\nymemristor m2 b 0 lin\n.tran 10m 1\n.print tran x(m1)\n.end\n", NetlistEngineKind.Ctd);
        PlotColumns.Check([PlotRequest.Parse("x(m2) vs time")], ctd.Report.Netlist, NetlistEngines.For(NetlistEngineKind.Ctd));
        // a stepped table's parameter column is plottable too
        var stepped = Run("stepped", "s\n.param r=1k\nv1 in 0 1\nr1 in out {r}\nc1 out 0 1u\n.step param r list 500 1k\n.tran 10u 1m\n.print tran v(out)\n.end\n", NetlistEngineKind.Mna);
        PlotColumns.Check([PlotRequest.Parse("v(out) vs r")], stepped.Report.Netlist, NetlistEngines.For(NetlistEngineKind.Mna));
    }

    private NetlistResult Run(string what, string deck, NetlistEngineKind engine)
    {
        var path = Path.Combine(_dir, $"{what.Replace(' ', '_')}.cir");
        File.WriteAllText(path, deck);
        return NetlistExperiment.Run(new NetlistSpec(path, engine), new ExperimentContext(_dir, TextWriter.Null));
    }
}
