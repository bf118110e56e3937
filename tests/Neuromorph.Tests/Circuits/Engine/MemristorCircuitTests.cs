namespace Neuromorph.Tests.Circuits.Engine;

public class MemristorCircuitTests
{
    private const string Hp = ".model hp memristor level=1 ron=100 roff=16k d=10n uv=10f xo=0.5 window=0\n";

    [Fact]
    public void Hp_memristor_without_window_follows_the_flux_law()
    {
        // R(t)^2 = R0^2 - 2 (Roff - Ron) k phi(t), k = uv Ron / D^2 = 1e4 /(A s); phi = A (1 - cos wt)/w for v = A sin wt.
        var r = Sim.Tran($"flux\nv1 a 0 sin(0 1 10)\nymemristor m1 a 0 hp\n{Hp}.options reltol=1e-6\n.tran 0.1m 0.2\n.print tran r(m1)\n.end\n");
        var r0 = 100 * 0.5 + (16e3 * 0.5);
        var w = 2 * Math.PI * 10;
        var worst = r.Independent.Select((t, i) =>
        {
            var phi = (1 - Math.Cos(w * t)) / w;
            var exact = Math.Sqrt((r0 * r0) - (2 * (16e3 - 100) * 1e4 * phi));
            return Math.Abs(r.Col("r(m1)")[i] - exact) / exact;
        }).Max();
        Assert.True(worst < 1e-4, $"relative error {worst}");
    }

    [Fact]
    public void Hysteresis_loop_is_pinched_and_its_lobes_shrink_with_frequency()
    {
        double LoopArea(double f)
        {
            var r = Sim.Tran($"loop\nv1 a 0 sin(0 1 {f})\nymemristor m1 a 0 hp\n{Hp}.options reltol=1e-6\n.tran {0.5 / f / 200} {1 / f}\n.print tran v(a) i(v1)\n.end\n");
            var v = r.Col("v(a)");
            var i = r.Col("i(v1)");
            for (var k = 0; k < v.Length; k++)
            {
                Assert.True(Math.Abs(i[k]) <= (Math.Abs(v[k]) / 100) + 1e-12, "i = v/R with R >= Ron: zero current exactly when v = 0");
            }

            // |∮ i dv| per lobe: integrate the positive half-period loop
            double area = 0;
            for (var k = 1; k < v.Length && r.Independent[k] <= 0.5 / f; k++)
            {
                area += 0.5 * (i[k] + i[k - 1]) * (v[k] - v[k - 1]);
            }

            return Math.Abs(area);
        }

        double a1 = LoopArea(10), a10 = LoopArea(100);
        Assert.True(a1 > 0);
        Assert.InRange(a10 / a1, 0.05, 0.2);
    }
}
