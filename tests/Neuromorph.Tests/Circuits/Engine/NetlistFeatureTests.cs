using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Behavioural elements and dot-commands against hand-solved circuits, and their located errors.</summary>
public class NetlistFeatureTests
{
    private static double Op(string body, string item) => Sim.Run($"t\n{body}\n.op\n.print op {item}\n.end\n").Single().Col(item)[0];

    [Fact]
    public void Behavioral_sources_solve_hand_analysed_circuits()
    {
        // B as a resistor, E VALUE as an amplifier, G VALUE as a transconductor, F and H from a sense source, TABLE interpolation
        Assert.Equal(4.0 / 3, Op("v1 a 0 2\nr1 a b 1k\nb1 b 0 I={V(b)/2k}", "v(b)"), 12);
        Assert.Equal(-6, Op("v1 a 0 2\nr1 a 0 1k\ne1 o 0 value={-3*V(a)}\nrl o 0 1k", "v(o)"), 12);
        Assert.Equal(-2, Op("v1 a 0 2\nr1 a 0 1k\ng1 0 o cur={1m*V(a)}\nrl o 0 1k", "v(o)") * -1, 12);
        Assert.Equal(-4, Op("v1 a 0 2\nvs a b 0\nr1 b 0 1k\nf1 0 o vs 2\nrl o 0 1k", "v(o)") * -1, 12);
        Assert.Equal(10, Op("v1 a 0 2\nvs a b 0\nr1 b 0 1k\nh1 o 0 vs 5k\nrl o 0 1k", "v(o)"), 12);
        Assert.Equal(11.25, Op("v1 a 0 1.25\nr1 a 0 1k\ne1 o 0 table {V(a)} = (0,0) (1,10) (2,15) (3,15)\nrl o 0 1k", "v(o)"), 12);
        // a resistor whose value is a node voltage (ngspice's behavioural R) and a .func of two arguments
        Assert.Equal(1e-3, Op("v1 a 0 1\nvr r 0 1k\nr1 a 0 r={V(r)}", "i(v1)") * -1, 12);
        Assert.Equal(7, Op(".func f(x,y) {x*y+1}\nv1 a 0 2\nr1 a 0 1k\ne1 o 0 value={f(V(a), 3)}\nrl o 0 1k", "v(o)"), 12);
    }

    [Fact]
    public void Behavioral_capacitor_charges_as_c_dv_dt()
    {
        // C = 1u + 1u*V(c) with a constant current 1 mA: dV/dt = I/C(V) gives V + V^2/2 = 1000 t
        var r = Sim.Tran("t\ni1 0 c 1m\nc1 c 0 c={1u + 1u*V(c)}\nr1 c 0 1e12\n.tran 10u 2m uic\n.options reltol=1e-6\n.print tran v(c)\n.end\n");
        for (var k = 0; k < r.Independent.Length; k += 10)
        {
            var exact = -1 + Math.Sqrt(1 + (2000 * r.Independent[k]));
            Assert.True(Math.Abs(r.Col("v(c)")[k] - exact) < 1e-4, $"t={r.Independent[k]}: {r.Col("v(c)")[k]} vs {exact}");
        }
    }

    [Fact]
    public void Globals_libraries_nodesets_and_temperature()
    {
        var dir = Directory.CreateTempSubdirectory("nm-lib").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "parts.lib"), "* library\n.lib slow\n.model dd d (is=1e-15)\n.endl\n.lib fast\n.model dd d (is=1e-12)\n.endl\n");
            var text = "t\n.global vdd\n.lib \"parts.lib\" fast\n.temp 50\nvdd vdd 0 5\n.subckt load out\nr1 vdd out 1k\n.ends\nx1 o load\nd1 o 0 dd\n.nodeset v(o)=0.5\n.op\n.print op v(o) v(vdd)\n.end\n";
            var path = Path.Combine(dir, "top.cir");
            File.WriteAllText(path, text);
            var netlist = NetlistParser.ParseFile(path);
            Assert.Equal(50, netlist.Temperature);
            Assert.Equal(1e-12, netlist.Models["dd"].Parameters["is"]);
            var v = CircuitSimulator.Run(netlist).Single().Col("v(o)")[0];
            // the diode carries (5 - v)/1k at 50 C: solve for v by bisection as an independent check
            var vt = 1.38064852e-23 * 323.15 / 1.6021766208e-19;
            var ratio = 323.15 / 300.15;
            var isT = 1e-12 * Math.Exp(((ratio - 1) * 1.11 / vt) + (3 * Math.Log(ratio)));
            double lo = 0, hi = 1;
            for (var k = 0; k < 200; k++)
            {
                var mid = (lo + hi) / 2;
                var f = (isT * (Math.Exp(mid / vt) - 1)) + (1e-12 * mid) - ((5 - mid) / 1e3);
                (lo, hi) = f > 0 ? (lo, mid) : (mid, hi);
            }

            Assert.True(Math.Abs(lo - v) < 1e-5, $"{v} vs {lo}");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Control_blocks_run_their_analyses_and_write_vectors()
    {
        var dir = Directory.CreateTempSubdirectory("nm-ctl").FullName;
        try
        {
            var path = Path.Combine(dir, "c.cir");
            File.WriteAllText(path, "ctl\n.param tau=1m\n.csparam tau={tau}\nv1 in 0 pulse(0 1 0 1n 1n 1 2)\nr1 in out 1k\nc1 out 0 1u\n.tran 1u 1m\n.control\nlet tstop = 5*tau\ntran 10u $&tstop\nwrdata out.txt v(out)\nplot v(out)\nop\nprint v(out) i(v1)\n.endc\n.end\n");
            var report = NetlistSimulation.Run(path);
            Assert.Equal(["tran", "op"], report.Analyses.Select(a => a.Name));
            Assert.Equal(5e-3, report.Analyses[0].Runs[0].Result.Independent[^1], 12);
            Assert.Contains(report.Netlist.Warnings, w => w.Message.Contains("plot", StringComparison.Ordinal));
            // wrdata in ngspice's layout: headerless, the scale before each vector; print of op values: name = value
            var wr = ControlOutputText.Format(report.ControlOutputs[0]);
            var last = wr.Trim().Split('\n')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(double.Parse).ToArray();
            Assert.Equal(2, last.Length);
            Assert.Equal(1 - Math.Exp(-5), last[1], 3);
            Assert.Contains("v(out) = ", ControlOutputText.Format(report.ControlOutputs[1]), StringComparison.Ordinal);
            Assert.Contains("i(v1) = ", ControlOutputText.Format(report.ControlOutputs[1]), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Several_analyses_of_one_kind_and_steps_stay_separate()
    {
        var dir = Directory.CreateTempSubdirectory("nm-step").FullName;
        try
        {
            var path = Path.Combine(dir, "s.cir");
            File.WriteAllText(path, "s\n.param rv=1k\nv1 in 0 1\nr1 in out {rv}\nc1 out 0 1u\n.tran 10u 1m\n.tran 10u 2m\n.step param rv list 1k 2k\n.end\n");
            var report = NetlistSimulation.Run(path);
            Assert.Equal(["tran", "tran2"], report.Analyses.Select(a => a.Name));
            var (headers, columns) = report.Analyses[1].Table();
            Assert.Equal("rv", headers[0]);
            Assert.Equal([1000.0, 2000.0], columns[0].Distinct());
            Assert.Equal(2e-3, report.Analyses[1].Runs[1].Result.Independent[^1], 12);

            // a control block's wrdata with .step writes one run: said in a located warning, never silently
            File.WriteAllText(path, "s\n.param rv=1k\nv1 in 0 1\nr1 in out {rv}\nc1 out 0 1u\n.tran 10u 1m\n.step param rv list 1k 2k\n.control\nrun\nwrdata out.txt v(out)\n.endc\n.end\n");
            var stepped = NetlistSimulation.Run(path);
            Assert.Contains(stepped.Netlist.Warnings, w => w.Message.Contains("first .step run only", StringComparison.Ordinal) && w.Location.Line == 10);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("b1 a 0 I={foo(V(a))}", "unknown function 'foo'")]
    [InlineData("b1 a 0 I={pow(V(a))}", "pow() takes 2 argument(s), got 1")]
    [InlineData(".func f(x) {g(x)}\n.func g(x) {f(x)}\nb1 a 0 I={f(V(a))}", "recursive .func")]
    [InlineData(".param z=0\nb1 a 0 I={V(a)/z}", "division by zero")]
    [InlineData("b1 a 0 I={I(r1)}", "has no branch current")]
    [InlineData("b1 a 0 I={I(vzz)}", "there is no element 'vzz'")]
    [InlineData("b1 a 0 I={V(zz)}", "no element connects node 'zz'")]
    [InlineData(".options reltol=-1", "impossible option value reltol=-1")]
    [InlineData("d1 a 0 dd\n.model dd d (iss=1)", "has no parameter 'iss'")]
    public void Bad_behavioural_input_gives_one_located_error(string lines, string message)
    {
        var text = $"t\nv1 a 0 1\nr1 a 0 1k\n{lines}\n.op\n.end\n";
        var ex = Assert.Throws<UserInputException>(() => CircuitSimulator.Run(NetlistParser.Parse(text, "bad.cir")));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("bad.cir", ex.Diagnostic.Location.File);
        Assert.True(ex.Diagnostic.Location.Line >= 4, ex.Diagnostic.ToString());
        Assert.False(string.IsNullOrEmpty(ex.Diagnostic.Hint));
    }

    [Fact]
    public void Suffix_mistakes_and_level_less_memristors_are_warned_once_with_locations()
    {
        var n = NetlistParser.Parse("t\nv1 a 0 1\nr1 a b 1kk\nr2 b 0 2x\nymemristor m1 b 0 mm\n.model mm memristor ron=1k roff=10k\n.op\n.end\n", "w.cir");
        var suffix = Assert.Single(n.Warnings, w => w.Message.Contains("letters after the number", StringComparison.Ordinal));
        Assert.Equal(3, suffix.Location.Line);
        var level = Assert.Single(n.Warnings, w => w.Message.Contains("has no LEVEL", StringComparison.Ordinal));
        Assert.Contains("LEVEL=1 (hp)", level.Message, StringComparison.Ordinal);
        Assert.Equal(6, level.Location.Line);
    }

    [Fact]
    public void Newton_failure_in_a_behavioural_element_names_it_and_the_time()
    {
        // sqrt of a negative voltage has no real value once the source goes negative
        var ex = Assert.Throws<SimulationException>(() => Sim.Tran("t\nv1 a 0 pwl(0 1 1m 1 2m -1)\nr1 a 0 1k\nb1 b 0 I={sqrt(V(a))*1m}\nr2 b 0 1k\n.nodeset v(a)=1\n.tran 10u 2m\n.end\n"));
        Assert.Contains("b1", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Time);
        Assert.Contains("t = ", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Time!.Value, 1e-3, 2e-3);
    }
}
