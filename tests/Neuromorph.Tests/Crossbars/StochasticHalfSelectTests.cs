using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// The V/2 scheme in the stochastic update (<see cref="PulseUpdate.HalfSelect"/>): four sign phases, full pulses where
/// both lines of a device fire, half pulses of the phase's polarity where exactly one does.
/// </summary>
public sealed class StochasticHalfSelectTests
{
    // a zero error row and a zero input column, so every kind of device occurs
    private static readonly double[] X = [0.5, -0.3, 0.8, 0];
    private static readonly double[] D = [0.4, -0.7, 0];

    /// <summary>VTEAM whose half SET pulse (−0.105 V, beyond VON = −0.1 V, α_on = 1) raises the state; half RESET (0.0175 V) is inside VOFF.</summary>
    private static PhysicalResponse UpDisturbing() => new(
        MemristorCatalog.Create("vteam", PhysicalResponseTests.Card("ron=50 roff=1k kon=-1e-3 koff=5e-4 alphaon=1 alphaoff=1 von=-0.1 voff=0.02 xoff=3n aoff=3n wc=0.1n"), SourceLocation.None),
        new ProgrammingPulse(-0.21, 2e-9),
        new ProgrammingPulse(0.035, 7e-9));

    /// <summary>
    /// Per update, device (r, c) with Bernoulli probabilities q_r (row, from d) and p_c (column, from x): in its own
    /// phase (both lines driven) popcount(cb ^ rb) ~ Binomial(BL, q + p − 2qp) half pulses of its own polarity; in the
    /// row-only and column-only phases Binomial(BL, q) + Binomial(BL, p) of the other polarity. A device with x_c = 0
    /// gets Binomial(BL, q) up and as many down (its row runs in an up and a down phase), one with d_r = 0
    /// Binomial(BL, p) each way. The means over N updates are checked within 5 standard errors.
    /// </summary>
    [Fact]
    public void Half_pulse_counts_have_the_binomial_means_of_the_four_phases()
    {
        const int bl = 10, updates = 4000;
        var response = new PhysicalResponse(PhysicalResponseTests.Vteam(), new ProgrammingPulse(-0.25, 2e-9), PhysicalResponseTests.ResetPulse);
        Assert.True(response.HalfSelectDisturbs);
        var device = PulsedDevice.Physical(response);
        var tile = new AnalogTile(D.Length, X.Length, device, new PulseUpdate(UpdateMode.Stochastic, bl) { HalfSelect = true }, new RandomStream(11L))
        {
            HalfUpTally = new long[D.Length * X.Length],
            HalfDownTally = new long[D.Length * X.Length],
        };
        // η so that the largest probabilities are 0.9: C·sqrt(max|d|·max|x|) = 0.9 with C = sqrt(η/(BL·Δw_min))
        var eta = 0.81 / (D.Max(Math.Abs) * X.Max(Math.Abs)) * bl * device.DwMin;
        for (var t = 0; t < updates; t++)
        {
            tile.ApplyUpdate(X, D, eta);
        }

        var scale = Math.Sqrt(eta / (bl * device.DwMin));
        var m = Math.Sqrt(D.Max(Math.Abs) / X.Max(Math.Abs));
        for (var r = 0; r < D.Length; r++)
        {
            for (var c = 0; c < X.Length; c++)
            {
                var q = Math.Min(1, scale / m * Math.Abs(D[r]));
                var p = Math.Min(1, scale * m * Math.Abs(X[c]));
                (double Mean, double Var) same = (bl * (q + p - (2 * q * p)), bl * (q + p - (2 * q * p)) * (1 - q - p + (2 * q * p)));
                (double Mean, double Var) other = (bl * (q + p), bl * ((q * (1 - q)) + (p * (1 - p))));
                (double Mean, double Var) up, down;
                if (D[r] != 0 && X[c] != 0)
                {
                    (up, down) = (D[r] > 0) == (X[c] > 0) ? (same, other) : (other, same);
                }
                else
                {
                    var s = D[r] != 0 ? q : p;
                    up = down = (bl * s, bl * s * (1 - s));
                }

                var k = (r * X.Length) + c;
                foreach (var (name, count, expected) in new[] { ("up", tile.HalfUpTally[k], up), ("down", tile.HalfDownTally[k], down) })
                {
                    var mean = (double)count / updates;
                    if (expected.Mean == 0)
                    {
                        Assert.Equal(0, count);
                        continue;
                    }

                    var tolerance = 5 * Math.Sqrt(expected.Var / updates);
                    Assert.True(Math.Abs(mean - expected.Mean) < tolerance, $"device ({r}, {c}) half {name}: {mean:G5} per update, expected {expected.Mean:G5} ± {tolerance:G3}");
                }
            }
        }

        // the device with d = 0 and x = 0 sees V/2 on both lines in every phase
        Assert.Equal(0, tile.HalfUpTally[(2 * X.Length) + 3] + tile.HalfDownTally[(2 * X.Length) + 3]);
    }

    [Fact]
    public void Half_select_without_a_disturbing_response_changes_nothing()
    {
        // half SET (−0.105 V) inside VON = −0.2 V, half RESET (0.0175 V) inside VOFF = 0.02 V
        var response = new PhysicalResponse(PhysicalResponseTests.Vteam(), PhysicalResponseTests.SetPulse, new ProgrammingPulse(0.035, 7e-9));
        Assert.False(response.HalfSelectDisturbs);
        foreach (var device in new[] { PulsedDevice.Physical(response) with { CycleToCycle = 0.2 }, PulsedDevice.Preset("soft_bounds", 0.01)! with { CycleToCycle = 0.2 } })
        {
            var with = new AnalogTile(D.Length, X.Length, device, new PulseUpdate(UpdateMode.Stochastic, 7) { HalfSelect = true }, new RandomStream(5L));
            var without = new AnalogTile(D.Length, X.Length, device, new PulseUpdate(UpdateMode.Stochastic, 7), new RandomStream(5L));
            var rng = new RandomStream(9L);
            for (var t = 0; t < 200; t++)
            {
                var x = X.Select(v => v * rng.NextDouble(-1, 1)).ToArray();
                var d = D.Select(v => v * rng.NextDouble(-1, 1)).ToArray();
                with.ApplyUpdate(x, d, 0.05);
                without.ApplyUpdate(x, d, 0.05);
            }

            Assert.True(without.PulseCount > 0);
            Assert.Equal(without.PulseCount, with.PulseCount);
            Assert.Equal(without.Weights(), with.Weights());
        }
    }

    /// <summary>
    /// A device with x = 0 gets only half pulses, from the phases of its row: with x ≥ 0 a row with d &gt; 0 runs only the
    /// up phase (+, +) and a row with d &lt; 0 only the down phase (−, +); with x ≤ 0 the other way round. Only half SET
    /// disturbs this device, so exactly the devices whose row phase is up drift up, by their tallied half pulses.
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    public void A_device_with_no_input_drifts_with_the_polarity_of_its_rows_phase(double inputSign)
    {
        var response = UpDisturbing();
        Assert.True(response.HalfSelectDisturbs);
        var device = PulsedDevice.Physical(response);
        double[] x = [0.6 * inputSign, 0.4 * inputSign, 0];
        double[] d = [0.5, -0.5];
        var tile = new AnalogTile(d.Length, x.Length, device, new PulseUpdate(UpdateMode.Stochastic, 31) { HalfSelect = true }, new RandomStream(3L))
        {
            HalfUpTally = new long[6],
            HalfDownTally = new long[6],
        };
        var before = tile.Weights();
        for (var t = 0; t < 100; t++)
        {
            tile.ApplyUpdate(x, d, 0.02);
        }

        for (var r = 0; r < 2; r++)
        {
            var k = (r * 3) + 2;
            var upPhase = (d[r] > 0) == (inputSign > 0);
            Assert.Equal(0, upPhase ? tile.HalfDownTally[k] : tile.HalfUpTally[k]);
            if (upPhase)
            {
                Assert.True(tile.HalfUpTally[k] > 0);
                var (lo, hi) = tile.Bounds(r, 2);
                var replay = before[k];
                for (var h = 0; h < tile.HalfUpTally[k]; h++)
                {
                    replay = device.HalfPulse(replay, true, lo, hi);
                }

                Assert.True(tile[r, 2] > before[k], $"row {r}: the x = 0 device should drift up");
                Assert.Equal(replay, tile[r, 2]);
            }
            else
            {
                Assert.True(tile.HalfDownTally[k] > 0);
                Assert.Equal(before[k], tile[r, 2]);
            }
        }
    }
}
