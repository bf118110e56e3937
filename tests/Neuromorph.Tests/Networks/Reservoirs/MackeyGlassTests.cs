using Neuromorph.Networks.Tasks;

namespace Neuromorph.Tests.Networks.Reservoirs;

public class MackeyGlassTests
{
    [Fact]
    public void The_equilibrium_x_equals_1_stays_put()
    {
        // 0.2 x / (1 + x^10) = 0.1 x has the root x = 1
        Assert.All(MackeyGlass.Series(50, x0: 1, transient: 0), v => Assert.Equal(1, v, 13));
    }

    [Fact]
    public void Integration_converges_at_fourth_order()
    {
        double At(double h) => MackeyGlass.Series(1, transient: 100, step: h)[0];
        var e1 = At(0.2) - At(0.025);
        var e2 = At(0.1) - At(0.025);
        var e3 = At(0.05) - At(0.025);
        var order = Math.Log2((e1 - e2) / (e2 - e3));
        Assert.InRange(order, 3.5, 4.5);
        Assert.True(Math.Abs(e3) < 1e-7, $"h = 0.05 differs by {e3:E2}");
    }

    [Fact]
    public void Chaotic_series_for_tau_17_stays_in_its_known_range()
    {
        var s = MackeyGlass.Series(3000);
        Assert.InRange(s.Min(), 0.15, 0.5);
        Assert.InRange(s.Max(), 1.2, 1.45);
    }
}
