using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Dialect;

/// <summary><c>AT=</c>, <c>TD=</c>, <c>FROM=</c>, <c>TO=</c> and <c>VAL=</c> naming an earlier measurement's result.</summary>
public class MeasureReferenceTests
{
    // a triangle whose peak is a breakpoint (so MAX_AT is exactly 1 ms in both simulators) into an RC low-pass
    private const string Circuit = """
        meas references
        v1 in 0 pwl(0 0 1m 1 2m 0)
        r1 in out 1k
        c1 out 0 100n
        .options maxstep=1u

        """;

    private const string Measures = """
        meas tran tmax MAX_AT v(in)
        meas tran vx FIND v(out) AT=tmax
        meas tran avgx AVG v(out) from=tmax to=2m
        meas tran level FIND v(out) AT=1.5m
        meas tran wx WHEN v(out)=level TD=tmax
        meas tran tt TRIG AT=tmax TARG v(out) VAL=level FALL=1
        meas tran dly TRIG v(in) VAL=vx RISE=1 TARG v(out) VAL=vx FALL=1

        """;

    [Fact]
    public void Measures_in_the_netlist_read_earlier_results_by_name_and_in_expressions()
    {
        var deck = Circuit + ".tran 1u 2m\n" + Measures.Replace("meas ", ".meas ", StringComparison.Ordinal)
            + ".meas tran vy FIND v(in) AT={tmax - 0.5m}\n.meas tran fails FIND v(out) WHEN v(out)=5\n.meas tran after FIND v(out) AT=fails\n.end\n";
        var m = NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        Assert.Equal(1e-3, m["tmax"].Value, 12);
        Assert.Equal(0.5, m["vy"].Value, 9);
        // the RC output of a ramp 1 V/ms: t - tau (1 - exp(-t/tau)) per ms at 1 ms
        const double tau = 1e-4;
        Assert.Equal((1e-3 - (tau * (1 - Math.Exp(-10)))) / 1e-3, m["vx"].Value, 4);
        Assert.True(m["wx"].Value > 1e-3 && m["wx"].Value < 1.6e-3, $"wx = {m["wx"].Value}");
        Assert.Equal(1.5e-3, m["wx"].Value, 5); // v(out) falls through its 1.5 ms value once after the peak
        Assert.Equal(m["wx"].Value - 1e-3, m["tt"].Value, 12);
        Assert.True(m["dly"].Value > 1e-4, $"dly = {m["dly"].Value}"); // v(in) rises through vx at 0.9 ms, v(out) falls through it after the peak
        Assert.False(m["fails"].Succeeded);
        Assert.False(m["after"].Succeeded);
        Assert.Contains("fails", m["after"].Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_from_an_earlier_result_outside_the_run_fails_the_measurement_instead_of_stopping_the_run()
    {
        var deck = Circuit + ".tran 1u 2m\n.meas tran tmax MAX_AT v(in)\n.meas tran late FIND v(out) AT={tmax+1.5m}\n.meas tran ok FIND v(out) AT=tmax\n.end\n";
        var m = NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        Assert.False(m["late"].Succeeded);
        Assert.Contains("outside the simulated range", m["late"].Failure, StringComparison.Ordinal);
        Assert.True(m["ok"].Succeeded);
    }

    [Fact]
    public void A_name_that_is_neither_a_parameter_nor_an_earlier_measurement_is_a_located_error()
    {
        var deck = Circuit + ".tran 1u 2m\n.meas tran vx FIND v(out) AT=tmax\n.meas tran tmax MAX_AT v(in)\n.end\n";
        var ex = Assert.Throws<UserInputException>(() => NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()));
        Assert.Contains("tmax", ex.Message, StringComparison.Ordinal);
        Assert.Equal(7, ex.Diagnostic.Location!.Line);
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Control_meas_reads_earlier_results_as_ngspice_does()
    {
        // ngspice-39 reads a measurement's name after '=' only in a .control meas (com_meas puts the vector's value in)
        Requires.Ngspice();
        var deck = Circuit + ".control\ntran 1u 2m\n" + Measures + "print tmax vx avgx level wx tt dly\n.endc\n.end\n";
        var peer = Ngspice.Assignments(Ngspice.RunBatch(deck));
        var ours = NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        foreach (var name in new[] { "tmax", "vx", "avgx", "level", "wx", "tt", "dly" })
        {
            Assert.True(peer.ContainsKey(name), $"ngspice printed no {name}");
            Assert.True(ours[name].Succeeded, ours[name].Failure);
            var scale = name is "vx" or "avgx" or "level" ? 1 : 1e-3;
            Assert.True(Math.Abs(ours[name].Value - peer[name]) < 1e-4 * scale, $"{name}: ngspice {peer[name]:R}, ours {ours[name].Value:R}");
        }
    }

    [SkippableFact]
    [Trait("Category", "peer")]
    public void Control_meas_reads_a_let_computed_from_results_as_ngspice_does()
    {
        Requires.Ngspice();
        var deck = Circuit + ".control\ntran 1u 2m\nmeas tran tmax MAX_AT v(in)\nlet t1 = tmax + 0.25m\nmeas tran vl FIND v(out) AT=t1\nmeas tran wl WHEN v(out)=0.3 TD=t1\nprint vl wl\n.endc\n.end\n";
        var peer = Ngspice.Assignments(Ngspice.RunBatch(deck));
        var ours = NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        foreach (var name in new[] { "vl", "wl" })
        {
            Assert.True(ours[name].Succeeded, ours[name].Failure);
            Assert.True(Math.Abs(ours[name].Value - peer[name]) < 1e-5, $"{name}: ngspice {peer[name]:R}, ours {ours[name].Value:R}");
        }
    }
}
