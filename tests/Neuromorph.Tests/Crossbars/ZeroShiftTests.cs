using Neuromorph.Crossbars.Training;
using Neuromorph.Experiments.AnalogTraining;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Support;
using Xunit.Abstractions;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// Zero-shifting (Kim, Rasch, Gokmen et al., "Zero-shifting technique for deep neural network training on resistive
/// cross-point arrays", 2019): alternating up/down pulses walk every device to its symmetry point, where its up and
/// down steps are equal; that point, stored as the fast tile's reference, reads as zero.
/// </summary>
public class ZeroShiftTests(ITestOutputHelper output)
{
    [Fact]
    public void Symmetric_pulses_walk_each_soft_bounds_device_to_its_analytic_symmetry_point()
    {
        // soft bounds: Δw_up(1 − w/w_max) = Δw_down(1 − w/w_min) at w* = (Δw_down − Δw_up) / (Δw_down/w_min − Δw_up/w_max),
        // per device with its own drawn steps and bounds
        var device = new PulsedDevice(DeviceResponseKind.SoftBounds, 0.002, -1, 1) { UpDown = 0.3, UpDownDtoD = 0.1, BoundsDtoD = 0.2, DwMinDtoD = 0.2 };
        var tile = new AnalogTile(6, 9, device, new PulseUpdate(UpdateMode.Stochastic), new RandomStream(4));
        var reached = tile.ApplySymmetricPulses(4000);
        var worst = 0.0;
        for (var r = 0; r < tile.Rows; r++)
        {
            for (var c = 0; c < tile.Cols; c++)
            {
                var (up, down) = tile.Steps(r, c);
                var (lo, hi) = tile.Bounds(r, c);
                var star = (down - up) / ((down / lo) - (up / hi));
                worst = Math.Max(worst, Math.Abs(reached[(r * tile.Cols) + c] - star) / up);
            }
        }

        output.WriteLine($"largest distance from w*: {worst:F2} up-steps");
        Assert.True(worst < 1.5, $"a device ended {worst:F2} up-steps from its symmetry point");
        Assert.Equal(6 * 9 * 4000 * 2, tile.PulseCount);
    }

    [Fact]
    public void A_vteam_device_ends_where_its_physical_set_and_reset_steps_are_equal()
    {
        var response = new PhysicalResponse(PhysicalResponseTests.Vteam(), PhysicalResponseTests.SetPulse, PhysicalResponseTests.ResetPulse, points: 401);
        var device = PulsedDevice.Physical(response);
        var tile = new AnalogTile(1, 3, device, new PulseUpdate(UpdateMode.Stochastic), new RandomStream(1));
        var reached = tile.ApplySymmetricPulses(3000);

        // the root of Δw_up(w) − Δw_down(w) by bisection on the device's own step function
        double Gap(double w) => device.Step(w, true, device.DwMin, device.DwMin, -1, 1) - device.Step(w, false, device.DwMin, device.DwMin, -1, 1);
        double a = -1, b = 1;
        Assert.True(Gap(a) > 0 && Gap(b) < 0, "no symmetry point inside the range");
        for (var i = 0; i < 60; i++)
        {
            var m = (a + b) / 2;
            (a, b) = Gap(m) > 0 ? (m, b) : (a, m);
        }

        var step = device.Step(a, true, device.DwMin, device.DwMin, -1, 1);
        output.WriteLine($"VTEAM symmetry point {a:F4}; reached {string.Join(", ", reached.Select(v => v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}; step there {step:G3}");
        Assert.All(reached, w => Assert.True(Math.Abs(w - a) < 2 * step, $"reached {w}, symmetry point {a}"));
    }

    [Fact]
    public void The_fast_tile_reads_as_zero_after_zero_shifting_so_the_layer_holds_the_programmed_weights()
    {
        var device = new PulsedDevice(DeviceResponseKind.SoftBounds, 0.002, -1, 1) { UpDown = 0.4 };
        var training = new TileTraining(TrainingAlgorithm.TikiTaka, device, new PulseUpdate(UpdateMode.Stochastic), new TikiTakaSettings(Gamma: 1, ZeroShiftPulses: 3000));
        var layer = new AnalogLayer(3, 4, training, 1, 10);
        var w = Enumerable.Range(0, 12).Select(k => (k - 6) / 10.0).ToArray();
        layer.Program(w);
        Assert.NotNull(layer.FastReference);
        Assert.All(layer.FastReference!, a => Assert.InRange(a, 0.35, 0.45)); // w* = up_down for symmetric bounds
        Assert.Equal(w, layer.Effective());
        var x = new[] { 0.3, -0.2, 0.5, 1.0 };
        var y = new double[3];
        layer.Forward(x, y);
        for (var r = 0; r < 3; r++)
        {
            Assert.Equal(Enumerable.Range(0, 4).Sum(c => w[(r * 4) + c] * x[c]), y[r], 1e-12);
        }
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Zero_shifting_lets_tiki_taka_v2_train_on_vteam_devices()
    {
        // Tiki-Taka v2 on the VTEAM example (5 epochs on the digits, seeds 1 to 3), transfer_learning_rate 1, with and without
        // zero-shifting: VTEAM's symmetry point is near w = −1, so without it A's drift towards it is transferred as if
        // it were gradient. Measured (seeds 1 / 2 / 3): 76.6 / 72.3 / 49.9 % without, 84.4 / 82.6 / 82.9 % with 3000
        // pulse pairs.
        double Accuracy(string zeroShift, int seed)
        {
            var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "circuits", "analog_training_vteam.yaml"))
                .Replace("algorithm: analog_sgd", "algorithm: tiki_taka_v2", StringComparison.Ordinal)
                .Replace("seed: 1", $"tiki_taka: {{ transfer_learning_rate: 1{zeroShift} }}\nseed: {seed}", StringComparison.Ordinal);
            var file = Path.Combine(RepoPaths.Root, "circuits", "analog_training_vteam.yaml");
            var input = AnalogTrainingSpecReader.Read(YamlSection.Parse(yaml, file));
            var (f, l) = DigitsData.Read(input.DataPath, input.Scale);
            var (train, test) = DigitsData.Split(f, l, input.TrainSamples);
            return AnalogTrainer.Train(input.Spec, train, test).TestAccuracy[^1];
        }

        // seeds 1 to 3: the gain varies with the seed (7.8 to 33 points measured), so its mean is asserted, and that
        // every seed gains and trains above 80 % with zero-shifting
        var gains = new List<double>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var without = Accuracy("", seed);
            var with = Accuracy(", zero_shift: 3000", seed);
            output.WriteLine($"Tiki-Taka v2 on VTEAM, seed {seed}: {without:P1} without zero-shifting, {with:P1} with");
            Assert.True(with > without, $"seed {seed}: with {with:P1}, without {without:P1}");
            Assert.True(with > 0.8, $"seed {seed}: with zero-shifting {with:P1}");
            gains.Add(with - without);
        }

        Assert.True(gains.Average() > 0.08, $"mean gain {gains.Average():P1}");
    }
}
