using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Tests.Networks.Reservoirs;

public class MemristiveReservoirTests
{
    private static IMemristorModel Ctd(double beta) =>
        MemristorCatalog.Create("ctd", new Dictionary<string, double> { ["ron"] = 1e3, ["roff"] = 10e3, ["alpha"] = 0, ["beta"] = beta, ["xo"] = 1 }, SourceLocation.None);

    private static MemristiveReservoir OneNode(IMemristorModel device, double decay, int substeps) =>
        new(new MemristiveReservoirSpec { Devices = 1, VirtualNodes = 1, Substeps = substeps, PulseWidth = 1e-3, VoltageScale = 1, BinaryMask = true, DecayTime = decay, RestState = 1, Seed = 1 }, device);

    /// <summary>
    /// CTD device at constant voltage s, alpha = 0 (REFERENCES.md §1): w(t) = (−1 + sqrt((1 + ξ w0)² − 2 ξ s t / β)) / ξ.
    /// The node's TR-BDF2 integration converges to it at second order.
    /// </summary>
    [Fact]
    public void A_node_under_a_constant_pulse_follows_the_closed_form_at_second_order()
    {
        const double beta = 1e-3, xi = 9, w0 = 1;
        double Error(int substeps)
        {
            var node = OneNode(Ctd(beta), 0, substeps);
            var v = node.Mask[0]; // input 1 → V = mask (±1 V)
            node.Run([1.0], 1);
            var exact = (-1 + Math.Sqrt(((1 + (xi * w0)) * (1 + (xi * w0))) - (2 * xi * v * 1e-3 / beta))) / xi;
            return Math.Abs(node.States[0] - Math.Min(exact, 1));
        }

        var node0 = OneNode(Ctd(beta), 0, 10);
        Assume(node0.Mask[0] > 0); // a positive pulse moves the state from x = 1
        var (e1, e2) = (Error(10), Error(20));
        Assert.True(e2 < 1e-6, $"error {e2:E2} with 20 steps");
        Assert.InRange(Math.Log2(e1 / e2), 1.7, 2.3);
    }

    [Fact]
    public void Without_drive_a_node_relaxes_exponentially_to_rest()
    {
        var node = OneNode(Ctd(1e-3), 2e-3, 40);
        node.States[0] = 0.2;
        node.Run([0.0], 1); // V = 0: only the relaxation acts
        Assert.Equal(1 - (0.8 * Math.Exp(-0.5)), node.States[0], 1e-5); // TR-BDF2, 40 steps of 25 µs against τ = 2 ms
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Memristive_reservoir_forgets_its_initial_state_and_has_memory_and_task_skill()
    {
        var device = MemristorCatalog.Create("yakopcic", new Dictionary<string, double>(), SourceLocation.None);
        var spec = new MemristiveReservoirSpec { Devices = 30, VirtualNodes = 4, Substeps = 8, DecayTime = 5e-3, VoltageScale = 0.4, VoltageOffset = 0.2 };
        var s = Narma10.Generate(3000, 1);

        var a = new MemristiveReservoir(spec, device);
        var b = new MemristiveReservoir(spec, device);
        Array.Fill(b.States, 0.9);
        var fa = a.Run(s.Inputs, 200);
        var fb = b.Run(s.Inputs, 200);
        var gap = Enumerable.Range(0, a.Features).Max(i => Math.Abs(fa[(199 * a.Features) + i] - fb[(199 * a.Features) + i]));
        Assert.True(gap < 1e-6, $"states still differ by {gap:E2} after 200 pulses (no fading memory)");

        a.Reset();
        var features = a.Run(s.Inputs, 3000);
        var readout = ReservoirReadout.Fit(features[..(2200 * a.Features)], s.Inputs, s.Targets, 2200, a.Features, 1, 1, 200, 1e-6, true);
        var reservoirNrmse = EchoStateNetworkTests.Nrmse(readout.Predict(features, s.Inputs, 2200, 800), s.Targets.AsSpan(2200, 800));
        var inputOnly = ReservoirReadout.Fit(new double[2200], s.Inputs, s.Targets, 2200, 1, 1, 1, 200, 1e-9, true);
        var baseline = EchoStateNetworkTests.Nrmse(inputOnly.Predict(new double[3000], s.Inputs, 2200, 800), s.Targets.AsSpan(2200, 800));
        Assert.True(reservoirNrmse < baseline - 0.1, $"NARMA10 NRMSE: memristive reservoir {reservoirNrmse:F3}, input-only readout {baseline:F3}");

        a.Reset();
        var mc = MemoryCapacity.Measure(u => a.Run(u.Select(v => 0.25 * (v + 1)).ToArray(), u.Length), a.Features, 20, 50, 3000, 2000, 1e-6, 3);
        Assert.True(mc.Total > 2 && mc.Total <= a.Features, $"memory capacity {mc.Total:F2}");
    }

    private static void Assume(bool condition) => Assert.True(condition, "fixture: the seed must give a positive mask");
}
