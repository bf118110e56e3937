namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>
/// Xyce's VSWITCH and ISWITCH switch models against the Xyce Reference Guide's formula: R = ROFF at or below the off
/// control value, RON at or above the on value, and in between
/// R = exp(Lm + 3·Lr·(c − cm)/(2·cd) − 2·Lr·(c − cm)³/cd³), Lm = ln √(RON·ROFF), Lr = ln(RON/ROFF), cm = (con + coff)/2,
/// cd = con − coff.
/// </summary>
public class XyceSwitchTests
{
    private static double Documented(double c, double on, double off, double rOn, double rOff)
    {
        if ((c - off) / (on - off) >= 1)
        {
            return rOn;
        }

        if ((c - off) / (on - off) <= 0)
        {
            return rOff;
        }

        var (lm, lr, cm, cd) = (Math.Log(Math.Sqrt(rOn * rOff)), Math.Log(rOn / rOff), (on + off) / 2, on - off);
        return Math.Exp(lm + (3 * lr * (c - cm) / (2 * cd)) - (2 * lr * Math.Pow(c - cm, 3) / Math.Pow(cd, 3)));
    }

    [Fact]
    public void Vswitch_dc_sweep_follows_the_documented_resistance()
    {
        var dc = Sim.Run("xyce vswitch\nvc c 0 0\nvs a 0 1\ns1 a 0 c 0 sw\n.model sw vswitch (ron=10 roff=1e5 von=2 voff=0.5)\n.dc vc 0 3 0.05\n.print dc i(vs)\n.end\n")[0];
        var i = dc.Col("i(vs)");
        Assert.Equal(61, i.Length);
        for (var k = 0; k < i.Length; k++)
        {
            var r = Documented(dc.Independent[k], 2, 0.5, 10, 1e5);
            Assert.Equal(1.0, -i[k] * r, 9);
        }

        Assert.Equal(1e-5, -i[0], 12);
        Assert.Equal(0.1, -i[^1], 12);
    }

    [Fact]
    public void Vswitch_defaults_and_on_off_aliases_follow_xyce()
    {
        // defaults RON=1, ROFF=1e6, VON=1, VOFF=0; ON=/OFF= are Xyce's other spellings of VON/VOFF
        var a = Sim.Run("defaults\nvc c 0 0.3\nvs a 0 1\ns1 a 0 c 0 sw\n.model sw vswitch\n.op\n.print op i(vs)\n.end\n")[0].Col("i(vs)")[0];
        Assert.Equal(1.0, -a * Documented(0.3, 1, 0, 1, 1e6), 9);
        var b = Sim.Run("aliases\nvc c 0 0.7\nvs a 0 1\ns1 a 0 c 0 sw\n.model sw vswitch (on=1.5 off=0.5 ron=2 roff=2k)\n.op\n.print op i(vs)\n.end\n")[0].Col("i(vs)")[0];
        Assert.Equal(1.0, -b * Documented(0.7, 1.5, 0.5, 2, 2000), 9);
    }

    [Fact]
    public void Iswitch_is_controlled_by_a_voltage_source_current()
    {
        // 0.6 mA through vsense, between IOFF = 0.2 mA and ION = 1 mA
        var op = Sim.Run("xyce iswitch\nic 0 s 0.6m\nvsense s 0 0\nvs a 0 1\nw1 a 0 vsense sw\n.model sw iswitch (ion=1m ioff=0.2m ron=5 roff=50k)\n.op\n.print op i(vs)\n.end\n")[0];
        Assert.Equal(1.0, -op.Col("i(vs)")[0] * Documented(0.6e-3, 1e-3, 0.2e-3, 5, 5e4), 9);
    }

    [Fact]
    public void Xyce_switch_deck_that_was_refused_now_runs_a_transient()
    {
        // an RC charged through a VSWITCH closing as a ramp crosses VOFF..VON: the end voltage is the supply's
        var tran = Sim.Tran("xyce switch rc\nvc c 0 pwl(0 0 1m 2)\nvdd d 0 1\ns1 d o c 0 sw\nc1 o 0 1u ic=0\n.model sw vswitch (ron=10 roff=1e9 von=1.5 voff=0.5)\n.tran 10u 5m uic\n.print tran v(o)\n.end\n");
        var v = tran.Col("v(o)");
        Assert.InRange(v[0], -1e-6, 1e-6);
        Assert.Equal(1.0, v[^1], 4);
    }
}
