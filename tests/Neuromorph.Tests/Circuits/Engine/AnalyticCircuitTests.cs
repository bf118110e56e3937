namespace Neuromorph.Tests.Circuits.Engine;

public class AnalyticCircuitTests
{
    [Fact]
    public void Divider_operating_point_is_exact()
    {
        var op = Sim.Run("div\nv1 in 0 10\nr1 in mid 1k\nr2 mid 0 3k\n.op\n.print op v(mid) i(v1) i(r2) v(in,mid)\n.end\n")[0];
        Assert.Equal(7.5, op.Col("v(mid)")[0], 12);
        Assert.Equal(-10.0 / 4000, op.Col("i(v1)")[0], 15);
        Assert.Equal(2.5e-3, op.Col("i(r2)")[0], 15);
        Assert.Equal(2.5, op.Col("v(in,mid)")[0], 12);
    }

    [Fact]
    public void Controlled_sources_follow_their_gains()
    {
        var op = Sim.Run("cs\nv1 a 0 2\nr0 a 0 1k\ne1 b 0 a 0 3\nrb b 0 1k\ng1 0 c a 0 1m\nrc c 0 2k\n.op\n.print op v(b) v(c)\n.end\n")[0];
        Assert.Equal(6, op.Col("v(b)")[0], 12);
        Assert.Equal(4, op.Col("v(c)")[0], 12);
    }

    [Fact]
    public void Dc_sweep_of_a_linear_circuit_is_linear_in_the_source()
    {
        var dc = Sim.Run("dc\nv1 in 0 0\nr1 in mid 1k\nr2 mid 0 3k\ni1 0 mid 1m\n.dc v1 0 5 0.5\n.print dc v(mid)\n.end\n")[0];
        Assert.Equal(11, dc.Independent.Length);
        for (var k = 0; k < dc.Independent.Length; k++)
        {
            // superposition: 0.75 V1 + 1 mA × (1k || 3k)
            Assert.Equal((0.75 * dc.Independent[k]) + 0.75, dc.Col("v(mid)")[k], 10);
        }
    }

    [Theory]
    [InlineData("trap", 1e-3, 2e-3)]
    [InlineData("trap", 1e-6, 2e-5)]
    [InlineData("gear", 1e-3, 2e-3)]
    [InlineData("gear", 1e-6, 2e-5)]
    public void Rc_charging_matches_the_exponential(string method, double reltol, double bound)
    {
        var r = Sim.Tran($"rc\nv1 in 0 1\nr1 in out 1k\nc1 out 0 1u\n.ic v(out)=0\n.options reltol={reltol} method={method}\n.tran 10u 5m uic\n.print tran v(out)\n.end\n");
        var err = r.Independent.Select((t, i) => Math.Abs(r.Col("v(out)")[i] - (1 - Math.Exp(-t / 1e-3)))).Max();
        Assert.True(err < bound, $"max error {err} with {method}, reltol {reltol}");
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("gear")]
    public void Rlc_ring_down_matches_the_damped_cosine(string method)
    {
        // series RLC, capacitor charged to 1 V: v = e^{-at}(cos wt + a/w sin wt), a = R/2L, w = sqrt(1/LC - a^2)
        var r = Sim.Tran($"rlc\nc1 a 0 1u\nl1 a b 1m\nr1 b 0 10\n.ic v(a)=1\n.options reltol=1e-6 method={method}\n.tran 1u 1m uic\n.print tran v(a)\n.end\n");
        double a = 10 / 2e-3, w = Math.Sqrt((1 / 1e-9) - (a * a));
        var err = r.Independent.Select((t, i) => Math.Abs(r.Col("v(a)")[i] - (Math.Exp(-a * t) * (Math.Cos(w * t) + (a / w * Math.Sin(w * t)))))).Max();
        Assert.True(err < 1e-3, $"max error {err}");
    }

    [Fact]
    public void Steps_land_exactly_on_pwl_and_pulse_corners()
    {
        var r = Sim.Tran("bp\nv1 a 0 pwl(0 0 0.3m 1 0.7m 1 0.71m 0)\nv2 b 0 pulse(0 1 0.1m 1u 1u 0.2m 0.5m)\nr1 a 0 1k\nr2 b 0 1k\n.tran 10u 1m\n.print tran v(a) v(b)\n.end\n");
        foreach (var corner in new[] { 0.3e-3, 0.7e-3, 0.71e-3, 0.1e-3, 0.101e-3, 0.301e-3, 0.302e-3, 0.6e-3, 0.601e-3 })
        {
            Assert.Contains(r.Independent, t => Math.Abs(t - corner) < 1e-15);
        }
    }

    [Theory]
    [InlineData("trap")]
    [InlineData("gear")]
    public void An_inductor_under_a_current_ramp_jumps_at_its_corners(string method)
    {
        // Xyce's INDUCTOR/inductor.cir: v = L di/dt is -50 V on the rise, 0 on the top, +50 V on the fall; it jumps at each
        // corner, so the point at a corner is no history for the steps after it (once stopped "timestep too small")
        var r = Sim.Tran($"ind\nI1 1 0 PULSE(0 5 0 1m 1m 10m 25m)\nL1 1 0 10mH\n.options method={method}\n.tran 0.1m 20m\n.print tran v(1) i(l1)\n.end\n");
        var t = r.Independent;
        var v = r.Col("v(1)");
        var i = r.Col("i(l1)");
        for (var k = 0; k < t.Length; k++)
        {
            var expected = t[k] < 1e-3 ? -50 : t[k] < 11e-3 ? 0 : t[k] < 12e-3 ? 50 : 0;
            var nearCorner = new[] { 1e-3, 11e-3, 12e-3 }.Any(c => Math.Abs(t[k] - c) < 2e-5);
            if (!nearCorner && t[k] > 0)
            {
                Assert.True(Math.Abs(v[k] - expected) < 1e-6, $"t = {t[k]}: v(1) = {v[k]}, expected {expected}");
            }

            var current = t[k] < 1e-3 ? 5 * t[k] / 1e-3 : t[k] < 11e-3 ? 5 : t[k] < 12e-3 ? 5 * (12e-3 - t[k]) / 1e-3 : 0;
            Assert.True(Math.Abs(-i[k] - current) < 1e-9, $"t = {t[k]}: i(l1) = {i[k]}, expected {-current}");
        }
    }
}
