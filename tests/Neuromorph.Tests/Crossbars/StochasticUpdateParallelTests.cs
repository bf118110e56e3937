using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// The stochastic update draws every line's bit stream and every row's cycle-to-cycle noise from its own counter-based
/// stream, so on a tile large enough to run in parallel the weights do not depend on the number of threads.
/// </summary>
public sealed class StochasticUpdateParallelTests
{
    public static TheoryData<string, bool> Cases => new()
    {
        { "soft_bounds", false },
        { "constant_step", false },
        { "vteam", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_and_two_threads_give_the_same_weights(string device, bool halfSelect)
    {
        const int rows = 128, cols = 160;
        Assert.True(rows * cols >= AnalogTile.ParallelDevices);
        var model = device == "vteam"
            ? PulsedDevice.Physical(new PhysicalResponse(PhysicalResponseTests.Vteam(), PhysicalResponseTests.SetPulse, PhysicalResponseTests.ResetPulse, points: 201))
            : PulsedDevice.Preset(device, 0.01)!;
        model = model with { CycleToCycle = 0.3, DwMinDtoD = 0.2 };
        var update = new PulseUpdate(UpdateMode.Stochastic, 31) { HalfSelect = halfSelect };
        var serial = new AnalogTile(rows, cols, model, update, new RandomStream(17L)) { MaxDegreeOfParallelism = 1 };
        var parallel = new AnalogTile(rows, cols, model, update, new RandomStream(17L)) { MaxDegreeOfParallelism = 2 };
        var rng = new RandomStream(3L);
        for (var t = 0; t < 4; t++)
        {
            // some zero inputs and errors, as after a ReLU
            var x = Enumerable.Range(0, cols).Select(_ => rng.NextDouble() < 0.2 ? 0 : rng.NextDouble(-1, 1)).ToArray();
            var d = Enumerable.Range(0, rows).Select(_ => rng.NextDouble() < 0.2 ? 0 : rng.NextDouble(-0.1, 0.1)).ToArray();
            serial.ApplyUpdate(x, d, 0.05);
            parallel.ApplyUpdate(x, d, 0.05);
        }

        Assert.True(serial.PulseCount > 0);
        Assert.Equal(serial.PulseCount, parallel.PulseCount);
        Assert.Equal(serial.Weights(), parallel.Weights());
    }
}
