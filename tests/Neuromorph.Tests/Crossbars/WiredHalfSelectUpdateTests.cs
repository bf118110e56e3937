using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// The stochastic V/2 update through the wired array (<see cref="PulseUpdate.WireResistance"/>,
/// <see cref="WiredHalfSelectUpdate"/>, <see cref="WiredArraySlot"/>): against the tile's update without wires, against
/// <see cref="WiredArrayPulse.Apply"/> (which moves the states and the voltages together), and by position.
/// </summary>
public sealed class WiredHalfSelectUpdateTests(ITestOutputHelper output)
{
    /// <summary>The VTEAM of <see cref="StochasticHalfSelectTests"/>' disturbing device: half SET disturbs (−0.105 V beyond VON = −0.1 V).</summary>
    private static PhysicalResponse UpDisturbing() => new(
        MemristorCatalog.Create("vteam", PhysicalResponseTests.Card("ron=50 roff=1k kon=-1e-3 koff=5e-4 alphaon=1 alphaoff=1 von=-0.1 voff=0.02 xoff=3n aoff=3n wc=0.1n"), SourceLocation.None),
        new ProgrammingPulse(-0.21, 2e-9),
        new ProgrammingPulse(0.035, 7e-9));

    private static AnalogTile Tile(PulsedDevice device, int rows, int cols, int bl, double wire, long seed = 5) =>
        new(rows, cols, device, new PulseUpdate(UpdateMode.Stochastic, bl) { HalfSelect = true, WireResistance = wire }, new RandomStream(seed));

    /// <summary>
    /// With a vanishing wire resistance (1e-9 Ω per segment) every half-selected device sees V/2 and every selected one
    /// V, so the slot-by-slot update equals the tile's V/2 update (step table, each device's full pulses first, then its
    /// half pulses) for the same streams: they differ by the table's interpolation and by the order of a device's pulses
    /// in time, both small against one step (measured: 7e-4 Δw_min with the half RESET disturbing, BL = 8; 8e-3 Δw_min with
    /// the half SET disturbing, BL = 1, where BL = 8 reorders more pulses and differs by about 0.09 Δw_min after 30
    /// updates, the same with a 21-times finer table: the reordering, not the table). Both disturb directions and the device-to-device spreads are exercised.
    /// </summary>
    [Theory]
    [InlineData(false, 8)]
    [InlineData(true, 1)]
    public void A_vanishing_wire_resistance_gives_the_weights_of_the_ideal_v_over_2_update(bool upDisturbing, int bl)
    {
        const int rows = 4, cols = 5, updates = 30;
        var response = upDisturbing ? UpDisturbing() : new PhysicalResponse(PhysicalResponseTests.Vteam(), PhysicalResponseTests.SetPulse, PhysicalResponseTests.ResetPulse);
        Assert.True(upDisturbing ? response.HalfSetDisturbs : response.HalfResetDisturbs);
        var device = PulsedDevice.Physical(response) with { DwMinDtoD = 0.3, BoundsDtoD = 0.2, UpDownDtoD = 0.1 };
        var ideal = Tile(device, rows, cols, bl, 0);
        var wired = Tile(device, rows, cols, bl, 1e-9);
        var inputs = new RandomStream(17L);
        for (var u = 0; u < updates; u++)
        {
            var x = Enumerable.Range(0, cols).Select(_ => inputs.NextGaussian()).ToArray();
            var d = Enumerable.Range(0, rows).Select(_ => inputs.NextGaussian()).ToArray();
            x[u % cols] = 0; // a line that is never driven
            ideal.ApplyUpdate(x, d, 4 * device.DwMin);
            wired.ApplyUpdate(x, d, 4 * device.DwMin);
        }

        var (a, b) = (ideal.Weights(), wired.Weights());
        var worst = a.Zip(b, (p, q) => Math.Abs(p - q)).Max();
        var moved = a.Max(Math.Abs);
        output.WriteLine($"Δw_min {device.DwMin:G4}, largest weight {moved:G4}; largest difference {worst:G3} = {worst / device.DwMin:G3} Δw_min; pulses {ideal.PulseCount} / {wired.PulseCount}");
        Assert.Equal(ideal.PulseCount, wired.PulseCount);
        Assert.True(moved > 5 * device.DwMin, $"the updates moved the weights by {moved:G3} only");
        Assert.True(worst <= 0.02 * device.DwMin, $"largest difference {worst:G3} against Δw_min {device.DwMin:G3}");
    }

    /// <summary>
    /// One slot with one selected device on a wired 4 × 5 array of devices at different states: the slot (states frozen
    /// while the network is solved, each device then alone under its voltage) against <see cref="WiredArrayPulse.Apply"/>,
    /// which integrates all states with the voltages re-solved as the conductances change. The difference is of second
    /// order in the pulse: it falls about fourfold when the pulse is halved (twofold against the move), and for a 0.5 ns
    /// RESET it is below 1e-4 of the selected device's move (measured 2.2e-5; 4.4e-5 at 1 ns). The same slot through a tile (one-hot x and d, probabilities clipped to 1, BL = 1) moves the
    /// tile's weights as the slot moves the states.
    /// </summary>
    [Fact]
    public void One_slot_with_one_selected_device_equals_the_wired_array_pulse_for_a_short_pulse()
    {
        const int rows = 4, cols = 5, r = 2, c = 3;
        const double wire = 5;
        var model = PhysicalResponseTests.Vteam();
        var reset = PhysicalResponseTests.ResetPulse;
        var response = new PhysicalResponse(model, new ProgrammingPulse(-0.25, 2e-9), reset);
        var (lo, hi) = model.ProgrammingRange;
        var x0 = Enumerable.Range(0, rows * cols).Select(k => lo + ((0.2 + (0.6 * k / (rows * cols))) * (hi - lo))).ToArray();
        var (rv, cv) = WiredArrayPulse.HalfSelect(rows, cols, r, c, reset.Amplitude);
        var slot = new WiredArraySlot(response, rows, cols, wire);
        (double Worst, double Move) Error(double width)
        {
            var reference = WiredArrayPulse.Apply(model, x0, rows, cols, rv, cv, wire, width);
            var frozen = (double[])x0.Clone();
            // the selected row and column move (half RESET, 0.05 V, is above VOFF); the rest see 0 V
            Assert.Equal(rows + cols - 1, slot.Apply(frozen, rv, cv, width));
            Assert.True(slot.LinearInVoltage); // VTEAM: i = v/R(x), one linear solve per slot
            Assert.True(slot.Factorisations <= 1, $"{slot.Factorisations} factorisations");
            var move = Math.Abs(reference[(r * cols) + c] - x0[(r * cols) + c]);
            var worst = reference.Zip(frozen, (p, q) => Math.Abs(p - q)).Max();
            output.WriteLine($"{width:G3} s: selected move {move:G4}, largest difference {worst:G3} ({worst / move:G3})");
            return (worst, move);
        }

        var (longer, shorter) = (Error(1e-9), Error(0.5e-9));
        Assert.True(shorter.Worst < 1e-4 * shorter.Move, $"difference {shorter.Worst:G3} for a move of {shorter.Move:G3} in 0.5 ns");
        Assert.InRange(longer.Worst / shorter.Worst, 3, 5);

        // through the tile: one-hot x and d, η so large that both streams fire in their one slot
        var device = PulsedDevice.Physical(new PhysicalResponse(model, new ProgrammingPulse(-0.25, 2e-9), reset with { Width = 0.5e-9 }));
        var tile = Tile(device, rows, cols, 1, wire);
        var w0 = x0.Select(x => response.Weight(response.Conductance(x))).ToArray();
        for (var k = 0; k < w0.Length; k++)
        {
            tile[k / cols, k % cols] = w0[k];
        }

        var (xs, ds) = (new double[cols], new double[rows]);
        (xs[c], ds[r]) = (1, -1); // a RESET: the phase (−, +) is a down phase
        tile.ApplyUpdate(xs, ds, 100 * device.DwMin);
        var states = x0.Select(x => response.StateOf(response.Weight(response.Conductance(x)))).ToArray();
        slot.Apply(states, rv, cv, 0.5e-9);
        var weights = tile.Weights();
        for (var k = 0; k < w0.Length; k++)
        {
            Assert.Equal(response.Weight(response.Conductance(states[k])), weights[k], 12);
        }

        Assert.Equal(1, tile.PulseCount);
    }

    /// <summary>
    /// IR drop by position: word lines are driven at column 0 and bit lines at row 0, so the device at (0, 0) sees nearly
    /// the full pulse and the one at the far corner the pulse less the drop along both lines. For a SET and a RESET the
    /// far corner's step is smaller than the near corner's and both are smaller than without wires, where all positions
    /// step alike; each step against the device alone under the voltage the wired array gives it
    /// (<see cref="WiredArraySlot.DeviceVoltages"/>).
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Wire_resistance_lowers_the_far_corner_step_below_the_near_corner_step(bool up)
    {
        const int size = 8;
        const double wire = 0.2;
        var response = new PhysicalResponse(PhysicalResponseTests.Vteam(), PhysicalResponseTests.SetPulse, new ProgrammingPulse(0.035, 7e-9));
        var device = PulsedDevice.Physical(response);
        var pulse = up ? response.Set : response.Reset;
        var x0 = response.StateOf(0);
        double Step(double wire, int r, int c)
        {
            var tile = Tile(device, size, size, 1, wire);
            var (xs, ds) = (new double[size], new double[size]);
            (xs[c], ds[r]) = (1, up ? 1 : -1);
            tile.ApplyUpdate(xs, ds, 100 * device.DwMin);
            return tile[r, c];
        }

        double Alone(int r, int c)
        {
            var (rv, cv) = WiredArrayPulse.HalfSelect(size, size, r, c, pulse.Amplitude);
            var v = new WiredArraySlot(response, size, size, wire).DeviceVoltages(Enumerable.Repeat(x0, size * size).ToArray(), rv, cv)[(r * size) + c];
            output.WriteLine($"device ({r}, {c}): {v:G5} V of {pulse.Amplitude} V");
            return response.Weight(response.Conductance(response.StateAfter(x0, pulse with { Amplitude = v }))) - response.Weight(response.Conductance(x0));
        }

        var ideal = Step(0, 0, 0);
        Assert.Equal(ideal, Step(0, size - 1, size - 1), 14);
        var (near, far) = (Step(wire, 0, 0), Step(wire, size - 1, size - 1));
        output.WriteLine($"{(up ? "SET" : "RESET")}: ideal step {ideal:G5}, near corner {near:G5}, far corner {far:G5}");
        Assert.Equal(Math.Sign(ideal), up ? 1 : -1);
        Assert.True(Math.Abs(far) < Math.Abs(near) && Math.Abs(near) < Math.Abs(ideal), $"steps: far {far:G5}, near {near:G5}, ideal {ideal:G5}");
        Assert.Equal(Alone(0, 0), near, 12);
        Assert.Equal(Alone(size - 1, size - 1), far, 12);
    }

    /// <summary>
    /// The linear solve refined on an earlier slot's factorisation (a few devices moved since, other drives) gives the
    /// voltages a fresh factorisation gives, to 1e-10 of the drive, without factorising.
    /// </summary>
    [Fact]
    public void Refining_on_an_earlier_factorisation_gives_the_voltages_of_a_fresh_one()
    {
        const int rows = 6, cols = 9;
        const double wire = 3;
        var response = new PhysicalResponse(PhysicalResponseTests.Vteam(), PhysicalResponseTests.SetPulse, PhysicalResponseTests.ResetPulse);
        var (lo, hi) = response.Model.ProgrammingRange;
        var random = new RandomStream(3L);
        double[] States() => [.. Enumerable.Range(0, rows * cols).Select(_ => lo + (random.NextDouble() * (hi - lo)))];
        var reused = new WiredArraySlot(response, rows, cols, wire);
        var (rv0, cv0) = WiredArrayPulse.HalfSelect(rows, cols, 0, 0, 0.1);
        var states = States();
        reused.DeviceVoltages(states, rv0, cv0);
        foreach (var k in new[] { 3, 17, 29, 40 })
        {
            states[k] = Math.Min(hi, states[k] + (0.002 * (hi - lo))); // a few devices moved by about a pulse, as between two slots
        }

        var (rv, cv) = WiredArrayPulse.HalfSelect(rows, cols, 4, 7, -0.21);
        var refined = reused.DeviceVoltages(states, rv, cv).ToArray();
        Assert.Equal(0, reused.Factorisations);
        var fresh = new WiredArraySlot(response, rows, cols, wire).DeviceVoltages(states, rv, cv).ToArray();
        Assert.All(Enumerable.Range(0, rows * cols), k => Assert.True(Math.Abs(refined[k] - fresh[k]) <= 1e-10 * 0.21, $"device {k}: {refined[k]} against {fresh[k]}"));
        Assert.True(Math.Abs(fresh[(4 * cols) + 7] + 0.21) > 1e-3, $"selected device at {fresh[(4 * cols) + 7]} V: the wires should matter here");
        output.WriteLine($"selected device {fresh[(4 * cols) + 7]:G6} V of -0.21 V; largest difference {refined.Zip(fresh, (p, q) => Math.Abs(p - q)).Max():G3} V");
    }

    /// <summary>
    /// A model whose current is not linear in v (Yakopcic, i = a·x·sinh(b·v), b = 3 /V, a = 1 mA) is solved by Newton on its own
    /// I(v, x): one slot equals <see cref="WiredArrayPulse.Apply"/>'s dense Newton and joint integration for a short
    /// pulse (measured 3.7e-5 of the selected device's move for 1 µs at 0.4 V), as the linear solve does for VTEAM.
    /// </summary>
    [Fact]
    public void A_model_nonlinear_in_v_is_solved_by_newton_and_equals_the_wired_array_pulse()
    {
        const int rows = 4, cols = 5, r = 1, c = 3;
        const double wire = 2;
        var model = MemristorCatalog.Create("yakopcic", new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { ["b"] = 3, ["a1"] = 1e-3, ["a2"] = 1e-3 }, SourceLocation.None);
        var set = new ProgrammingPulse(0.4, 1e-6);
        var response = new PhysicalResponse(model, set, new ProgrammingPulse(-0.4, 1e-6));
        var slot = new WiredArraySlot(response, rows, cols, wire);
        Assert.False(slot.LinearInVoltage);
        var x0 = Enumerable.Range(0, rows * cols).Select(k => 0.2 + (0.6 * k / (rows * cols))).ToArray();
        var (rv, cv) = WiredArrayPulse.HalfSelect(rows, cols, r, c, set.Amplitude);
        var reference = WiredArrayPulse.Apply(model, x0, rows, cols, rv, cv, wire, set.Width);
        var frozen = (double[])x0.Clone();
        slot.Apply(frozen, rv, cv, set.Width);
        Assert.True(slot.Factorisations >= 2, $"{slot.Factorisations} Newton factorisations");
        var move = Math.Abs(reference[(r * cols) + c] - x0[(r * cols) + c]);
        var worst = reference.Zip(frozen, (p, q) => Math.Abs(p - q)).Max();
        output.WriteLine($"Yakopcic: selected move {move:G4}, largest difference {worst:G3} ({worst / move:G3}), {slot.Factorisations} factorisations");
        Assert.True(move > 0 && worst < 1e-3 * move, $"difference {worst:G3} for a move of {move:G3}");
    }

    [Theory]
    [InlineData("update: { mode: stochastic, half_select: true, wire_resistance: -1 }", true, "wire_resistance")]
    [InlineData("update: { mode: stochastic, half_select: true, wire_resistance: abc }", true, "wire_resistance")]
    [InlineData("update: { mode: stochastic, wire_resistance: 2 }", true, "half_select: true")]
    [InlineData("update: { mode: pulse_count, half_select: true, wire_resistance: 2 }", true, "mode: stochastic")]
    [InlineData("update: { mode: stochastic, half_select: true, wire_resistance: 2 }", false, "physical device")]
    public void Bad_wire_resistances_are_located_errors(string update, bool physical, string message)
    {
        var device = physical
            ? "device:\n  model: vteam\n  set: { amplitude: -0.25, width: 2n }\n  reset: { amplitude: 0.1, width: 2n }\n"
            : "device:\n  preset: soft_bounds\n";
        var text = $"algorithm: analog_sgd\n{device}{update}\n";
        var ex = Assert.Throws<UserInputException>(() => TileTrainingReader.Read(YamlSection.Parse(text, "w.yaml"), out _));
        output.WriteLine(ex.Diagnostic.Message + " | " + ex.Diagnostic.Hint);
        Assert.Contains(message, ex.Diagnostic.Message + " " + ex.Diagnostic.Hint, StringComparison.Ordinal);
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.StartsWith("update:", StringComparison.Ordinal)) + 1, ex.Diagnostic.Location.Line);
    }

    [Fact]
    public void A_wire_resistance_reads_with_the_stochastic_v_over_2_update_and_defaults_to_zero()
    {
        var text = "algorithm: analog_sgd\ndevice:\n  model: vteam\n  set: { amplitude: -0.25, width: 2n }\n  reset: { amplitude: 0.1, width: 2n }\nupdate: { mode: stochastic, bit_length: 7, half_select: true, wire_resistance: 2.5 }\n";
        Assert.Equal(new PulseUpdate(UpdateMode.Stochastic, 7) { HalfSelect = true, WireResistance = 2.5 }, TileTrainingReader.Read(YamlSection.Parse(text, "w.yaml"), out _).Update);
        var none = text.Replace(", wire_resistance: 2.5", string.Empty, StringComparison.Ordinal);
        Assert.Equal(0, TileTrainingReader.Read(YamlSection.Parse(none, "w.yaml"), out _).Update.WireResistance);
    }
}
