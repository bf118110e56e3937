using System.Globalization;
using System.Text;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Dynamics;

public class CtdEngineTests
{
    private static string RandomNetlist(int nodes, int edges, int seed)
    {
        var rng = new RandomStream(seed);
        var sb = new StringBuilder("random CTD network\n.model ctd memristor level=7 ron=100 roff=1k alpha=0.2 beta=0.5\n");
        string N(int k) => k == 0 ? "0" : $"n{k}";
        var pairs = new List<(int, int)>();
        for (var k = 1; k < nodes; k++)
        {
            pairs.Add((rng.Next(k), k)); // spanning tree keeps it connected
        }

        while (pairs.Count < edges)
        {
            int a = rng.Next(nodes), b = rng.Next(nodes);
            if (a != b)
            {
                pairs.Add((a, b));
            }
        }

        for (var e = 0; e < pairs.Count; e++)
        {
            var (u, v) = pairs[e];
            var x0 = (0.1 + (0.8 * rng.NextDouble())).ToString("R", CultureInfo.InvariantCulture);
            if (e % 3 == 0)
            {
                var s = ((rng.NextDouble() - 0.5) * 2).ToString("R", CultureInfo.InvariantCulture);
                sb.Append(CultureInfo.InvariantCulture, $"v{e} s{e} {N(u)} {s}\nymemristor m{e} s{e} {N(v)} ctd xo={x0}\n");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"ymemristor m{e} {N(u)} {N(v)} ctd xo={x0}\n");
            }
        }

        sb.Append(".options reltol=1e-6\n.tran 1m 0.4\n.print tran ").AppendJoin(' ', Enumerable.Range(0, pairs.Count).Select(e => $"x(m{e})")).Append("\n.end\n");
        return sb.ToString();
    }

    [Fact]
    public void Ctd_engine_and_mna_engine_agree_on_a_random_network_of_120_memristors()
    {
        var text = RandomNetlist(40, 120, 7);
        var mna = CircuitSimulator.Run(NetlistParser.Parse(text, "rand.cir")).Single();
        var ctd = CtdNetlist.Run(NetlistParser.Parse(text, "rand.cir"));
        var worst = 0.0;
        for (var e = 0; e < 120; e++)
        {
            var a = mna.Column($"x(m{e})")!.Values[^1];
            var b = ctd.Column($"x(m{e})")!.Values[^1];
            worst = Math.Max(worst, Math.Abs(a - b));
        }

        Assert.True(worst < 2e-4, $"largest final-state difference {worst}");
        Console.WriteLine($"CTD vs MNA, 120 memristors: largest final-state difference {worst:E2}");
        // and the states really moved, so the agreement is not trivial
        var moved = Enumerable.Range(0, 120).Max(e => Math.Abs(ctd.Column($"x(m{e})")!.Values[^1] - ctd.Column($"x(m{e})")!.Values[0]));
        Assert.True(moved > 0.05, $"states moved at most {moved}");
    }

    [Fact]
    public void Ctd_engine_with_current_sources_agrees_with_mna()
    {
        var text = RandomNetlist(12, 30, 3).Replace(".options", "i1 n3 n7 2m\ni2 0 n5 1m\n.options", StringComparison.Ordinal);
        var mna = CircuitSimulator.Run(NetlistParser.Parse(text, "inj.cir")).Single();
        var ctd = CtdNetlist.Run(NetlistParser.Parse(text, "inj.cir"));
        for (var e = 0; e < 30; e++)
        {
            Assert.Equal(mna.Column($"x(m{e})")!.Values[^1], ctd.Column($"x(m{e})")!.Values[^1], 2e-4);
        }
    }

    [Fact]
    public void Ctd_engine_refuses_elements_it_cannot_reduce()
    {
        var text = "t\n.model c memristor level=7\nymemristor m1 a 0 c\nr1 a 0 1k\n.tran 1m 1\n.end\n";
        var ex = Assert.Throws<UserInputException>(() => CtdNetlist.Run(NetlistParser.Parse(text, "x.cir")));
        Assert.Contains("cannot simulate r1", ex.Message, StringComparison.Ordinal);
        Assert.Equal(4, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void An_instance_xo_outside_0_1_is_refused_at_its_line_and_a_valid_one_is_the_initial_state()
    {
        var bad = "t\n.model c memristor level=7\nv1 s 0 0.5\nymemristor m1 s 0 c xo=0.2\nymemristor m2 s 0 c xo=1.5\n.tran 0.1 1\n.end\n";
        var ex = Assert.Throws<UserInputException>(() => CtdNetlist.Run(NetlistParser.Parse(bad, "x.cir")));
        Assert.Contains("xo = 1.5 is outside [0, 1]", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Diagnostic.Location.Line);
        // alpha = 0 and no source across m1: its state stays at its own XO, m2 at the model's
        var good = "t\n.model c memristor level=7 alpha=0 xo=0.7\nymemristor m1 a 0 c xo=0.25\nymemristor m2 a 0 c\n.tran 0.1 1\n.end\n";
        var r = CtdNetlist.Run(NetlistParser.Parse(good, "x.cir"));
        Assert.Equal(0.25, r.Columns[0].Values[^1], 12);
        Assert.Equal(0.7, r.Columns[1].Values[^1], 12);
    }

    [Fact]
    public void The_size_estimate_of_a_ctd_run_is_its_output_grid()
    {
        // .tran 0.1 1 gives 10 intervals: 11 rows, where the MNA estimate would assume TSTOP/50 steps
        var text = "t\n.model c memristor level=7\nv1 s 0 0.5\nymemristor m1 s 0 c\n.tran 0.1 1\n.end\n";
        var netlist = NetlistParser.Parse(text, "x.cir");
        var size = Assert.Single(Neuromorph.Circuits.Simulation.OutputSize.Estimate(netlist, CtdEngine.Instance));
        Assert.Equal(11, size.Rows);
        Assert.Equal(CtdNetlist.Run(netlist).Independent.Length, size.Rows);
    }
}
