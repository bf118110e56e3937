namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// A switch changes state where its control crosses the threshold, not where a coarse step happens to end: the steps
/// shrink as the control approaches the threshold (ngspice's SWtrunc). Closed form: a ramp control crosses at a known
/// time.
/// </summary>
public class SwitchEventTests
{
    [Theory]
    [InlineData(0.37e-3)]
    [InlineData(0.5e-3)]
    [InlineData(0.81e-3)]
    public void The_switch_turns_on_where_a_ramp_control_crosses_the_threshold(double crossing)
    {
        // control ramps 0 -> 2 V over 1 ms; threshold at crossing * 2 V / 1 ms, no hysteresis; out = 0.5 V once on
        var vt = 2 * crossing / 1e-3;
        var tran = Sim.Tran($"switch on a ramp\nvc c 0 pwl(0 0 1m 2)\nv1 in 0 1\ns1 in out c 0 sm\nrl out 0 1k\n" +
            $".model sm sw vt={vt} vh=0 ron=1k roff=1e12\n.tran 0.1m 1m\n.print tran v(out)\n.end\n");
        var t = tran.Independent;
        var v = tran.Col("v(out)");
        var first = Enumerable.Range(0, t.Length).First(k => v[k] > 0.25);
        // the last point still off and the first point on bracket the crossing, within 1e-9 of the 0.1 ms print step
        Assert.InRange(t[first - 1], crossing - 1e-13, crossing + 1e-13);
        Assert.InRange(t[first], crossing - 1e-13, crossing + 1e-13);
    }
}
