using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Circuits.Engine;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Dialect;

/// <summary>ngspice netlist-dialect forms from its example and regression decks, each run in ngspice and in Neuromorph.</summary>
public class NgspiceDialectTests
{
    [SkippableFact]
    [Trait("Category", "peer")]
    public void Source_values_given_as_key_equals_value_match_ngspice()
    {
        const string deck = "kv\nv1 1 0 dc=100 ac=1\nVIN 2 1 DC=3\nIin 3 0 dc = -1mA\nr1 2 0 1k\nr3 3 0 1k\n.op\n";
        SameOp(deck, 1e-12, "v(2)", "v(3)", "i(v1)", "i(vin)");
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Distortion_inputs_after_a_bare_sin_waveform_match_ngspice()
    {
        // tests/filters/lowpass.cir: SIN without parentheses, then DISTOF1 0 DISTOF2 0
        const string deck = "lowpass\nV1 1 0 DC 0 AC 1 SIN 0 1 1K 0 0 DISTOF1 0 DISTOF2 0\nR1 1 2 10k\nR2 2 0 10k\nC1 2 0 1n\n.ac dec 10 1k 1meg\n";
        PeerComparison.AgainstNgspice(deck, ["vm(2)", "vp(2)"], 1e-6, "ac");
        var source = NetlistParser.Parse(deck + ".end\n", "t.cir").Elements.OfType<Neuromorph.Circuits.Elements.Sources.SourceCard>().Single();
        Assert.IsType<Neuromorph.Circuits.NetlistModel.SinSpec>(source.Waveform);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Digits_after_a_scale_suffix_are_ignored_as_ngspice_39_does()
    {
        // examples/various/RKM-R-1.cir and res-value-options.cir: ngspice-39 reads 4k7 as 4k, 2R5 as 2, 4M7 as 4m, 4Meg7 as 4meg
        const string deck = "rkm\nV1 1 0 1\nR1 1 0 4K7\nR2 1 0 4R7\nR4 1 0 470R\nR6 1 0 47K3\nR8 1 0 4Meg7\nR9 1 0 4L7\nR11 1 0 4M7\nR12 1 0 2m5\nR13 1 0 1e-3wwww\n.op\n";
        SameOp(deck, 1e-12, "i(v1)");
        var r = Sim.Run(deck + ".print op i(v1)\n.end\n").Single();
        var expected = -(1 / 4e3 + 1 / 4.0 + 1 / 470.0 + 1 / 47e3 + 1 / 4e6 + 1 / 4.0 + 1 / 4e-3 + 1 / 2e-3 + 1 / 1e-3);
        Assert.Equal(expected, r.Col("i(v1)")[0], Math.Abs(expected) * 1e-12);
        var warnings = NetlistParser.Parse(deck + ".end\n", "t.cir").Warnings;
        Assert.Contains(warnings, w => w.Message.Contains("'4K7': what follows the scale suffix is ignored", StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Print_items_separated_by_commas_match_ngspice()
    {
        // tests/resistance/res_array.cir: .PRINT TRAN I(VR1), I(VR2), I(VR3)
        const string deck = "array\nVin 1 0 DC 1 SIN (0 1 100MEG 1NS 0.0) AC 1\nVR1 1 2 DC 0\nR1 2 0 10K\nVR2 1 3 DC 0\nR2 3 0 5K\n.tran 1ns 10ns\n";
        var print = NetlistParser.Parse(deck + ".PRINT TRAN I(VR1), I(VR2),I(VR1)\n.end\n", "t.cir").Prints.Single();
        Assert.Equal(3, print.Items.Count);
        PeerComparison.AgainstNgspice(deck, ["i(vr1)", "i(vr2)"], 1e-3);
    }

    private const string ResistorModels = """
        resistor models
        .model rmod r (r=2k tc1=1m tc2=10u)
        .model rsemi res (rsh=100 defw=2u narrow=0.1u short=0.2u tnom=20)
        .model rtce r r=1000 tc1=2m tc2=30u tce=700m
        .model myres r(resistance=2k)
        .temp 60
        v1 1 0 dc 1
        R1 1 0 rmod
        v2 2 0 dc 1
        R2 2 0 1k tc1=2m tc2=30u dtemp=5
        v3 3 0 dc 1
        R3 3 0 rsemi l=20u w=3u
        v4 4 0 dc 1
        R4 4 0 rsemi
        v5 5 0 dc 1
        R5 5 0 rtce
        v6 6 0 dc 1
        R6 6 0 3k tce=500m temp=40
        v7 7 0 dc 1
        R7 7 0 10K m=2
        v8 8 0 dc 1
        R8 8 0 10 scale=1K
        v9 9 0 dc 1
        R9 9 0 1k rmod
        v10 10 0 dc=1
        r10 10 0 myres
        .op

        """;

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Resistor_models_temperature_coefficients_and_instance_parameters_match_ngspice()
    {
        // loop-model.cir (.model rmod r (r=1k)), temper-res-1.cir (tc1 tc2 tce), instance-defaults.cir (resistance= on the model)
        SameOp(ResistorModels, 1e-12, "i(v1)", "i(v2)", "i(v3)", "i(v4)", "i(v5)", "i(v6)", "i(v7)", "i(v8)", "i(v9)", "i(v10)");
        var r = Sim.Run(ResistorModels + ".print op i(v2) i(v5) i(v10)\n.end\n").Single();
        Assert.Equal(-1 / (1000 * (1 + (2e-3 * 38) + (30e-6 * 38 * 38))), r.Col("i(v2)")[0], 1e-15);
        Assert.Equal(-1 / (1000 * Math.Pow(1.01, 0.7 * 33)), r.Col("i(v5)")[0], 1e-15);
        Assert.Equal(-0.5e-3, r.Col("i(v10)")[0], 1e-15);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void A_resistor_ac_value_is_its_resistance_in_ac_analysis_only()
    {
        // tests/resistance/res_partition.cir: 5k over 5k at DC, 5k over 15k in AC
        const string deck = "partition\nvin 1 0 DC 1V AC 1V\nr1 1 2 5K\nr2 2 0 5K ac=15k\nr3 1 3 10k ac=5k m=2\nr4 3 0 10 ac=5 scale=1K\n.ac dec 10 1 10k\n";
        Requires.Ngspice();
        var (_, peer) = Ngspice.RunTransient(deck, "vm(2)", "vm(3)");
        var results = Sim.Run(deck + ".op\n.print ac vm(2) vm(3)\n.print op v(2)\n.end\n");
        var ac = results.Single(x => x.Kind == "ac");
        Assert.Equal(peer[0][0], ac.Col("vm(2)")[0], 12);
        Assert.Equal(peer[1][0], ac.Col("vm(3)")[0], 12);
        Assert.Equal(0.75, ac.Col("vm(2)")[0], 12);
        Assert.Equal(0.5, results.Single(x => x.Kind == "op").Col("v(2)")[0], 12);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Pwl_sqr_and_one_argument_max_min_match_ngspice()
    {
        // bxpressn-1.cir: pwl() continues its end segments; func_cap.sp: max() of one argument in .param (ngspice-39: max(x, 1))
        const string deck = """
            functions
            .param q = 17
            .param d = 'max(-7)+min(3)*10+max(q-20)*100+sqr(3)*1000'
            .func icap_calc(A,B,C,D) '2*A*sqrt(B*C*D)'
            .param cap_val = 'max(icap_calc(1,2,3,4))'
            v4 4 0 {d}
            v6 6 0 {cap_val}
            v1 1 0 dc 0 pulse(-120 120 0 1 1 1 4)
            b1 n1 0 v = 'pwl(-100, -10, -8, 2, 4, 12, 9, 22, 19)'
            b2 n2 0 v = 'pwl(0.5, -10, -8, 2, 4, 12, 9, 22, 19)'
            b3 n3 0 v = 'pwl(100, -10, -8, 2, 4, 12, 9, 22, 19)'
            b7 7 0 v = 'pwl(v(1), -10, -8, 2, 4, 12, 9, 22, 19) + v(1)*v(1)/100'
            .tran 10m 8

            """;
        PeerComparison.AgainstNgspice(deck, ["v(7)"], 1e-3);
        var (_, peer) = Ngspice.RunTransient(deck, "v(4)", "v(6)", "v(n1)", "v(n2)", "v(n3)");
        var ours = Sim.Run(deck + ".print tran v(4) v(6) v(n1) v(n2) v(n3)\n.end\n").Single();
        Assert.Equal([1 + 10 + 100 + 9000, 2 * Math.Sqrt(24), -98, 2.5, 97], [ours.Col("v(4)")[0], ours.Col("v(6)")[0], ours.Col("v(n1)")[0], ours.Col("v(n2)")[0], ours.Col("v(n3)")[0]]);
        string[] names = ["v(4)", "v(6)", "v(n1)", "v(n2)", "v(n3)"];
        for (var k = 0; k < names.Length; k++)
        {
            Assert.Equal(peer[k][0], ours.Col(names[k])[0], Math.Abs(peer[k][0]) * 1e-6);
        }
        var b = Sim.Run("t\nv1 1 0 1\nb1 2 0 v = sqr(v(1)*3)\n.op\n.print op v(2)\n.end\n").Single();
        Assert.Equal(9, b.Col("v(2)")[0], 12);
    }

    [Fact]
    public void A_one_argument_max_of_a_node_voltage_is_refused_since_ngspice_crashes_on_it()
    {
        var ex = Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => NetlistParser.Parse("t\nv1 1 0 1\nb6 6 0 v = max(v(1))\n.op\n.end\n", "t.cir"));
        Assert.Contains("max() of one argument", ex.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [Trait("Category", "peer")]
    [InlineData(1, 1, 1.0)]
    [InlineData(2, 1, 10.0)]
    [InlineData(3, 1, 100.0)]
    [InlineData(3, 2, 200.0)]
    [InlineData(3, 3, 300.0)]
    [InlineData(3, 7, 400.0)]
    [InlineData(4, 1, 1000.0)]
    [InlineData(9, 1, 10000.0)]
    public void If_elseif_else_blocks_keep_the_branch_ngspice_keeps(int select, int select2, double ohms)
    {
        // tests/regression/misc/if-elseif.cir: nested blocks, a lone '=' compares
        var deck = $"""
            multiple .elseif, nested .if
            .param select = {select}
            .param select2 = {select2}
            V1 1 0 1
            .if (select == 1)
                R1 1 0 1
            .elseif (select == 2)
                R1 1 0 10
            .elseif (select == 3)
                .if (select2 == 1)
                    R1 1 0 100
                .elseif (select2 = 2)
                    R1 1 0 200
                .elseif (select2 = 3) $ <----- selected
                    R1 1 0 300
                .else
                    R1 1 0 400
                .endif
            .elseif (select == 4)
                R1 1 0 1000
            .else
                R1 1 0 10000
            .endif
            .op

            """;
        SameOp(deck, 1e-12, "i(v1)");
        Assert.Equal(-1 / ohms, Sim.Run(deck + ".print op i(v1)\n.end\n").Single().Col("i(v1)")[0], 1e-15);
    }

    [Theory]
    [InlineData("t\nv1 1 0 1\n.endif\n.end\n", ".endif without .if")]
    [InlineData("t\nv1 1 0 1\n.if (1)\nr1 1 0 1\n.end\n", ".if has no .endif")]
    [InlineData("t\nv1 1 0 1\n.if (nope > 1)\nr1 1 0 1\n.endif\n.end\n", "undefined parameter 'nope'")]
    public void Unbalanced_or_undefined_if_blocks_are_located_errors(string deck, string message)
    {
        var ex = Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => NetlistParser.Parse(deck, "t.cir"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Subcircuits_and_models_defined_inside_a_subcircuit_are_local_to_it_as_in_ngspice()
    {
        // tests/regression/lib-processing/scope-1.cir and subckt-processing/model-scope-5.cir
        const string deck = """
            scopes
            i1 n1 0 -1mA
            x1 n1 0 sub1
            i2 n2 0 -1mA
            x2 n2 0 sub2
            .subckt sub1 n1 n2
            .subckt sub n1 n2
            R1 n1 n2 4k
            .ends
            X1 n1 n2 sub
            R1 n1 n2 4k
            .ends
            .subckt sub2 n1 n2
            .subckt sub n1 n2
            R1 n1 n2 2k
            .ends
            X1 n1 n2 sub
            R1 n1 n2 2k
            .ends
            i3 m1 0 dc=-1
            i4 m2 0 dc=-1
            i5 m3 0 dc=-1
            i6 m4 0 dc=-1
            i7 m5 0 dc=-1
            i8 m6 0 dc=-1
            i9 m7 0 dc=-1
            x3 m1 sub3
            x4 m2 m3 m4 m5 m6 m7 sub4
            .subckt sub3 2
              .model my r r=2k
              r1 2 0 my
            .ends
            .subckt sub4 3 41a 41b 42a 42b 5
              r2 3 0 my
              x31 41a 41b sub5
              x32 42a 42b sub5
              .subckt sub5 4 5
                .model my r r=8k
                .model any r r=42
                r5 4 0 1k
                r6 5 0 my
              .ends
              .model just r r=43
              r5 5 0 just
            .ends
            .model my r r=4k
            .op

            """;
        string[] nodes = ["v(n1)", "v(n2)", "v(m1)", "v(m2)", "v(m3)", "v(m4)", "v(m5)", "v(m6)", "v(m7)"];
        SameOp(deck, 1e-12, nodes);
        var r = Sim.Run(deck + $".print op {string.Join(" ", nodes)}\n.end\n").Single();
        Assert.Equal([2, 1, 2000, 4000, 1000, 8000, 1000, 8000, 43], nodes.Select(n => Math.Round(r.Col(n)[0], 9)).ToArray());
    }

    [Theory]
    [InlineData("t\n.subckt a n1\nr1 n1 0 1\n.ends\n.subckt a n1\nr1 n1 0 2\n.ends\nx1 1 a\n.end\n", "subcircuit 'a' is defined twice")]
    [InlineData("t\n.subckt a n1\n.subckt b n1\nr1 n1 0 1\n.ends\n.subckt b n1\nr1 n1 0 2\n.ends\nx1 n1 b\n.ends\nx1 1 a\n.end\n", "subcircuit 'b' is defined twice")]
    [InlineData("t\n.subckt a n1\n.model m r r=1\n.model m r r=2\nr1 n1 0 m\n.ends\nx1 1 a\n.end\n", "model 'm' is defined twice")]
    [InlineData("t\n.subckt a n1\n.subckt b n1\nr1 n1 0 1\n.ends\n.ends\nx1 1 b\n.end\n", "unknown subcircuit 'b'")]
    public void A_duplicate_in_one_scope_or_a_local_subcircuit_used_outside_is_an_error(string deck, string message)
    {
        var ex = Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => NetlistParser.Parse(deck, "t.cir"));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void A_when_comparing_two_vectors_measures_where_they_cross_as_ngspice_does()
    {
        // examples/measure/simple-meas-tran.sp
        const string deck = """
            two sines
            vac1 1 0 DC 0 sin(0 1 1k 0 0)
            R1 1 0 100k
            vac2 2 0 DC 0 sin(0 1.2 0.9k 0 0)
            .tran 10u 5m 0 1u
            .measure tran tlevel WHEN v(2)=0.7 CROSS=LAST
            .measure tran tfall WHEN v(2)=v(1) FALL=LAST
            .measure tran tcross WHEN v(1)=v(2) CROSS=LAST
            .measure tran trise WHEN v(1)=v(2) RISE=1
            .measure tran yfind FIND v(1) WHEN v(2)=v(1) FALL=2

            """;
        Requires.Ngspice();
        var peer = NgspiceMeasures(deck);
        var netlist = NetlistParser.Parse(deck + ".end\n", "m.cir");
        var result = Neuromorph.Circuits.Analyses.CircuitSimulator.Run(netlist).Single();
        foreach (var card in netlist.Measures)
        {
            var ours = Neuromorph.Circuits.Analyses.Measurement.Evaluate(card, result);
            Assert.True(ours.Failure is null, ours.Failure);
            var scale = card.Name == "yfind" ? 1 : 5e-3;
            Assert.True(Math.Abs(ours.Value - peer[card.Name]) < 1e-4 * scale, $"{card.Name}: ngspice {peer[card.Name]:R}, ours {ours.Value:R}");
        }
    }

    [Fact]
    public void Par_expressions_in_measure_cards_are_measured_as_vectors()
    {
        // examples/measure/meas_expression.cir and simple-meas-tran.sp (ngspice-39 itself stops on these lines with
        // "unimplemented control card"): par('expr') is the expression's waveform, checked against a closed form and
        // against the same expression built as a B source
        const string deck = """
            par
            vac1 1 0 DC 0 sin(0 1 1.0k 0 0)
            vac2 2 0 DC 0 sin(0 1.2 0.9k 0 0)
            b3 3 0 v = 0.9*v(2)
            .tran 10u 5m 0 1u
            .measure tran yeval1 FIND v(2) WHEN v(1)=par('0.9*v(2)')
            .measure tran yeval2 FIND v(2) WHEN v(1)=v(3)
            .measure tran vtest find par('v(2)*v(1)') AT=2.3m
            .end

            """;
        var netlist = NetlistParser.Parse(deck, "m.cir");
        var result = Neuromorph.Circuits.Analyses.CircuitSimulator.Run(netlist).Single();
        var m = netlist.Measures.Select(c => Neuromorph.Circuits.Analyses.Measurement.Evaluate(c, result)).ToDictionary(v => v.Name, v => v.Value);
        Assert.Equal(m["yeval2"], m["yeval1"], 9);
        var t = 2.3e-3;
        Assert.Equal(Math.Sin(2 * Math.PI * 1e3 * t) * 1.2 * Math.Sin(2 * Math.PI * 0.9e3 * t), m["vtest"], 6);
    }

    /// <summary>Runs <paramref name="deck"/> in ngspice (batch mode) and reads the <c>name = value</c> lines its .measure cards print.</summary>
    private static Dictionary<string, double> NgspiceMeasures(string deck)
    {
        using var dir = new TempDirectory("nm-ngspice-meas");
        File.WriteAllText(Path.Combine(dir, "deck.cir"), deck + ".end\n");
        var psi = new System.Diagnostics.ProcessStartInfo("ngspice", ["-b", "deck.cir"]) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var lines = p.StandardOutput.ReadToEnd().Split('\n');
        p.WaitForExit(60_000);
        _ = stderr.Result;
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(['=', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 2 && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                values.TryAdd(parts[0], v);
            }
        }

        return values;
    }

    /// <summary>Runs the operating point of <paramref name="deck"/> (title first, .op included, no .end) in both and compares each vector.</summary>
    [SkippableFact]
    [Trait("Category", "peer")]
    public void A_temperature_sweep_follows_temper_in_models_and_resistor_coefficients_as_ngspice_does()
    {
        // tests/regression/temper/temper-2.cir, temper-3.cir, temper-res-1.cir: .dc temp with temper in model values
        const string deck = """
            temper sweep
            .model rtest r r='1000 + temper'
            .model dtest d is='1e-12 * temper'
            .model rtce r r=1000 tc1=2m tc2=30u tce=700m
            v1 1 0 dc 5v
            r_test 1 0 rtest
            r1 2 0 1k tc1=2m tc2=30u
            r2 2 0 rtce
            v2 2 0 dc 5v
            r3 1 3 5k
            d_test 3 4 dtest
            v_test 4 0 dc=0
            .dc temp 10 100 10.0

            """;
        // ngspice's own sweep points differ from its .op at the same .temp by up to 4e-4 of the diode current range (warm-started Newton)
        PeerComparison.AgainstNgspice(deck, ["i(v1)", "i(v2)", "i(v_test)"], 1e-3, "dc");
        var ours = Sim.Run(deck + ".print dc i(v1)\n.end\n").Single();
        Assert.Equal(10, ours.Independent.Length);
        Assert.Equal(50, ours.Independent[4]);
        var ours2 = Sim.Run(deck + ".print dc i(v2)\n.end\n").Single();
        double dt = 50 - 27, r1 = 1000 * (1 + (2e-3 * dt) + (30e-6 * dt * dt)), r2 = 1000 * Math.Pow(1.01, 0.7 * dt);
        Assert.Equal(-5 * ((1 / r1) + (1 / r2)), ours2.Col("i(v2)")[4], 1e-14);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void A_temperature_sweep_over_diodes_with_temper_in_model_and_area_matches_ngspice()
    {
        // examples/various/todo-temper-3.cir: dc temp 0 125 1 over diodes whose is= and area= read temper
        const string deck = """
            temper diodes
            .model dplain d is={temper >= 25 ? 1e-10 : (temper+1)*1e-11}
            .model dref d is=1e-10
            Iin 1 0 dc = -1mA
            Dref 1 0 dref
            e2 2 0 1 0 1
            D2 2 0 dplain
            e3 3 0 1 0 1
            D3 3 0 dref area={temper >= 25 ? (temper+100)/100 : 2 }
            .dc temp 0 125 1.0

            """;
        PeerComparison.AgainstNgspice(deck, ["v(1)", "i(e2)", "i(e3)"], 1e-3, "dc");
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Temperature_coefficients_on_b_sources_scale_their_value_as_ngspice_does()
    {
        // tests/regression/misc/asrc-tc-1.cir, asrc-tc-2.cir: b2 2 0 i=v(1) tc1=0.001 at .temp 127
        const string deck = """
            asrc tc
            v1 1 0 dc=100 ac=1
            b2 2 0 i=v(1) tc1=0.001
            v2 0 2 0
            b3 3 0 v=v(1) tc1=0.001
            b4 4 0 v=v(1)/10 tc1=0.002 tc2=1e-5 dtemp=-20
            b5 5 0 v={v(1)*2} tc1=0.001 reciproctc=1
            b6 6 0 v=v(1) tc1=0.001 temp=50
            v9 9 0 0
            r7 1 7 r = {1k + v(9)} tc1=0.001
            v7 7 0 dc=0
            .temp 127.0

            """;
        SameOp(deck + ".op\n", 1e-12, "i(v2)", "v(3)", "v(4)", "v(5)", "v(6)", "i(v7)");
        var ours = Sim.Run(deck + ".op\n.print op i(v2) v(3)\n.end\n").Single();
        Assert.Equal(100 * (1 + (100 * 0.001)), ours.Col("v(3)")[0], 1e-9);
        Assert.Equal(100 * (1 + (100 * 0.001)), ours.Col("i(v2)")[0], 1e-9);
        var (_, peer) = Ngspice.RunTransient(deck + ".ac lin 3 1k 3k\n", "vm(3)", "vm(4)", "vm(5)");
        var ac = Sim.Run(deck + ".ac lin 3 1k 3k\n.print ac vm(3) vm(4) vm(5)\n.end\n").Single();
        string[] names = ["vm(3)", "vm(4)", "vm(5)"];
        for (var k = 0; k < names.Length; k++)
        {
            Assert.Equal(peer[k][0], ac.Col(names[k])[0], 1e-9);
        }
    }

    [Fact]
    public void Pspice_logical_operators_in_b_sources_take_ngspice_psa_precedence()
    {
        // examples/p-to-n-examples/logic.cir: ~(~v(9)&v(8)) + 0.5; expected values are what ngspice-39 prints with ngbehavior=psa
        const string deck = """
            logic
            v1 1 0 1
            v0 9 0 0
            b1 11 0 v=~v(9)
            b2 12 0 v=~v(1)
            b3 13 0 v=v(1)|v(9)&v(9)
            b4 14 0 v=~v(1)+1
            b5 15 0 v=v(9)&v(1)+1
            b6 16 0 v=~0.5
            b7 17 0 v=~(~v(9)&v(1)) + 0.5
            b8 18 0 v=v(1)==1 & v(9)<1
            b9 19 0 v=-v(1)|v(9)
            b12 22 0 v=v(9) ? 3 : v(1)|v(9)
            b13 23 0 v=2*v(1)|0
            .op
            .print op v(11) v(12) v(13) v(14) v(15) v(16) v(17) v(18) v(19) v(22) v(23)
            .end

            """;
        var ours = Sim.Run(deck).Single();
        string[] names = ["v(11)", "v(12)", "v(13)", "v(14)", "v(15)", "v(16)", "v(17)", "v(18)", "v(19)", "v(22)", "v(23)"];
        double[] ngspice = [1, 0, 1, 1, 0, 0, 0.5, 1, 1, 1, 1];
        Assert.Equal(ngspice, names.Select(n => ours.Col(n)[0]).ToArray());
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void The_micro_sign_is_the_micro_suffix_as_in_ngspice()
    {
        // tests/regression/misc/convergence.cir: I2 0 N01 pulse 2µ 20µ 50n 50n 50n 1µ 2µ
        const string deck = "micro\n.param isat=1e-14\nI2 0 N01 pulse 2\u00b5 20\u00b5 50n 50n 50n 1\u00b5 2\u00b5\nR2 N01 0 50K\n"
            + "B2 N01 0 I=Isat*(exp(v(N01)/26m)-1)\nv3 3 0 {3\u00b5*2}\nr3 3 0 1\n.tran 10n 5u\n";
        PeerComparison.AgainstNgspice(deck, ["v(n01)"], 5e-3); // 0.16 % at the 50 ns pulse edges
        var ours = Sim.Run(deck + ".print tran v(3)\n.end\n").Single();
        Assert.Equal(6e-6, ours.Col("v(3)")[0], 1e-18); // ngspice-39 prints v(3) = 6.000000e-06
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Ac_currents_of_resistors_and_capacitors_match_ngspice_probe()
    {
        // examples/probe/ac-test.cir: ngspice-39 reads i(r2) in .ac through .probe i(R2); ours needs no .probe
        Requires.Ngspice();
        const string deck = "ac currents\nV1 1 0 dc 0 ac 1\nR1 1 2 1k\nR2 2 3 1k ac=2k\nR3 3 0 1k\nC2 2 3 1u\nC3 3 0 1u\n.ac dec 5 10 10000\n";
        var (_, peer) = Ngspice.RunTransient(deck + ".probe i(R2) i(C3)\n", "mag(i(r2))", "ph(i(r2))", "real(i(r2))", "imag(i(r2))", "mag(i(c3))", "ph(i(c3))");
        string[] ours = ["im(r2)", "ip(r2)", "ir(r2)", "ii(r2)", "im(c3)", "ip(c3)"];
        var ac = Sim.Run($"{deck}.print ac {string.Join(" ", ours)}\n.end\n").Single();
        for (var k = 0; k < ours.Length; k++)
        {
            for (var j = 0; j < peer[k].Length; j++)
            {
                var o = ac.Col(ours[k])[j];
                Assert.True(Math.Abs(o - peer[k][j]) <= (1e-9 * Math.Abs(peer[k][j])) + 1e-15, $"{ours[k]}[{j}]: ngspice {peer[k][j]:R}, ours {o:R}");
            }
        }
    }

    [Fact]
    public void A_deck_with_a_title_and_no_elements_is_a_warning_and_simulates_nothing()
    {
        // tests/regression/misc/empty-1.cir ("check that we can survive emptiness"): ngspice-39 runs it and exits 0
        const string deck = "check that we can survive emptiness\n* nothing\n.control\nop\ntran 0.1m 1m\nac lin 3 1kHz 2kHz\necho \"TEST: done\"\nquit 0\n.endc\n.end\n";
        var report = Neuromorph.Circuits.Simulation.NetlistSimulation.Run("empty-1.cir", deck, new Dictionary<string, double>());
        Assert.Empty(report.Analyses);
        Assert.Contains(report.Netlist.Warnings, w => w.Message.Contains("no elements", StringComparison.Ordinal));
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void A_linear_ac_sweep_may_start_at_zero_hertz_as_in_ngspice()
    {
        // tests/regression/misc/ac-zero.cir: ac lin 1 0Hz 0Hz gives v(3) = 0.5 exactly; dec/oct from 0 are refused, as ngspice-39 does
        Requires.Ngspice();
        const string deck = "ac zero\nv1 1 0 dc=0 ac=1\nr1 1 2 1k\nl1 2 3 1uH\nr3 3 0 1k\nc3 3 0 1uF\n.ac lin 3 0Hz 2k\n";
        var (f, peer) = Ngspice.RunTransient(deck, "real(v(3))", "imag(v(3))");
        var ours = Sim.Run(deck + ".print ac vr(3) vi(3)\n.end\n").Single();
        Assert.Equal(f, ours.Independent);
        for (var k = 0; k < f.Length; k++)
        {
            Assert.Equal(peer[0][k], ours.Col("vr(3)")[k], 1e-12);
            Assert.Equal(peer[1][k], ours.Col("vi(3)")[k], 1e-12);
        }

        Assert.Equal(0.5, Sim.Run(deck.Replace("lin 3 0Hz 2k", "lin 1 0Hz 0Hz", StringComparison.Ordinal) + ".print ac vr(3)\n.end\n").Single().Col("vr(3)")[0]);
        Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => NetlistParser.Parse(deck.Replace("lin 3 0Hz", "dec 3 0Hz", StringComparison.Ordinal) + ".end\n", "t.cir"));
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Am_and_sffm_sources_take_ngspice_39_argument_order_and_defaults()
    {
        // examples/various/v-i-sources-am-ffm.cir: AM(va vo mf fc td phasec phases), SFFM(vo va fc mdi fs phasec phases)
        const string deck = """
            am sffm
            V1 1 0 AM 0.5 2 1k 10k 0.2m 30 60
            V2 2 0 SFFM 0.1 2 1k 2 100 0.3m 30 60
            V3 3 0 SFFM(0.1 2 1k 2 100 45)
            V4 4 0 SFFM 0.1 2
            V5 5 0 AM(0.5 2 1k 10k 0.2m)
            V6 6 0 AM 0.5 2
            I7 0 7 AM 0.5 2 1.8 1k 100k 1m 0 0
            r7 7 0 1
            .tran 1u 4m 0 1u

            """;
        PeerComparison.AgainstNgspice(deck, ["v(1)", "v(2)", "v(3)", "v(4)", "v(5)"], 2e-3);
        var ours = Sim.Run(deck + ".print tran v(6) v(7)\n.end\n").Single();
        Assert.All(ours.Col("v(6)"), v => Assert.Equal(0, v)); // fc defaults to 0: ngspice-39 gives 0 throughout
        Assert.All(ours.Col("v(7)"), v => Assert.Equal(0, v)); // td = 100k s: likewise
    }

    [Fact]
    public void A_bsim_version_string_on_a_model_card_parses_and_the_mosfet_names_the_unsupported_level()
    {
        // examples/mos/ro-meas.cir: .model mynmos nmos level=14 version=4.5.0
        const string deck = "bsim\n.model mynmos nmos level=14 version=4.5.0 toxe=1.4n\nv1 d 0 1\nm1 d d 0 0 mynmos W=1u L=0.25u\n.op\n.end\n";
        var netlist = NetlistParser.Parse(deck, "t.cir");
        Assert.Equal("4.5.0", netlist.Models["mynmos"].TextParameters["version"]);
        var ex = Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => Sim.Run(deck));
        Assert.Contains("LEVEL=14 (BSIM4)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Diagnostic.Location.Line);
    }

    internal static void SameOp(string deck, double relative, params string[] vectors)
    {
        Requires.Ngspice();
        var peer = Ngspice.RunOp(deck, vectors);
        var ours = Sim.Run($"{deck}.print op {string.Join(" ", vectors)}\n.end\n").Single(x => x.Kind == "op");
        for (var k = 0; k < vectors.Length; k++)
        {
            var o = ours.Col(vectors[k])[0];
            Assert.True(Math.Abs(o - peer[k]) <= (relative * Math.Abs(peer[k])) + 1e-15, $"{vectors[k]}: ngspice {peer[k]:R}, ours {o:R}");
        }
    }

    [Fact]
    public void A_pwl_with_r_repeats_from_that_point_and_td_delays_it()
    {
        // PWL(0 0 1m 1 2m 0 3m 0) R=1m TD=0.5m: 0 until 0.5 ms, the triangle, then 1m..3m repeats with a 2 ms period
        var r = Sim.Tran("t\nv1 a 0 pwl(0 0 1m 1 2m 0 3m 0) r=1m td=0.5m\nr1 a 0 1k\n.tran 10u 9m\n.print tran v(a)\n.end\n");
        var t = r.Independent;
        var v = r.Col("v(a)");
        static double Expected(double time)
        {
            var local = time - 0.5e-3;
            if (local > 3e-3)
            {
                local = 1e-3 + ((local - 3e-3) % 2e-3);
            }

            return local <= 0 ? 0 : local <= 1e-3 ? local / 1e-3 : local <= 2e-3 ? 2 - (local / 1e-3) : 0;
        }

        for (var k = 0; k < t.Length; k++)
        {
            Assert.True(Math.Abs(v[k] - Expected(t[k])) < 1e-9, $"t = {t[k]}: {v[k]} against {Expected(t[k])}");
        }

        // the repeated corners are breakpoints: the peaks at 1.5, 4.5 and 6.5 ms are sampled exactly
        foreach (var peak in new[] { 1.5e-3, 4.5e-3, 6.5e-3, 8.5e-3 })
        {
            Assert.Contains(t, x => Math.Abs(x - peak) < 1e-15);
        }
    }

    [Theory]
    [InlineData("v1 a 0 pwl(0 0 1m 1 2m 0) r=0.5m", "is not one of the waveform's times")]
    [InlineData("v1 a 0 pwl(0 0 1m 1 2m 0) r=2m", "is not one of the waveform's times")]
    [InlineData("v1 a 0 sin(0 1 1k) td=1m", "takes no named arguments")]
    public void A_bad_pwl_repeat_is_a_located_error(string line, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse($"t\n{line}\nr1 a 0 1k\n.tran 10u 5m\n.end\n", "bad.cir"));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Diagnostic.Location.Line);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void A_repeating_pwl_matches_ngspice()
    {
        // examples/measure/inv-meas-tran.sp drives its inverter with PWL ... R=time. ngspice sets no breakpoints at the
        // repeats' corners (its steps cut them), so it gets a 1 us max step and the filtered node is compared
        PeerComparison.AgainstNgspice("t\nv1 a 0 pwl(0 0 1m 1 1.5m -1 2m 0.5 3m 0.5) r=1m\nr1 a b 1k\nc1 b 0 100n\n.tran 10u 12m 0 1u\n", ["v(b)"], 2e-3);
    }

    [Fact]
    public void A_resistor_tc_list_gives_tc1_and_tc2()
    {
        // R31 31 0 1 TC=2.25M,-15U (the MCP6041 macromodel of ngspice's p-to-n examples): R (1 + tc1 dT + tc2 dT^2)
        var r = Sim.Run("t\n.temp 77\ni1 0 1 1\nr1 1 0 1 TC=2.25M,-15U\ni2 0 2 1\nr2 2 0 1 tc=2.25m\n.op\n.print op v(1) v(2)\n.end\n").Single();
        Assert.Equal(1 + (2.25e-3 * 50) - (15e-6 * 2500), r.Col("v(1)")[0], 12);
        Assert.Equal(1 + (2.25e-3 * 50), r.Col("v(2)")[0], 12);
    }

    [Fact]
    public void A_model_inside_a_subcircuit_takes_each_instance_parameters()
    {
        // Xyce's PARAMS2/Params_D4.cir: .model DMOD1 D (IS={IS0}) inside a subcircuit, IS0 = 100f and 200f per instance.
        // Two diodes of one junction area driven in parallel split the current as their IS: 1 : 2 (ngspice-39: 0.7354 mA
        // and 1.4708 mA; both instances once shared the first one's model)
        const string deck = """
            dual diode
            .param IS0=100FA
            V1 1 0 DC 5V
            R1 1 2 2K
            Vmon1 2 3 0V
            XD1 3 0 DMODsub PARAMS: IS0={IS0}
            Vmon2 2 4 0V
            XD2 4 0 DMODsub PARAMS: IS0={2*IS0}
            .subckt DMODsub 1 2 PARAMS: IS0=1A
            .model DMOD1 D (IS={IS0})
            D1 1 2 DMOD1
            .ends
            .op
            .print op I(vmon1) I(vmon2)
            .end
            """;
        var r = Sim.Run(deck).Single();
        var (i1, i2) = (r.Col("i(vmon1)")[0], r.Col("i(vmon2)")[0]);
        Assert.Equal(2, i2 / i1, 3);
        Assert.Equal(7.353979e-4, i1, 9);
        Assert.Equal(1.470796e-3, i2, 9);

        // a subcircuit-only parameter (no global IS0) is read the same way; a model without instance parameters stays one model
        var local = NetlistParser.Parse(deck.Replace(".param IS0=100FA", ".param ISG=100FA", StringComparison.Ordinal).Replace("{IS0}\nVmon2", "{ISG}\nVmon2", StringComparison.Ordinal).Replace("{2*IS0}", "{2*ISG}", StringComparison.Ordinal), "d.cir");
        Assert.Equal(["xd1:dmod1", "xd2:dmod1"], local.Models.Keys.Order(StringComparer.Ordinal));
        var shared = NetlistParser.Parse("t\nv1 1 0 1\nx1 1 0 s\nx2 1 0 s\n.subckt s a b\n.model dm D (IS=1e-14)\nd1 a b dm\n.ends\n.op\n.end\n", "s.cir");
        Assert.Equal(["dm"], shared.Models.Keys);
    }

    [Fact]
    public void A_resistor_and_a_bipolar_transistor_find_their_instance_models()
    {
        // the element kinds that tell a model name from a value or a node by the deck's model names (R, Q with 3 nodes)
        var r = Sim.Run("t\nv1 1 0 1\nx1 1 0 s rv=1k\nx2 1 0 s rv=2k\n.subckt s a b rv=5k\n.model rm r (r={rv})\nr1 a b rm\n.ends\n.op\n.print op i(v1)\n.end\n").Single();
        Assert.Equal(-(1e-3 + 0.5e-3), r.Col("i(v1)")[0], 12);
        var q = Sim.Run("t\nvc c 0 5\nvb b 0 0.7\nx1 c b 0 amp bf=50\nx2 c b 0 amp bf=100\n.subckt amp c b e bf=10\n.model qn npn (bf={bf} is=1e-15)\nq1 c b e qn\n.ends\n.op\n.print op i(vc) i(vb)\n.end\n").Single();
        // one Vbe, one IS: equal collector currents, base currents IC/BF, so IC total / IB total = 2 / (1/50 + 1/100)
        Assert.Equal(2 / ((1 / 50.0) + (1 / 100.0)), q.Col("i(vc)")[0] / q.Col("i(vb)")[0], 4);
    }

    [Fact]
    public void A_subcircuit_model_reading_an_undefined_parameter_is_a_located_error()
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse("t\nv1 1 0 1\nx1 1 0 s\n.subckt s a b\n.model dm D (IS={ISX})\nd1 a b dm\n.ends\n.op\n.end\n", "u.cir"));
        Assert.Contains("undefined parameter 'isx'", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Diagnostic.Location.Line);
    }
}
