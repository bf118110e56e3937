using Neuromorph.Crossbars.Training;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// aihwkit's piecewise-step device: the step of one pulse is Δw_min^up (or down) times a factor interpolated linearly
/// between values given at evenly spaced weights from w_min to w_max. Checked against that definition computed by hand
/// here, on a device whose bounds are not symmetric, at the nodes, between them and at the bounds.
/// </summary>
public sealed class PiecewiseStepTests
{
    private static readonly PulsedDevice Device = PulsedDevice.Preset("piecewise_step", 0.01)! with
    {
        WMin = -0.5,
        WMax = 1.5,
        UpDown = 0.2,
        PiecewiseUp = [2.0, 1.0, 0.5, 0.0],
        PiecewiseDown = [0.0, 1.0, 3.0],
    };

    [Theory]
    // up: nodes at w = -0.5, 1/6, 5/6, 1.5 (z = 0, 1/3, 2/3, 1)
    [InlineData(-0.5, true, 2.0)]
    [InlineData(1.0 / 6, true, 1.0)]
    [InlineData(0.5, true, 0.75)]      // z = 1/2: halfway between 1.0 and 0.5
    [InlineData(1.5, true, 0.0)]
    [InlineData(-0.3, true, 1.7)]      // z = 0.1: 2 − 0.3 · 1
    // down: nodes at w = -0.5, 0.5, 1.5
    [InlineData(-0.5, false, 0.0)]
    [InlineData(0.0, false, 0.5)]
    [InlineData(1.0, false, 2.0)]
    [InlineData(1.5, false, 3.0)]
    public void The_step_is_the_interpolated_factor_times_the_directions_dw_min(double w, bool up, double factor)
    {
        // Δw_min^up = 0.01 · 1.2, Δw_min^down = 0.01 · 0.8
        var dw = up ? 0.012 : 0.008;
        Assert.Equal(dw * factor, Device.Step(w, up, 0.012, 0.008, -0.5, 1.5), 14);
    }

    [Fact]
    public void A_pulse_moves_by_the_step_and_stays_in_the_bounds()
    {
        Assert.Equal(0.5 + (0.012 * 0.75), Device.Pulse(0.5, true, 0.012, 0.008, -0.5, 1.5), 14);
        Assert.Equal(1.5 - 0.024, Device.Pulse(1.5, false, 0.012, 0.008, -0.5, 1.5), 14);
        Assert.Equal(-0.5, Device.Pulse(-0.5, false, 0.012, 0.008, -0.5, 1.5));
        // a step past a bound is clipped there
        Assert.Equal(1.0, PulsedDevice.Preset("piecewise_step", 0.01)!.Pulse(0.995, true, 0.01, 0.01, -1, 1));
    }

    [Fact]
    public void A_flat_table_is_the_constant_step()
    {
        var flat = PulsedDevice.Preset("piecewise_step", 0.01)!;
        var constant = PulsedDevice.Preset("constant_step", 0.01)!;
        foreach (var w in (double[])[-1, -0.37, 0, 0.5, 1])
        {
            Assert.Equal(constant.Step(w, true, 0.01, 0.01, -1, 1), flat.Step(w, true, 0.01, 0.01, -1, 1));
            Assert.Equal(constant.Step(w, false, 0.01, 0.01, -1, 1), flat.Step(w, false, 0.01, 0.01, -1, 1));
        }
    }
}
