using Neuromorph.Networks.Spiking;

namespace Neuromorph.Tests.Networks.Spiking;

/// <summary>The LIF neuron against its closed form under a constant current.</summary>
public class LifNeuronTests
{
    private static readonly LifParameters Neuron = new() { TauM = 0.02, VRest = -0.065, VReset = -0.07, VThreshold = -0.05, Refractory = 0.003, Resistance = 1e7 };

    private static List<Spike> Simulate(LifParameters p, double current, double duration, double dt)
    {
        var population = new LifPopulation(1, p);
        var spikes = new List<Spike>();
        var steps = (int)Math.Round(duration / dt);
        for (var k = 0; k < steps; k++)
        {
            population.Step([current], k * dt, dt, spikes);
        }

        return spikes;
    }

    /// <summary>
    /// From V_rest the first crossing is at τ_m ln(R I / (R I − (V_th − V_rest))); after each spike the neuron is held
    /// for t_ref at V_reset and then needs τ_m ln((R I − (V_reset − V_rest)) / (R I − (V_th − V_rest))) to reach V_th
    /// again, so spike k (k = 0, 1, ...) is at t₀ + k T with T = 1 / rate.
    /// </summary>
    [Theory]
    [InlineData(2.0e-9, 1e-4)]
    [InlineData(2.0e-9, 1.3e-3)]
    [InlineData(5.0e-9, 7e-4)]
    [InlineData(1.6e-9, 2.5e-4)]
    [InlineData(5.0e-9, 0.05)] // several spikes, and refractory periods, inside one step
    public void Spike_times_match_the_closed_form_to_1e_9(double current, double dt)
    {
        var p = Neuron;
        var drive = p.Resistance * current;
        Assert.True(drive > p.VThreshold - p.VRest);
        var first = p.TauM * Math.Log(drive / (drive - (p.VThreshold - p.VRest)));
        var period = p.Refractory + (p.TauM * Math.Log((drive - (p.VReset - p.VRest)) / (drive - (p.VThreshold - p.VRest))));
        Assert.Equal(1 / period, p.FiringRate(current), 12);

        var spikes = Simulate(p, current, 1.0, dt);
        Assert.True(spikes.Count > 10);
        for (var k = 0; k < spikes.Count; k++)
        {
            var expected = first + (k * period);
            Assert.True(Math.Abs(spikes[k].Time - expected) <= 1e-9 * expected, $"spike {k}: {spikes[k].Time:R} s, closed form {expected:R} s");
        }

        Assert.Equal((int)Math.Floor(((1.0 - first) / period) + 1), spikes.Count);
    }

    [Fact]
    public void No_spikes_below_the_rheobase_and_the_potential_settles_at_V_rest_plus_R_I()
    {
        var p = Neuron;
        var current = 0.99 * p.Rheobase;
        Assert.Equal(0, p.FiringRate(current));
        var population = new LifPopulation(1, p);
        var spikes = new List<Spike>();
        for (var k = 0; k < 10000; k++)
        {
            population.Step([current], k * 1e-3, 1e-3, spikes);
        }

        Assert.Empty(spikes);
        Assert.Equal(p.VRest + (p.Resistance * current), population.Potentials[0], 12);
    }

    [Fact]
    public void No_integration_during_the_refractory_period()
    {
        var p = Neuron with { Refractory = 0.01 };
        var population = new LifPopulation(1, p);
        var spikes = new List<Spike>();
        var current = 10e-9;
        var t = 0.0;
        while (spikes.Count == 0)
        {
            population.Step([current], t, 1e-4, spikes);
            t += 1e-4;
        }

        var spikeTime = spikes[0].Time;
        while (t + 1e-4 < spikeTime + p.Refractory - 1e-12)
        {
            population.Step([current], t, 1e-4, spikes);
            t += 1e-4;
            Assert.Equal(p.VReset, population.Potentials[0]);
        }
    }

    [Theory]
    [InlineData(0.015, 0.015)]
    [InlineData(0.015, 0.02)]
    public void A_threshold_at_or_below_the_reset_is_rejected(double threshold, double reset)
    {
        Assert.Throws<ArgumentException>(() => new LifPopulation(1, new LifParameters { VThreshold = threshold, VReset = reset }));
    }
}
