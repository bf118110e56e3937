using Neuromorph.Crossbars.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Crossbars;

/// <summary>The pulsed update of <see cref="AnalogTile"/> and the device responses of <see cref="PulsedDevice"/>.</summary>
public sealed class AnalogTrainingUpdateTests
{
    private static readonly double[] X = [0.5, -0.3, 0.8];
    private static readonly double[] D = [0.4, -0.7];

    /// <summary>
    /// Gokmen–Vlasov: on a ConstantStep device without bounds, ΔW_ji = Δw_min·n with n ~ Binomial(BL, p_i·q_j),
    /// p_i = C|x_i|, q_j = C|d_j|, C = sqrt(η/(BL·Δw_min)). So E[ΔW_ji] = η·d_j·x_i and Var = Δw_min²·BL·pq(1 − pq).
    /// The mean over N trials is checked within 5 standard errors sqrt(Var/N); the sample variance within 5 of its own
    /// standard deviations, Var·sqrt(2/(N − 1) + κ/N) with the binomial excess kurtosis κ = (1 − 6pq(1 − pq))/(BL·pq(1 − pq)).
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(10, false)]
    [InlineData(100, false)]
    [InlineData(10, true)]
    [InlineData(31, true, true, 0.01)]
    [InlineData(31, true, true, 0.1)]
    [InlineData(31, true, true, 1.0)]
    public void Stochastic_update_has_the_expected_mean_and_Gokmen_Vlasov_variance(int desiredBitLength, bool management, bool blManagement = false, double eta = 0.01)
    {
        const double dw = 0.01;
        const int trials = 20000;
        var device = new PulsedDevice(DeviceResponseKind.ConstantStep, dw, -1e9, 1e9);
        var settings = new PulseUpdate(UpdateMode.Stochastic, desiredBitLength, management) { BitLengthManagement = blManagement };
        // aihwkit's BL management: the shortest stream that carries the update, ⌈η·max|x|·max|d|/Δw_min⌉ of at most BL
        // slots (η 0.01: 1 slot; 0.1: 6; 1: 31 of the 56 it would take)
        var bitLength = blManagement ? Math.Min(desiredBitLength, (int)Math.Ceiling(eta * X.Max(Math.Abs) * D.Max(Math.Abs) / dw)) : desiredBitLength;
        Assert.Equal(bitLength, settings.StreamLength(eta, X.Max(Math.Abs), D.Max(Math.Abs), dw));
        var tile = new AnalogTile(D.Length, X.Length, device, settings, new RandomStream(42L + bitLength));
        var sum = new double[D.Length, X.Length];
        var sum2 = new double[D.Length, X.Length];
        for (var t = 0; t < trials; t++)
        {
            for (var j = 0; j < D.Length; j++)
            {
                for (var i = 0; i < X.Length; i++)
                {
                    tile[j, i] = 0;
                }
            }

            tile.ApplyUpdate(X, D, eta);
            for (var j = 0; j < D.Length; j++)
            {
                for (var i = 0; i < X.Length; i++)
                {
                    sum[j, i] += tile[j, i];
                    sum2[j, i] += tile[j, i] * tile[j, i];
                }
            }
        }

        var c = Math.Sqrt(eta / (bitLength * dw));
        var m = management ? Math.Sqrt(D.Max(Math.Abs) / X.Max(Math.Abs)) : 1;
        for (var j = 0; j < D.Length; j++)
        {
            for (var i = 0; i < X.Length; i++)
            {
                var pq = Math.Min(1, c * m * Math.Abs(X[i])) * Math.Min(1, c / m * Math.Abs(D[j]));
                // a clipped probability (BL management at its cap) loses the expected update: E = BL·Δw_min·pq·sign
                var expected = Math.Sign(X[i] * D[j]) * bitLength * dw * pq;
                if (c * m * Math.Abs(X[i]) <= 1 && c / m * Math.Abs(D[j]) <= 1)
                {
                    Assert.Equal(eta * X[i] * D[j], expected, 1e-15);
                }

                var variance = dw * dw * bitLength * pq * (1 - pq);
                var mean = sum[j, i] / trials;
                Assert.True(Math.Abs(mean - expected) < (5 * Math.Sqrt(variance / trials)) + 1e-12, $"BL {bitLength}: mean ΔW[{j},{i}] = {mean:G5}, expected {expected:G5} ± {5 * Math.Sqrt(variance / trials):G3}");
                var sampleVar = (sum2[j, i] - (trials * mean * mean)) / (trials - 1);
                if (pq * (1 - pq) == 0)
                {
                    Assert.True(Math.Abs(sampleVar) < 1e-12, $"a certain coincidence has no spread: Var = {sampleVar:G3}");
                    continue;
                }

                var kurtosis = (1 - (6 * pq * (1 - pq))) / (bitLength * pq * (1 - pq));
                var sd = variance * Math.Sqrt((2.0 / (trials - 1)) + (kurtosis / trials));
                Assert.True(Math.Abs(sampleVar - variance) < 5 * sd, $"BL {bitLength}: Var ΔW[{j},{i}] = {sampleVar:G5}, Gokmen-Vlasov {variance:G5} ± {5 * sd:G3}");
            }
        }
    }

    [Fact]
    public void Pulse_count_mode_applies_the_rounded_number_of_pulses()
    {
        const double eta = 0.37, dw = 0.01;
        var device = new PulsedDevice(DeviceResponseKind.ConstantStep, dw, -10, 10);
        var tile = new AnalogTile(D.Length, X.Length, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(1L));
        tile.ApplyUpdate(X, D, eta);
        for (var j = 0; j < D.Length; j++)
        {
            for (var i = 0; i < X.Length; i++)
            {
                var n = Math.Round(eta * X[i] * D[j] / dw, MidpointRounding.AwayFromZero);
                Assert.Equal(n * dw, tile[j, i], 12);
            }
        }

        Assert.Equal((long)X.Sum(x => D.Sum(d => Math.Abs(Math.Round(eta * x * d / dw, MidpointRounding.AwayFromZero)))), tile.PulseCount);
    }

    public static TheoryData<string, double, bool, double> Responses => new()
    {
        // preset, w, up, expected step with dw_min = 0.01 on [-1, 1]
        { "constant_step", 0.7, true, 0.01 },
        { "constant_step", -0.4, false, 0.01 },
        { "soft_bounds", 0.5, true, 0.01 * (1 - 0.5) },
        { "soft_bounds", 0.5, false, 0.01 * (1 - (0.5 / -1)) },
        { "soft_bounds", -0.25, false, 0.01 * (1 - 0.25) },
        { "linear_step", 0.4, true, 0.01 * (1 - (0.5 * 0.4)) },
        { "linear_step", 0.4, false, 0.01 * (1 + (0.5 * 0.4)) },
        { "exp_step", 0.2, true, 0.01 * (1 - (0.1 * Math.Exp(2 * 0.6))) },
        { "exp_step", 0.2, false, 0.01 * (1 - (0.1 * Math.Exp(2 * 0.4))) },
        { "pow_step", 0.2, true, 0.01 * Math.Pow(0.8, 1.5) },
        { "pow_step", 0.2, false, 0.01 * Math.Pow(1.2, 1.5) },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public void Each_preset_steps_by_its_formula(string preset, double w, bool up, double expected)
    {
        var device = PulsedDevice.Preset(preset, 0.01)!;
        Assert.Equal(expected, device.Step(w, up, 0.01, 0.01, -1, 1), 12);
        var tile = new AnalogTile(1, 1, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(3L));
        tile[0, 0] = w;
        tile.ApplyPulses(0, 0, up, 1);
        Assert.Equal(up ? w + expected : w - expected, tile[0, 0], 12);
    }

    [Fact]
    public void Asymmetry_scales_the_up_and_down_steps()
    {
        var device = new PulsedDevice(DeviceResponseKind.ConstantStep, 0.01, -1, 1) { UpDown = 0.2 };
        var tile = new AnalogTile(1, 1, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(3L));
        Assert.Equal((0.012, 0.008), (Math.Round(tile.Steps(0, 0).Up, 12), Math.Round(tile.Steps(0, 0).Down, 12)));
    }

    [Fact]
    public void Soft_bounds_saturate_at_w_max_and_w_min()
    {
        var device = PulsedDevice.Preset("soft_bounds", 0.01)! with { WMin = -0.6, WMax = 0.8 };
        var tile = new AnalogTile(1, 1, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(3L));
        var last = 0.0;
        for (var k = 0; k < 3000; k++)
        {
            tile.ApplyPulses(0, 0, true, 1);
            Assert.True(tile[0, 0] >= last && tile[0, 0] <= 0.8);
            last = tile[0, 0];
        }

        Assert.Equal(0.8, tile[0, 0], 6);
        tile.ApplyPulses(0, 0, false, 5000);
        Assert.Equal(-0.6, tile[0, 0], 6);
        Assert.True(tile[0, 0] >= -0.6);
    }

    [Fact]
    public void Device_to_device_spread_and_cycle_noise_vary_the_steps()
    {
        var device = PulsedDevice.Preset("constant_step", 0.01)! with { DwMinDtoD = 0.3, CycleToCycle = 0.5 };
        var tile = new AnalogTile(4, 4, device, new PulseUpdate(UpdateMode.PulseCount), new RandomStream(5L));
        var steps = Enumerable.Range(0, 16).Select(k => tile.Steps(k / 4, k % 4).Up).ToArray();
        Assert.True(steps.Max() - steps.Min() > 0.003, "device-to-device spread of dw_min");
        var seen = new HashSet<double>();
        for (var k = 0; k < 5; k++)
        {
            var before = tile[0, 0];
            tile.ApplyPulses(0, 0, true, 1);
            seen.Add(Math.Round(tile[0, 0] - before, 12));
        }

        Assert.True(seen.Count > 1, "cycle-to-cycle noise changes each step");
    }
}
