using System.Globalization;
using System.Text;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Tests.Circuits.Engine;
using Neuromorph.Crossbars.Training;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// A V/2 programming pulse on a wired crossbar (<see cref="WiredArrayPulse"/>) against the circuit engine on the same
/// array written as a netlist (line resistors between crosspoints and drivers, VTEAM devices): every device's state
/// after the pulse. Without wires it equals the single-device pulse of the tile's V/2 scheme.
/// </summary>
public class WiredArrayPulseTests(ITestOutputHelper output)
{
    private static readonly double[] States = [0.1, 0.25, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(2.0, false)]
    [InlineData(10.0, false)]
    [InlineData(0.0, true)]
    [InlineData(5.0, true)]
    public void A_reset_pulse_on_a_wired_3x3_array_moves_every_device_as_the_circuit_engine_does(double wire, bool third)
    {
        var model = PhysicalResponseTests.Vteam();
        var pulse = PhysicalResponseTests.ResetPulse;
        var (lo, hi) = model.ProgrammingRange;
        var x0 = States.Select(s => lo + (s * (hi - lo))).ToArray();
        var (rows, cols) = third ? WiredArrayPulse.ThirdSelect(3, 3, 1, 1, pulse.Amplitude) : WiredArrayPulse.HalfSelect(3, 3, 1, 1, pulse.Amplitude);
        var after = WiredArrayPulse.Apply(model, x0, 3, 3, rows, cols, wire, pulse.Width);

        var deck = new StringBuilder("V/2 scheme on a wired 3x3 VTEAM array\n");
        var w = wire == 0 ? 1e-9 : wire; // an ideal wire as a vanishing resistor keeps the deck's topology
        for (var i = 0; i < 3; i++)
        {
            deck.Append(CultureInfo.InvariantCulture, $"vr{i} r{i} 0 dc {rows[i]}\nvc{i} c{i} 0 dc {cols[i]}\n");
            for (var j = 0; j < 3; j++)
            {
                var k = (i * 3) + j;
                deck.Append(CultureInfo.InvariantCulture, $".model vt{k} memristor level=5 {PhysicalResponseTests.VteamCard} xo={States[k]}\n");
                deck.Append(CultureInfo.InvariantCulture, $"ymemristor m{k} w{i}_{j} b{i}_{j} vt{k}\n");
                deck.Append(CultureInfo.InvariantCulture, $"rw{i}_{j} {(j == 0 ? $"r{i}" : $"w{i}_{j - 1}")} w{i}_{j} {w}\n");
                deck.Append(CultureInfo.InvariantCulture, $"rb{i}_{j} {(i == 0 ? $"c{j}" : $"b{i - 1}_{j}")} b{i}_{j} {w}\n");
            }
        }

        deck.Append(CultureInfo.InvariantCulture, $".tran {pulse.Width / 2000} {pulse.Width}\n.options reltol=1e-8\n.end\n");
        var result = CircuitSimulator.Run(NetlistParser.Parse(deck.ToString(), "wired.cir")).Single();
        var worst = 0.0;
        var moved = 0.0;
        for (var k = 0; k < 9; k++)
        {
            var engine = result.Col($"x(m{k})")[^1];
            output.WriteLine($"R_wire {wire} Ω, device ({k / 3}, {k % 3}): x {x0[k]:E4} -> {after[k]:E6}, engine {engine:E6}");
            worst = Math.Max(worst, Math.Abs(after[k] - engine));
            moved = Math.Max(moved, Math.Abs(engine - x0[k]));
        }

        output.WriteLine($"{(third ? "V/3" : "V/2")}, R_wire {wire} Ω: largest difference {worst:G3} of a largest move {moved:G3} ({worst / moved:G3})");
        Assert.True(moved > 0, "the pulse moved no device");
        Assert.True(worst <= 1e-6 * moved, $"largest difference {worst:G3} against a largest move of {moved:G3}");
        if (third)
        {
            // V/3 of the 0.1 V RESET (0.033 V) is above VOFF = 0.02 V: the devices sharing a line with the selected one see
            // +V/3 and move with it; the corners see −V/3, inside VON = −0.2 V, and stay
            var selected = Math.Sign(after[4] - x0[4]);
            Assert.All(new[] { 1, 3, 5, 7 }, k => Assert.Equal(selected, Math.Sign(after[k] - x0[k])));
            Assert.All(new[] { 0, 2, 6, 8 }, k => Assert.Equal(x0[k], after[k], 1e-20));
        }
    }

    [Fact]
    public void Wire_resistance_lowers_the_selected_devices_step_and_spreads_the_disturb_by_position()
    {
        var model = PhysicalResponseTests.Vteam();
        var pulse = PhysicalResponseTests.ResetPulse;
        var (lo, hi) = model.ProgrammingRange;
        var x0 = Enumerable.Repeat(lo + (0.5 * (hi - lo)), 16).ToArray();
        double[] Move(double wire, int r, int c)
        {
            var (rows, cols) = WiredArrayPulse.HalfSelect(4, 4, r, c, pulse.Amplitude);
            return [.. WiredArrayPulse.Apply(model, x0, 4, 4, rows, cols, wire, pulse.Width).Select((x, k) => x - x0[k])];
        }

        var ideal = Move(0, 3, 3);
        var wired = Move(5, 3, 3);
        // the far corner's device sees the IR drop of both full lines: a smaller step than without wires
        Assert.True(Math.Abs(wired[15]) < Math.Abs(ideal[15]), $"selected: {wired[15]:G4} with wires, {ideal[15]:G4} without");
        // without wires all half-selected devices of the row move alike; with them they differ by position
        Assert.Equal(ideal[12], ideal[13], 12);
        Assert.NotEqual(wired[12], wired[13]);
        output.WriteLine($"selected step {ideal[15]:G4} -> {wired[15]:G4}; row disturb {wired[12]:G4} .. {wired[14]:G4}");
    }
}
