using System.Numerics;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>.ac against analytic transfer functions; .measure against values computed here from the same waveform.</summary>
public class SmallSignalAndMeasureTests
{
    [Fact]
    public void Ac_of_an_rc_low_pass_is_the_analytic_transfer_function()
    {
        var r = Sim.Run("rc\nvin in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 20 1 1meg\n.print ac vm(out) vp(out) vdb(out)\n.end\n").Single();
        Assert.Equal("ac", r.Kind);
        Assert.Equal(121, r.Independent.Length);
        for (var k = 0; k < r.Independent.Length; k++)
        {
            var h = 1 / new Complex(1, 2 * Math.PI * r.Independent[k] * 1e3 * 1e-6);
            Assert.True(Math.Abs(r.Col("vm(out)")[k] - h.Magnitude) <= 1e-6 * h.Magnitude, $"|H| at {r.Independent[k]} Hz");
            Assert.True(Math.Abs(r.Col("vp(out)")[k] - h.Phase) <= 1e-6, $"phase at {r.Independent[k]} Hz");
            Assert.Equal(20 * Math.Log10(h.Magnitude), r.Col("vdb(out)")[k], 9);
        }
    }

    [Fact]
    public void Ac_of_a_series_rlc_band_pass_with_a_phase_shifted_source()
    {
        // vin = 2∠30°; output across R: H = R / (R + jωL + 1/(jωC)); current i(vin) = -vin/Z
        var r = Sim.Run("rlc\nvin in 0 ac 2 30\nl1 in a 1m\nc1 a out 1u\nr1 out 0 10\n.ac lin 50 1k 10k\n.print ac vm(out) vp(out) im(vin) ip(vin)\n.end\n").Single();
        var vin = Complex.FromPolarCoordinates(2, Math.PI / 6);
        for (var k = 0; k < r.Independent.Length; k++)
        {
            var w = 2 * Math.PI * r.Independent[k];
            var z = new Complex(10, (w * 1e-3) - (1 / (w * 1e-6)));
            var vout = vin * 10 / z;
            var i = -vin / z;
            Assert.True(Math.Abs(r.Col("vm(out)")[k] - vout.Magnitude) <= 1e-6 * vout.Magnitude);
            Assert.True(Math.Abs(Math.IEEERemainder(r.Col("vp(out)")[k] - vout.Phase, 2 * Math.PI)) <= 1e-6);
            Assert.True(Math.Abs(r.Col("im(vin)")[k] - i.Magnitude) <= 1e-6 * i.Magnitude);
            Assert.True(Math.Abs(Math.IEEERemainder(r.Col("ip(vin)")[k] - i.Phase, 2 * Math.PI)) <= 1e-6);
        }
    }

    [Fact]
    public void Ac_linearises_diodes_and_memristors_at_the_operating_point()
    {
        // a forward-biased diode is its small-signal conductance gd = (I + IS)/(N vt) + gmin; a memristor its 1/R(x0)
        var r = Sim.Run("lin\nvb in 0 dc 0.65 ac 1\nd1 in 0 dm\nvm m 0 dc 0 ac 1\nymemristor mm m 0 hp\n.model dm d (is=1e-14)\n.model hp memristor level=1 ron=100 roff=16k xo=0.5\n.ac lin 1 1k 1k\n.print ac im(vb) im(vm)\n.op\n.end\n");
        var ac = r.Single(x => x.Kind == "ac");
        var vt = 1.38064852e-23 * 300.15 / 1.6021766208e-19;
        var gd = (1e-14 * Math.Exp(0.65 / vt) / vt) + 1e-12;
        Assert.Equal(gd, ac.Col("im(vb)")[0], 9);
        Assert.Equal(1 / ((100 * 0.5) + (16e3 * 0.5)), ac.Col("im(vm)")[0], 12);
    }

    [Fact]
    public void Measurements_equal_values_computed_from_the_waveform()
    {
        var text = "meas\nvin in 0 sin(0 1 1k)\nr1 in out 1k\nc1 out 0 100n\n.tran 1u 3m 0 1u\n.print tran v(in) v(out)\n" +
                   ".measure tran vavg avg v(out) from=1m to=3m\n.measure tran vrms rms v(in) from=1m to=3m\n.measure tran vmax max v(out)\n" +
                   ".measure tran vpp pp v(out) from=1m to=3m\n.measure tran q integ v(out) from=1m to=2m\n.measure tran tcross when v(out)=0.3 rise=2\n" +
                   ".measure tran vfind find v(in) when v(out)=0.3 rise=2\n.measure tran delay trig v(in) val=0 rise=2 targ v(out) val=0 rise=2\n.measure tran vat find v(out) at=2.5m\n.end\n";
        var netlist = NetlistParser.Parse(text, "m.cir");
        var result = CircuitSimulator.Run(netlist).Single();
        var m = netlist.Measures.Select(c => Measurement.Evaluate(c, result)).ToDictionary(v => v.Name, v => v.Value);
        double[] t = result.Independent, vin = result.Col("v(in)"), vout = result.Col("v(out)");

        // independent reference: resample on a fine uniform grid by linear interpolation and use plain sums
        double At(double[] y, double x) => WaveformComparisonLinear(t, y, x);
        double Mean(Func<double, double> f, double a, double b, int n = 200_000)
        {
            double s = 0;
            for (var k = 0; k < n; k++)
            {
                s += f(a + ((b - a) * (k + 0.5) / n));
            }

            return s / n;
        }

        Assert.Equal(Mean(x => At(vout, x), 1e-3, 3e-3), m["vavg"], 6);
        // RMS as SPICE defines it: the trapezoidal rule on y^2 at the simulated points; for a sine that is 1/sqrt(2)
        double sq = 0;
        for (var k = 1; k < t.Length; k++)
        {
            if (t[k - 1] >= 1e-3 - 1e-12 && t[k] <= 3e-3 + 1e-12)
            {
                sq += 0.5 * (t[k] - t[k - 1]) * ((vin[k] * vin[k]) + (vin[k - 1] * vin[k - 1]));
            }
        }

        Assert.Equal(Math.Sqrt(sq / 2e-3), m["vrms"], 6);
        Assert.Equal(1 / Math.Sqrt(2), m["vrms"], 4);
        Assert.Equal(vout.Max(), m["vmax"], 12);
        Assert.Equal(Mean(x => At(vout, x), 1e-3, 2e-3) * 1e-3, m["q"], 9);
        var window = t.Select((x, k) => (x, k)).Where(p => p.x >= 1e-3 && p.x <= 3e-3).Select(p => vout[p.k]).ToList();
        Assert.Equal(window.Max() - window.Min(), m["vpp"], 4);
        var rises = Crossings(t, vout, 0.3).Where(c => c.Rising).ToList();
        Assert.Equal(rises[1].X, m["tcross"], 12);
        Assert.Equal(At(vin, rises[1].X), m["vfind"], 12);
        var inRises = Crossings(t, vin, 0).Where(c => c.Rising).ToList();
        var outRises = Crossings(t, vout, 0).Where(c => c.Rising).ToList();
        Assert.Equal(outRises[1].X - inRises[1].X, m["delay"], 12);
        Assert.Equal(At(vout, 2.5e-3), m["vat"], 12);
        // the RC lag is near atan(ωRC)/ω at steady state
        Assert.Equal(Math.Atan(2 * Math.PI * 1e3 * 1e-4) / (2 * Math.PI * 1e3), m["delay"], 5);
    }

    [Theory]
    [InlineData(".measure tran a avg v(out) from=3m to=9m", "outside the simulated range")]
    [InlineData(".measure tran a find v(out) at=-1", "outside the simulated range")]
    [InlineData(".measure tran a max v(nope)", "no node 'nope'")]
    public void Measurements_outside_the_run_or_of_unknown_vectors_are_located_errors(string line, string message)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("nm-meas").FullName, "m.cir");
        try
        {
            File.WriteAllText(path, $"m\nvin in 0 1\nr1 in out 1k\nc1 out 0 1u\n.tran 1u 2m\n{line}\n.end\n");
            var ex = Assert.Throws<Neuromorph.Diagnostics.UserInputException>(() => Neuromorph.Circuits.Simulation.NetlistSimulation.Run(path));
            Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
            Assert.Equal(6, ex.Diagnostic.Location.Line);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, true);
        }
    }

    [Fact]
    public void A_window_reaching_past_the_run_is_cut_to_it_as_in_ngspice()
    {
        // ngspice-39: .meas tran a avg v(1) from=1m to=9m on a 5 ms run reports from=1m to=5m (and an ac FROM=10 on a
        // sweep from 1 kHz starts at 1 kHz: examples/measure/rc-meas-ac.sp)
        var deck = "m\nv1 1 0 sin(0 1 1k)\nr1 1 0 1k\n.tran 10u 5m\n.meas tran past avg v(1) from=1m to=9m\n.meas tran inside avg v(1) from=1m to=5m\n"
            + ".meas tran early rms v(1) from=-1m to=3m\n.meas tran whole rms v(1) from=0 to=3m\n.meas tran top max v(1) from=1m to=9m\n.end\n";
        var m = Neuromorph.Circuits.Simulation.NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        Assert.Equal(m["inside"].Value, m["past"].Value, 15);
        Assert.Equal(m["whole"].Value, m["early"].Value, 15);
        Assert.Equal(1 / Math.Sqrt(2), m["early"].Value, 3);
        Assert.Equal(1, m["top"].Value, 3);
    }

    [Fact]
    public void An_ac_measure_of_a_plain_voltage_reads_its_real_part_as_ngspice_does()
    {
        // RC low-pass, H = 1 / (1 + j w RC): ngspice's FIND v(out) is Re H, vm(out) |H|, vp(out) its phase (com_measure2.c)
        const double rc = 1e3 * 1e-6;
        var deck = "m\nvin in 0 dc 0 ac 1\nr1 in out 1k\nc1 out 0 1u\n.ac dec 20 10 100k\n.meas ac re FIND v(out) AT=1k\n"
            + ".meas ac mag FIND vm(out) AT=1k\n.meas ac ph FIND vp(out) AT=1k\n.meas ac half WHEN v(out)=0.5\n.end\n";
        var m = Neuromorph.Circuits.Simulation.NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        var h = 1 / new Complex(1, 2 * Math.PI * 1e3 * rc); // 1 kHz is a point of the sweep
        Assert.Equal(h.Real, m["re"].Value, 9);
        Assert.Equal(h.Magnitude, m["mag"].Value, 9);
        Assert.Equal(h.Phase, m["ph"].Value, 9);
        // Re H = 1 / (1 + (w RC)^2) is 1/2 at w RC = 1 (found between sweep points by linear interpolation: 2 %)
        Assert.True(Math.Abs(m["half"].Value - (1 / (2 * Math.PI * rc))) < 0.02 / (2 * Math.PI * rc), $"half = {m["half"].Value}");
    }

    [Fact]
    public void An_event_window_from_an_earlier_measurement_is_a_located_error()
    {
        var ex = Assert.Throws<UserInputException>(() => NetlistParser.Parse("m\nv1 1 0 sin(0 1 1k)\nr1 1 0 1k\n.tran 1u 5m\n.meas tran t0 WHEN v(1)=0.5 RISE=1\n.meas tran t1 WHEN v(1)=0 RISE=1 FROM=t0\n.end\n", "m.cir"));
        Assert.Contains("FROM= of an event takes a number or a .param", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(6, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void An_event_with_from_and_to_counts_crossings_inside_the_window_only()
    {
        // ngspice: meas tran t WHEN v(1)=0 RISE=1 FROM=1.5m finds the rise at 2 ms of a 1 kHz sine; a window with no
        // crossing fails the measurement (examples/measure/simple-meas-tran.sp: "out of interval")
        var deck = "m\nv1 1 0 sin(0 1 1k)\nr1 1 0 1k\n.tran 1u 5m\n.meas tran late WHEN v(1)=0 RISE=1 FROM=1.5m\n"
            + ".meas tran fall2 WHEN v(1)=0 FALL=1 FROM=1.6m TO=4m\n.meas tran none WHEN v(1)=0.99 RISE=1 FROM=1m TO=1.2m\n"
            + ".meas tran v2 FIND v(1) WHEN v(1)=0.5 RISE=1 FROM=3m\n.end\n";
        var m = Neuromorph.Circuits.Simulation.NetlistSimulation.Run("m.cir", deck, new Dictionary<string, double>()).Measures.Single().Values.ToDictionary(v => v.Name);
        Assert.Equal(2e-3, m["late"].Value, 7);
        Assert.Equal(2.5e-3, m["fall2"].Value, 7);
        Assert.False(m["none"].Succeeded);
        Assert.Contains("between FROM=0.001 and TO=0.0012", m["none"].Failure, StringComparison.Ordinal);
        Assert.Equal(0.5, m["v2"].Value, 6);
    }

    [Fact]
    public void A_level_never_crossed_is_a_failed_measurement_not_a_crash()
    {
        var netlist = NetlistParser.Parse("m\nvin in 0 1\nr1 in 0 1k\n.tran 1u 1m\n.measure tran t1 when v(in)=5\n.end\n", "m.cir");
        var r = Measurement.Evaluate(netlist.Measures[0], CircuitSimulator.Run(netlist).Single());
        Assert.False(r.Succeeded);
        Assert.Contains("does not reach 5", r.Failure, StringComparison.Ordinal);
    }

    private static List<(double X, bool Rising)> Crossings(double[] t, double[] y, double level)
    {
        var list = new List<(double, bool)>();
        for (var i = 1; i < t.Length; i++)
        {
            if ((y[i - 1] < level && y[i] >= level) || (y[i - 1] > level && y[i] <= level))
            {
                list.Add((t[i - 1] + ((t[i] - t[i - 1]) * (level - y[i - 1]) / (y[i] - y[i - 1])), y[i] > y[i - 1]));
            }
        }

        return list;
    }

    private static double WaveformComparisonLinear(double[] t, double[] y, double x)
    {
        var i = Array.BinarySearch(t, x);
        if (i >= 0)
        {
            return y[i];
        }

        i = ~i;
        return y[i - 1] + ((y[i] - y[i - 1]) * (x - t[i - 1]) / (t[i] - t[i - 1]));
    }
}
