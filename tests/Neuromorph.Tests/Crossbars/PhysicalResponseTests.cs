using System.Globalization;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Circuits.Engine;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// Pulsed training through a physical device model (<see cref="PhysicalResponse"/>): the state change under a
/// programming pulse against the circuit engine's transient of a one-device deck (the same equations through MNA,
/// Newton and the engine's own integrator), the step table against direct integration, and the device in a tile.
/// </summary>
public class PhysicalResponseTests(ITestOutputHelper output)
{
    /// <summary>VTEAM (Kvatinsky et al. 2015) with the parameters of circuits/vteam_hysteresis.cir.</summary>
    internal const string VteamCard = "ron=50 roff=1k kon=-10 koff=5e-4 alphaon=3 alphaoff=1 von=-0.2 voff=0.02 xoff=3n aoff=3n wc=0.1n";

    internal static readonly ProgrammingPulse SetPulse = new(-0.25, 2e-9);
    internal static readonly ProgrammingPulse ResetPulse = new(0.1, 2e-9);

    internal static IMemristorModel Vteam() => MemristorCatalog.Create("vteam", Card(VteamCard), SourceLocation.None);

    internal static Dictionary<string, double> Card(string card) => card.Split(' ').Select(p => p.Split('=')).ToDictionary(
        p => p[0], p => double.Parse(p[1].Replace("n", "e-9", StringComparison.Ordinal).Replace("k", "e3", StringComparison.Ordinal), CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData(-0.25, 2e-9)]
    [InlineData(0.1, 2e-9)]
    [InlineData(-0.3, 5e-9)]
    [InlineData(0.5, 20e-9)]
    public void The_state_after_a_pulse_equals_the_circuit_engine_on_a_one_device_deck(double volts, double width)
    {
        var model = Vteam();
        var response = new PhysicalResponse(model, SetPulse, ResetPulse);
        double[] fractions = [0.02, 0.2, 0.5, 0.8, 0.98];
        var deck = new System.Text.StringBuilder("physical response against the engine\n");
        for (var k = 0; k < fractions.Length; k++)
        {
            deck.Append(CultureInfo.InvariantCulture, $".model vt{k} memristor level=5 {VteamCard} xo={fractions[k]}\n");
            deck.Append(CultureInfo.InvariantCulture, $"ymemristor m{k} in 0 vt{k}\n");
        }

        deck.Append(CultureInfo.InvariantCulture, $"v1 in 0 dc {volts}\n.tran {width / 2000} {width}\n.options reltol=1e-8\n.end\n");
        var result = CircuitSimulator.Run(NetlistParser.Parse(deck.ToString(), "physical.cir")).Single();
        var (lo, hi) = model.ProgrammingRange;
        var worst = 0.0;
        for (var k = 0; k < fractions.Length; k++)
        {
            var x0 = lo + (fractions[k] * (hi - lo));
            var ours = response.StateAfter(x0, new ProgrammingPulse(volts, width));
            var engine = result.Col($"x(m{k})")[^1];
            var error = Math.Abs(ours - engine) / (hi - lo);
            output.WriteLine($"x0 = {fractions[k]}: after {ours:G10} (engine {engine:G10}), moved {(ours - x0) / (hi - lo):G4} of the range, difference {error:E2}");
            worst = Math.Max(worst, error);
        }

        Assert.True(worst <= 1e-6, $"largest difference {worst:E2} of the state range");
    }
}
