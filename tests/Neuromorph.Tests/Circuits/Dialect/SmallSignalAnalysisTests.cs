using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Circuits.Engine;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Dialect;

/// <summary>SPICE's DC small-signal analyses <c>.tf</c> and <c>.sens</c>: closed forms, and ngspice run live.</summary>
public class SmallSignalAnalysisTests
{
    private const string Divider = "divider\nvin in 0 dc 5\nr1 in out 1k\nr2 out 0 3k\n";

    // a diode biased through r3 and a VCVS driving a current through vm
    private const string Mixed = """
        mixed
        vin in 0 dc 5
        r1 in out 1k
        r2 out 0 3k
        r3 out x 2k
        d1 x 0 dmod
        .model dmod d is=1e-14 n=1.2
        e1 y 0 out 0 10
        r4 y 0 500
        vm y z 0
        r5 z 0 1k
        i1 0 out 1m
        rm out 0 rmod l=10u w=1u
        .model rmod r rsh=1k

        """;

    private static double Value(AnalysisResult r, string name) => r.Column(name)?.Values[0] ?? throw new InvalidOperationException($"no {name} in {string.Join(", ", r.Columns.Select(c => c.Header))}");

    [Fact]
    public void Tf_of_a_divider_is_its_ratio_with_the_series_and_parallel_resistances()
    {
        var r = Sim.Run(Divider + ".tf v(out) vin\n.end\n").Single();
        Assert.Equal("tf", r.Kind);
        Assert.Equal(0.75, Value(r, "transfer_function"), 12);
        Assert.Equal(4000, Value(r, "vin#input_impedance"), 9);
        Assert.Equal(750, Value(r, "output_impedance_at_v(out)"), 9);

        // a current-source input: transresistance R2, input resistance R1 + R2 seen by the source (r1 to ground through r2)
        var i = Sim.Run("ti\niin 0 in dc 1m\nr1 in out 1k\nr2 out 0 3k\n.tf v(out,0) iin\n.end\n").Single();
        Assert.Equal(3000, Value(i, "transfer_function"), 9);
        Assert.Equal(4000, Value(i, "iin#input_impedance"), 9);
        Assert.Equal(3000, Value(i, "output_impedance_at_v(out,0)"), 9);
    }

    [Fact]
    public void Tf_of_a_source_current_reads_its_branch_and_names_the_output_by_the_source()
    {
        var r = Sim.Run(Divider + "vm out z 0\nr3 z 0 1k\n.tf i(vm) vin\n.end\n").Single();
        // v(out) = 5 * 750/(1k + 750) ; i(vm) = v(out)/1k
        var rp = 1 / ((1 / 3000.0) + (1 / 1000.0));
        Assert.Equal(rp / (1000 + rp) / 1000, Value(r, "transfer_function"), 12);
        Assert.Equal(1000 + rp, Value(r, "vin#input_impedance"), 9);
        Assert.Equal(TransferFunctionAnalysis.Infinite, Value(r, "vm#output_impedance")); // ngspice's 1/max(1e-20, i) for a negative branch response
    }

    [Fact]
    public void Sens_of_a_divider_is_the_derivative_of_its_ratio()
    {
        var r = Sim.Run(Divider + ".sens v(out)\n.end\n").Single();
        Assert.Equal("sens", r.Kind);
        double r1 = 1000, r2 = 3000, v = 5, sum = r1 + r2;
        Assert.Equal(-v * r2 / (sum * sum), Value(r, "r1"), 15);
        Assert.Equal(v * r1 / (sum * sum), Value(r, "r2"), 15);
        Assert.Equal(r2 / sum, Value(r, "vin"), 15);
        Assert.Equal(-r1 * Value(r, "r1"), Value(r, "r1_m"), 12);
        Assert.Equal(r2 * Value(r, "r2"), Value(r, "r2_scale"), 12);
        Assert.Equal(0, Value(r, "r1_w"));
    }

    [Fact]
    public void Sens_warns_once_about_elements_whose_parameters_it_does_not_compute()
    {
        var netlist = NetlistParser.Parse(Mixed + ".sens v(out)\n.end\n", "m.cir");
        var report = NetlistSimulation.Run("m.cir", Mixed + ".sens v(out)\n.end\n", new Dictionary<string, double>());
        var warning = Assert.Single(report.Netlist.Warnings, w => w.Message.Contains(".sens", StringComparison.Ordinal));
        Assert.Contains("of d1 are not computed", warning.Message, StringComparison.Ordinal);
        Assert.Equal(15, warning.Location.Line);
        Assert.Single(netlist.Analyses);
    }

    [Fact]
    public void An_ac_sensitivity_and_a_tf_input_that_is_not_a_source_are_located_errors()
    {
        var ac = Assert.Throws<UserInputException>(() => NetlistParser.Parse(Divider + ".sens v(out) ac dec 10 1 1k\n.end\n", "a.cir"));
        Assert.Contains("AC sensitivity", ac.Message, StringComparison.Ordinal);
        Assert.Equal((5, 14), (ac.Diagnostic.Location!.Line, ac.Diagnostic.Location.Column));
        var tf = Assert.Throws<UserInputException>(() => Sim.Run(Divider + ".tf v(out) r1\n.end\n"));
        Assert.Contains("must be an independent source (V or I)", tf.Message, StringComparison.Ordinal);
        Assert.Equal((5, 12), (tf.Diagnostic.Location!.Line, tf.Diagnostic.Location.Column));
    }

    [Fact]
    public void Tf_and_sens_in_a_control_block_print_their_vectors_by_ngspice_name()
    {
        var report = NetlistSimulation.Run("c.cir", Divider + ".control\ntf v(out) vin\nprint transfer_function\nsens v(out)\nprint r1 vin\n.endc\n.end\n", new Dictionary<string, double>());
        var text = string.Join("", report.ControlOutputs.Select(ControlOutputText.Format));
        Assert.Contains("transfer_function = 7.500000e-01", text, StringComparison.Ordinal);
        Assert.Contains("r1 = -9.37500e-04", text, StringComparison.Ordinal);
        Assert.Contains("vin = 7.500000e-01", text, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [Trait("Category", "peer")]
    [InlineData(Divider, "v(out) vin")]
    [InlineData(Mixed, "v(out) vin")]
    [InlineData(Mixed, "v(out,x) vin")]
    [InlineData(Mixed, "i(vm) vin")]
    [InlineData(Mixed, "v(z) i1")]
    public void Tf_matches_ngspice(string circuit, string args)
    {
        Requires.Ngspice();
        var peer = Ngspice.Assignments(Ngspice.RunBatch($"{circuit}.control\nset numdgt=12\ntf {args}\nprint all\n.endc\n.end\n"));
        var ours = Sim.Run($"{circuit}.tf {args}\n.end\n").Single();
        Assert.Equal(3, ours.Columns.Count);
        foreach (var c in ours.Columns)
        {
            Assert.True(peer.TryGetValue(c.Header, out var expected), $"ngspice printed no {c.Header}: {string.Join(", ", peer.Keys)}");
            Assert.True(Math.Abs(c.Values[0] - expected) <= 1e-6 * Math.Abs(expected), $"{c.Header}: ngspice {expected:R}, ours {c.Values[0]:R}");
        }
    }

    [SkippableTheory]
    [Trait("Category", "peer")]
    [InlineData(Divider, "v(out)")]
    [InlineData(Mixed, "v(out)")]
    [InlineData(Mixed, "v(y,x)")]
    [InlineData(Mixed, "i(vm)")]
    [InlineData("g\nv1 in 0 dc 2\nr1 in a 1k\nr2 a 0 2k\ne1 b 0 a 0 3\nr3 b c 1k\ng1 c 0 a 0 1m\nr4 c 0 2k\n", "v(c)")]
    public void Sens_matches_ngspice_for_resistors_and_sources(string circuit, string output)
    {
        Requires.Ngspice();
        var peer = Ngspice.Assignments(Ngspice.RunBatch($"{circuit}.control\nset numdgt=12\nsens {output}\nprint all\n.endc\n.end\n"));
        var ours = Sim.Run($"{circuit}.sens {output}\n.end\n").Single();
        var devices = ours.Columns.Select(c => c.Header.Split('_', ':')[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(peer.Keys.Where(k => devices.Contains(k.Split('_', ':')[0])).Order(StringComparer.Ordinal), ours.Columns.Select(c => c.Header).Order(StringComparer.Ordinal));
        var scale = peer.Values.Max(Math.Abs);
        foreach (var c in ours.Columns)
        {
            // ngspice differentiates the device loads by a forward difference of 1e-6 relative
            var expected = peer[c.Header];
            Assert.True(Math.Abs(c.Values[0] - expected) <= (1e-4 * Math.Abs(expected)) + (1e-12 * scale), $"{c.Header}: ngspice {expected:R}, ours {c.Values[0]:R}");
        }
    }
}
