using Neuromorph.Circuits.Elements.Controlled;
using Neuromorph.Circuits.Elements.Memristors;
using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Parsing;

public class NetlistParserTests
{
    private static Netlist P(string text) => NetlistParser.Parse(text, "t.cir");

    [Fact]
    public void Sine_is_ngspices_other_name_of_sin()
    {
        var n = NetlistParser.Parse("t\nv1 a 0 dc 0 sine(0.1 0.3 440 0 0)\nr1 a 0 1k\n.tran 1m 10m\n.end\n", "t.cir");
        var sin = Assert.IsType<SinSpec>(n.Elements.OfType<SourceCard>().Single().Waveform);
        Assert.Equal((0.1, 0.3, 440.0), (sin.Offset, sin.Amplitude, sin.Frequency));
    }

    [Fact]
    public void Reads_elements_values_comments_and_continuations()
    {
        var n = P("""
            Title line * not a comment
            * a comment
            R1 a b 1k ; inline comment
            C1 b 0 10p IC=0.5
            L1 b
            + c 1u
            V1 a 0 DC 5
            I1 0 c 1m $ ngspice inline comment
            E1 d 0 a b 2
            G1 0 d a b 1m
            .op
            .end
            """);
        Assert.Equal("Title line * not a comment", n.Title);
        var r = Assert.IsType<ResistorCard>(n.Elements[0]);
        Assert.Equal(("r1", 1000.0), (r.Name, r.Resistance));
        Assert.Equal(new[] { "a", "b" }, r.Nodes);
        var c = Assert.IsType<CapacitorCard>(n.Elements[1]);
        Assert.Equal((1e-11, 0.5), (c.Capacitance, c.InitialVoltage!.Value), new ToleranceComparer());
        var l = Assert.IsType<InductorCard>(n.Elements[2]);
        Assert.Equal(new[] { "b", "c" }, l.Nodes);
        Assert.Equal(1e-6, l.Inductance, 15);
        Assert.Equal(5, Assert.IsType<SourceCard>(n.Elements[3]).Dc);
        Assert.Equal(SourceKind.Current, Assert.IsType<SourceCard>(n.Elements[4]).Kind);
        Assert.Equal(ControlledSourceKind.Vccs, Assert.IsType<ControlledSourceCard>(n.Elements[6]).Kind);
        Assert.IsType<OpCard>(n.Analyses[0]);
    }

    [Fact]
    public void Evaluates_parameters_and_expressions()
    {
        var n = P("""
            t
            .param a=2 b={a*3+1} c='pow(a,3)' d={if(a>1, sqrt(16), -1)} e={2**3**2/1k} f={max(-exp(0), ln(1))+abs(-2.5)}
            R1 1 0 {b*1k}
            .op
            .end
            """);
        Assert.Equal(7000, ((ResistorCard)n.Elements[0]).Resistance, 9);
        Assert.Equal(8, n.Parameters["c"]);
        Assert.Equal(4, n.Parameters["d"]);
        Assert.Equal(Math.Pow(2, 9) / 1000, n.Parameters["e"], 12);
        Assert.Equal(2.5, n.Parameters["f"]);
    }

    [Fact]
    public void Parameter_overrides_replace_values_before_dependent_parameters_are_evaluated()
    {
        var n = NetlistParser.Parse("t\n.param r=1k r2={2*r}\nR1 1 0 {r2}\n.op\n.end\n", "t.cir", new Dictionary<string, double> { ["r"] = 5 });
        Assert.Equal(10, ((ResistorCard)n.Elements[0]).Resistance);
        Assert.Throws<UserInputException>(() => NetlistParser.Parse("t\n.param r=1\nR1 1 0 1\n.op\n.end\n", "t.cir", new Dictionary<string, double> { ["q"] = 5 }));
    }

    [Fact]
    public void Subcircuits_flatten_with_xyce_style_names_and_parameters()
    {
        var n = P("""
            t
            .param rr=1k
            .subckt div in out gnd2 params: r=100 k=2
            r1 in out {r}
            r2 out gnd2 {r*k}
            x1 out mid 0 leaf
            .ends
            .subckt leaf a b c
            c1 a b 1n
            ymemristor m1 b c mod xo=0.2
            .ends
            X1 top o 0 div params: r={rr}
            x2 top o2 0 div r=10 k=3
            .model mod memristor level=7 ron=100 roff=10k alpha=0 beta=1
            .op
            .end
            """);
        var names = n.Elements.Select(e => e.Name).ToList();
        Assert.Equal(["x1:r1", "x1:r2", "x1:x1:c1", "x1:x1:m1", "x2:r1", "x2:r2", "x2:x1:c1", "x2:x1:m1"], names);
        Assert.Equal(new[] { "top", "o" }, n.Elements[0].Nodes);
        Assert.Equal(2000, ((ResistorCard)n.Elements[1]).Resistance);
        Assert.Equal(new[] { "o", "x1:mid" }, n.Elements[2].Nodes);
        Assert.Equal(new[] { "x1:mid", "0" }, n.Elements[3].Nodes);
        Assert.Equal(30, ((ResistorCard)n.Elements[5]).Resistance);
        var m = Assert.IsType<MemristorCard>(n.Elements[3]);
        Assert.Equal(("mod", 0.2, MemristorSyntax.Xyce), (m.ModelName, m.InstanceParameters["xo"], m.Syntax));
    }

    [Fact]
    public void Waveforms_get_ngspice_defaults_from_tran()
    {
        var n = P("""
            t
            v1 a 0 pulse(0 1 1u)
            v2 b 0 sin 0.5 1
            v3 c 0 pwl(0 0 1m 1 2m 0)
            v4 d 0 exp(0 1)
            r1 a b 1
            r2 c d 1
            r3 a 0 1
            r4 c 0 1
            .tran 10u 5m
            .end
            """);
        var p = (PulseSpec)((SourceCard)n.Elements[0]).Waveform!;
        Assert.Equal(new PulseSpec(0, 1, 1e-6, 1e-5, 1e-5, 5e-3, 5e-3), p);
        var s = (SinSpec)((SourceCard)n.Elements[1]).Waveform!;
        Assert.Equal(200, s.Frequency, 9);
        Assert.Equal(0.5, ((SourceCard)n.Elements[1]).Dc);
        var w = (PwlSpec)((SourceCard)n.Elements[2]).Waveform!;
        Assert.Equal(new[] { 0, 1e-3, 2e-3 }, w.Times);
        var e = (ExpSpec)((SourceCard)n.Elements[3]).Waveform!;
        Assert.Equal((1e-5, 1e-5, 1e-5), (e.RiseTau, e.FallDelay, e.FallTau));
    }

    [Fact]
    public void Reads_analyses_prints_options_ic_and_step()
    {
        var n = P("""
            t
            v1 a 0 1
            r1 a b 1k
            a1 %gd(b 0) memr
            .model memr memristor (rmin=10 rmax=10k rinit=7k alpha=0 beta=1 vt=0)
            .options reltol=1e-4 method=gear bogus=1
            .ic v(b)=0.25
            .dc v1 0 1 0.1
            .tran 1u 1m 0 2u uic
            .print tran v(a) V(a, b) i(r1) x(a1) r(a1) n(ymemristor!mr1_x) n(YMEMRISTOR!MR1:R)
            .step param rr list 1 2 3
            .end
            """);
        Assert.Equal(1e-4, n.Options["reltol"]);
        Assert.Equal("gear", n.TextOptions["method"]);
        Assert.Contains(n.Warnings, w => w.Message.Contains("bogus", StringComparison.Ordinal));
        Assert.Equal(0.25, n.InitialConditions["b"]);
        var tran = Assert.IsType<TranCard>(n.Analyses[1]);
        Assert.Equal((1e-6, 1e-3, 0.0, (double?)2e-6, true), (tran.Step, tran.Stop, tran.Start, tran.MaxStep, tran.UseInitialConditions));
        var items = n.Prints[0].Items;
        Assert.Equal(["v(a)", "v(a,b)", "i(r1)", "x(a1)", "r(a1)", "n(ymemristor!mr1_x)", "n(ymemristor!mr1:r)"], items.Select(i => i.Header));
        Assert.Equal((OutputKind.MemristorState, "mr1"), (items[5].Kind, items[5].Target));
        Assert.Equal((OutputKind.MemristorResistance, "mr1"), (items[6].Kind, items[6].Target));
        Assert.Equal("b", items[1].Reference);
        var m = Assert.IsType<MemristorCard>(n.Elements[2]);
        Assert.Equal((MemristorSyntax.XSpice, "memr", "a1"), (m.Syntax, m.ModelName, m.Name));
        Assert.Equal(7000, n.Models["memr"].Parameters["rinit"]);
        Assert.Equal(new double[] { 1, 2, 3 }, n.Steps[0].Values);
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Xyce_TEAM_reference_netlist_parses_unchanged()
    {
        Requires.SharedReference();
        var n = NetlistParser.ParseFile(Path.Combine(RepoPaths.SharedReference!, "xyce", "memristorTEAM_test.cir"));
        var m = Assert.IsType<MemristorCard>(n.Elements.Single(e => e is MemristorCard));
        Assert.Equal(("mr1", "mrm1"), (m.Name, m.ModelName));
        Assert.Equal(new[] { "n1", "n2" }, m.Nodes);
        var model = n.Models["mrm1"];
        Assert.Equal((2.0, 1.0e9, 4.0, 115e-6), (model.Parameters["level"], model.Parameters["xscaling"], model.Parameters["wt"], model.Parameters["ioff"]));
        var sin = (SinSpec)((SourceCard)n.Elements[0]).Waveform!;
        Assert.Equal((0.0, 1.0, 1000.0), (sin.Offset, sin.Amplitude, sin.Frequency));
        Assert.Equal(1e-4, n.Options["reltol"]);
        Assert.Equal(5, n.Prints[0].Items.Count);
        Assert.Equal(0.01, ((TranCard)n.Analyses[0]).Stop);
    }

    [Fact]
    public void Includes_are_relative_and_cycles_are_errors()
    {
        using var dir = new TempDirectory("nm-inc");
        File.WriteAllText(Path.Combine(dir, "Models.LIB"), "* models\n.model m1 memristor level=1\n");
        File.WriteAllText(Path.Combine(dir, "top.cir"), "top\n.include Models.LIB\nymemristor a 1 0 m1\nv1 1 0 1\n.op\n.end\n");
        Assert.True(NetlistParser.ParseFile(Path.Combine(dir, "top.cir")).Models.ContainsKey("m1"));
        File.WriteAllText(Path.Combine(dir, "a.inc"), ".include b.inc\n");
        File.WriteAllText(Path.Combine(dir, "b.inc"), ".include a.inc\n");
        File.WriteAllText(Path.Combine(dir, "loop.cir"), "loop\n.include a.inc\n.end\n");
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.ParseFile(Path.Combine(dir, "loop.cir")));
        Assert.Contains("recursive .include", ex.Message, StringComparison.Ordinal);
        Assert.Equal("b.inc", Path.GetFileName(ex.Diagnostic.Location.File));
    }

    private sealed class ToleranceComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= 1e-12 * Math.Abs(y.Item1) && Math.Abs(x.Item2 - y.Item2) <= 1e-12 * Math.Abs(y.Item2);

        public int GetHashCode((double, double) obj) => 0;
    }

    [Fact]
    public void Xyce_print_layout_options_are_read_and_leave_the_columns_as_they_are()
    {
        // Xyce's regression decks write .PRINT TRAN PRECISION=8 WIDTH=18 FORMAT=STD ... (its own .prn layout)
        var n = NetlistParser.Parse("t\nv1 1 0 1\nr1 1 0 1k\n.tran 1u 1m\n.PRINT TRAN PRECISION=8 WIDTH=18 FORMAT=STD v(1) i(v1) DELIMITER=COMMA\n.end\n", "x.cir");
        Assert.Equal(["v(1)", "i(v1)"], n.Prints.Single().Items.Select(i => i.Header));
    }
}
