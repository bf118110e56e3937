using Neuromorph.Networks.Spiking;

namespace Neuromorph.Tests.Networks.Spiking;

/// <summary>The pair-based STDP window on memristive conductances.</summary>
public class StdpTests
{
    private static readonly SynapseDevice Device = new() { GOn = 1e-4, GOff = 1e-6 };
    private static readonly StdpRule Rule = new() { APlus = 2e-6, AMinus = 2.5e-6, TauPlus = 0.017, TauMinus = 0.034 };

    private static MemristiveSynapses OneSynapse(double g, StdpRule rule) => new(2, 2, [(0, 1)], [g], Device, rule);

    /// <summary>One pre spike and one post spike Δt apart: ΔG = A₊ e^{−Δt/τ₊} (Δt &gt; 0) or −A₋ e^{Δt/τ₋} (Δt &lt; 0).</summary>
    [Theory]
    [InlineData(0.001)]
    [InlineData(0.005)]
    [InlineData(0.02)]
    [InlineData(0.1)]
    [InlineData(-0.001)]
    [InlineData(-0.01)]
    [InlineData(-0.05)]
    public void One_pair_changes_G_by_the_window(double deltaT)
    {
        var g0 = 0.5 * Device.GOn;
        var s = OneSynapse(g0, Rule);
        const double tPre = 0.25;
        var tPost = tPre + deltaT;
        if (deltaT > 0)
        {
            s.PreSpike(0, tPre);
            s.PostSpike(1, tPost);
        }
        else
        {
            s.PostSpike(1, tPost);
            s.PreSpike(0, tPre);
        }

        var expected = deltaT > 0 ? Rule.APlus * Math.Exp(-deltaT / Rule.TauPlus) : -Rule.AMinus * Math.Exp(deltaT / Rule.TauMinus);
        Assert.Equal(expected, Rule.Window(deltaT), 15);
        var measured = s.Conductances[0] - g0;
        Assert.True(Math.Abs(measured - expected) <= 1e-9 * Math.Abs(expected), $"Δt = {deltaT}: ΔG {measured:E6}, window {expected:E6}");
    }

    [Fact]
    public void G_is_clipped_to_the_device_range()
    {
        var big = new StdpRule { APlus = 1, AMinus = 1 };
        var up = OneSynapse(0.9 * Device.GOn, big);
        up.PreSpike(0, 0);
        up.PostSpike(1, 0.001);
        Assert.Equal(Device.GOn, up.Conductances[0]);
        var down = OneSynapse(0.1 * Device.GOn, big);
        down.PostSpike(1, 0);
        down.PreSpike(0, 0.001);
        Assert.Equal(Device.GOff, down.Conductances[0]);
    }

    [Fact]
    public void Without_a_rule_spikes_leave_G_unchanged()
    {
        var s = new MemristiveSynapses(2, 2, [(0, 1)], [3e-5], Device);
        s.PreSpike(0, 0);
        s.PostSpike(1, 0.002);
        Assert.Equal(3e-5, s.Conductances[0]);
        Assert.Equal(0.3, s.Weight(0), 12);
    }

    [Fact]
    public void In_a_driven_liquid_STDP_moves_conductances_and_keeps_them_in_range()
    {
        var spec = LiquidStateMachineTests.Small with { Stdp = new StdpRule() };
        var lsm = new LiquidStateMachine(spec);
        var before = lsm.Synapses.Conductances.ToArray();
        lsm.Drive(Enumerable.Repeat(0.4, 50).ToArray(), 50);
        var after = lsm.Synapses.Conductances.ToArray();
        Assert.True(lsm.SpikeCount > 0);
        Assert.Contains(after.Zip(before), p => p.First != p.Second);
        Assert.All(after, g => Assert.InRange(g, spec.Device.GOff, spec.Device.GOn));

        lsm.Synapses.Plastic = false;
        lsm.Drive(Enumerable.Repeat(0.4, 50).ToArray(), 50);
        Assert.Equal(after, lsm.Synapses.Conductances.ToArray());
    }
}
