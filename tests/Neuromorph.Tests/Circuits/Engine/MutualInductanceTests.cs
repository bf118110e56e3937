using System.Numerics;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>K elements (mutual inductance) against closed-form answers: AC transformers and loops, a coupled transient, the sign of k.</summary>
public class MutualInductanceTests
{
    [Theory]
    [InlineData(2.0)]
    [InlineData(10.0)]
    public void A_tightly_coupled_transformer_steps_the_voltage_by_the_turns_ratio(double n)
    {
        // L2 = n² L1 and k → 1: v2/v1 = k n / (1 + jω L2 (1 − k²)/RL) with the load RL on the secondary
        const double l1 = 1e-3, k = 0.999999, rl = 1e3;
        var l2 = n * n * l1;
        var ac = Sim.Run($"transformer\nv1 in 0 dc 0 ac 1\nrs in a 1m\nl1 a 0 {l1}\nl2 b 0 {l2}\nrl b 0 {rl}\nk1 l1 l2 {k}\n.ac dec 3 1k 100k\n.end\n").Single(r => r.Kind == "ac");
        for (var i = 0; i < ac.Independent.Length; i++)
        {
            var w = 2 * Math.PI * ac.Independent[i];
            var ratio = ac.Col("vm(b)")[i] / ac.Col("vm(a)")[i];
            var exact = k * n / Complex.Abs(new Complex(1, w * l2 * (1 - (k * k)) / rl));
            Assert.True(Math.Abs(ratio - n) < 1e-4 * n, $"ratio {ratio} at {ac.Independent[i]} Hz, turns ratio {n}");
            Assert.Equal(exact, ratio, 1e-9 * n);
        }
    }

    [Fact]
    public void Two_coupled_rl_loops_match_the_2x2_complex_solve()
    {
        const double r1 = 10, r2 = 100, l1 = 1e-3, l2 = 4e-3, k = 0.9;
        var m = k * Math.Sqrt(l1 * l2);
        var ac = Sim.Run($"loops\nv1 in 0 dc 0 ac 1\nr1 in a {r1}\nl1 a 0 {l1}\nl2 b 0 {l2}\nr2 b 0 {r2}\nk12 l1 l2 {k}\n.ac dec 10 10 1meg\n.end\n").Single(r => r.Kind == "ac");
        for (var i = 0; i < ac.Independent.Length; i++)
        {
            // [r1 + jωL1, jωM; jωM, r2 + jωL2] [i1; i2] = [1; 0];  v(a) = 1 − r1 i1, v(b) = −r2 i2
            var jw = new Complex(0, 2 * Math.PI * ac.Independent[i]);
            Complex a11 = r1 + (jw * l1), a12 = jw * m, a22 = r2 + (jw * l2);
            var det = (a11 * a22) - (a12 * a12);
            Complex i1 = a22 / det, i2 = -a12 / det;
            Complex va = 1 - (r1 * i1), vb = -r2 * i2;
            Assert.Equal(va.Magnitude, ac.Col("vm(a)")[i], 1e-9);
            Assert.Equal(vb.Magnitude, ac.Col("vm(b)")[i], 1e-9);
            Assert.Equal(va.Phase, ac.Col("vp(a)")[i], 1e-7);
            Assert.Equal(vb.Phase, ac.Col("vp(b)")[i], 1e-7);
        }
    }

    [Theory]
    [InlineData("trap", 1e-3, 2e-3)]
    [InlineData("trap", 1e-6, 2e-5)]
    [InlineData("gear", 1e-3, 2e-3)]
    [InlineData("gear", 1e-6, 2e-5)]
    public void A_coupled_pair_stepped_through_a_resistor_follows_the_2x2_ode(string method, double reltol, double bound)
    {
        // L di/dt = [V − r1 i1; −r2 i2] with L = [L1 M; M L2], from i = (0, 2 mA) (IC= on L2, uic):
        // i(t) = i∞ + e^{At}(i0 − i∞), A = −L⁻¹ diag(r1, r2), i∞ = (V/r1, 0)
        const double v = 1, r1 = 10, r2 = 100, l1 = 1e-3, l2 = 4e-3, k = 0.8, i20 = 2e-3;
        var m = k * Math.Sqrt(l1 * l2);
        var r = Sim.Tran($"coupled step\nv1 in 0 {v}\nr1 in a {r1}\nl1 a 0 {l1}\nl2 b 0 {l2} ic={i20}\nr2 b 0 {r2}\nk1 l1 l2 {k}\n.options reltol={reltol} method={method}\n.tran 1u 500u uic\n.print tran v(a) v(b)\n.end\n");
        var det = (l1 * l2) - (m * m);
        double a11 = -l2 * r1 / det, a12 = m * r2 / det, a21 = m * r1 / det, a22 = -l1 * r2 / det;
        var tr = a11 + a22;
        var disc = Math.Sqrt((tr * tr / 4) - ((a11 * a22) - (a12 * a21)));
        double e1 = (tr / 2) + disc, e2 = (tr / 2) - disc;
        double d1 = -v / r1, d2 = i20;
        var err = 0.0;
        for (var n = 0; n < r.Independent.Length; n++)
        {
            var t = r.Independent[n];
            double x1 = Math.Exp(e1 * t), x2 = Math.Exp(e2 * t);
            // e^{At} = (e^{λ1 t}(A − λ2) − e^{λ2 t}(A − λ1)) / (λ1 − λ2)
            double p11 = ((x1 * (a11 - e2)) - (x2 * (a11 - e1))) / (e1 - e2), p12 = (x1 - x2) * a12 / (e1 - e2);
            double p21 = (x1 - x2) * a21 / (e1 - e2), p22 = ((x1 * (a22 - e2)) - (x2 * (a22 - e1))) / (e1 - e2);
            var i1 = (v / r1) + (p11 * d1) + (p12 * d2);
            var i2 = (p21 * d1) + (p22 * d2);
            err = Math.Max(err, Math.Max(Math.Abs(r.Col("v(a)")[n] - (v - (r1 * i1))), Math.Abs(r.Col("v(b)")[n] + (r2 * i2))));
        }

        Assert.True(err < bound, $"max error {err} V with {method}, reltol {reltol}");
    }

    [Fact]
    public void A_negative_coefficient_reverses_the_induced_voltage_and_keeps_the_primary()
    {
        string Deck(double k) => $"sign\nv1 in 0 pulse(0 1 0 1u 1u 50u 100u)\nr1 in a 10\nl1 a 0 1m\nl2 b 0 4m\nr2 b 0 100\nk1 l1 l2 {k}\n.tran 1u 200u\n.print tran v(a) v(b)\n.end\n";
        var plus = Sim.Tran(Deck(0.7));
        var minus = Sim.Tran(Deck(-0.7));
        Assert.True(plus.Col("v(b)").Max() > 0.1, "the secondary sees a voltage");
        Assert.Equal(plus.Independent.Length, minus.Independent.Length);
        for (var n = 0; n < plus.Independent.Length; n++)
        {
            Assert.Equal(-plus.Col("v(b)")[n], minus.Col("v(b)")[n], 1e-9);
            Assert.Equal(plus.Col("v(a)")[n], minus.Col("v(a)")[n], 1e-9);
        }
    }

    [Fact]
    public void K_lines_resolve_in_their_subcircuit_before_the_inductors_and_take_parameters()
    {
        // three windings coupled pairwise, K lines first, k from .param and {expressions}: as the same circuit flat
        const string flat = "flat\nv1 in 0 dc 0 ac 1\nr1 in a 1\nl1 a 0 1m\nl2 b 0 2m\nl3 c 0 3m\nr2 b 0 50\nr3 c 0 70\nk12 l1 l2 0.9\nk13 l1 l3 0.8\nk23 l2 l3 0.75\n.ac dec 4 100 100k\n.end\n";
        const string nested = "nested\n.param kk=0.9\n.subckt tr p s t k13=0.5\nk12 l1 l2 kk\nk13 l1 l3 {k13}\nk23 l2 l3 {1.5/2}\nl1 p 0 1m\nl2 s 0 2m\nl3 t 0 3m\n.ends\nv1 in 0 dc 0 ac 1\nr1 in a 1\nx1 a b c tr k13=0.8\nr2 b 0 50\nr3 c 0 70\n.ac dec 4 100 100k\n.end\n";
        var a = Sim.Run(flat).Single(r => r.Kind == "ac");
        var b = Sim.Run(nested).Single(r => r.Kind == "ac");
        foreach (var v in new[] { "vm(b)", "vm(c)", "vp(c)" })
        {
            for (var n = 0; n < a.Independent.Length; n++)
            {
                Assert.Equal(a.Col(v)[n], b.Col(v)[n], 1e-12);
            }
        }
    }

    [Fact]
    public void Coupling_does_nothing_at_dc()
    {
        var op = Sim.Run("dc\nv1 in 0 2\nr1 in a 10\nl1 a b 1m\nr2 b 0 10\nl2 c 0 1m\nr3 c 0 5\nk1 l1 l2 1\n.op\n.end\n").Single(r => r.Kind == "op");
        Assert.Equal(1, op.Col("v(a)")[0], 12);
        Assert.Equal(0, op.Col("v(c)")[0], 12);
    }
}
