using Neuromorph.Circuits.Elements.Sources;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Devices.Transients;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Devices;

/// <summary>The kernel form of a drive gives the circuit engine's source value at every time, and finds its corners.</summary>
public class DriveWaveformTests
{
    [Fact]
    public void Drives_match_the_circuit_engine_sources_everywhere()
    {
        var rng = new RandomStream(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var (spec, drive) = (trial % 3) switch
            {
                0 => Pulse(rng),
                1 => Sin(rng),
                _ => Pwl(rng),
            };
            for (var k = 0; k < 200; k++)
            {
                var t = rng.NextDouble(-0.1, 3);
                Assert.Equal(Waveform.Value(spec, 0, t), drive.At(t), 14);
            }
        }
    }

    [Fact]
    public void Breakpoints_are_the_corners_in_order()
    {
        var pulse = DriveWaveform.Pulse(0, 1, 0.1, 0.01, 0.02, 0.5, 1);
        var corners = new List<double>();
        for (var t = 0.0; t < 2.2 && corners.Count < 20;)
        {
            t = pulse.NextBreakpoint(t);
            corners.Add(t);
        }

        Assert.Equal([0.1, 0.11, 0.61, 0.63, 1.1, 1.11, 1.61, 1.63, 2.1], corners.Take(9).Select(c => Math.Round(c, 12)));
        var pwl = DriveWaveform.Pwl([0, 0.2, 0.6, 1], [0, 1, -1, 0]);
        Assert.Equal(0.2, pwl.NextBreakpoint(0));
        Assert.Equal(0.6, pwl.NextBreakpoint(0.2));
        Assert.Equal(double.PositiveInfinity, pwl.NextBreakpoint(1));
        Assert.Equal(double.PositiveInfinity, DriveWaveform.Sin(0, 1, 50).NextBreakpoint(0));
        Assert.Throws<ArgumentException>(() => DriveWaveform.Pwl([0, 1, 0.5], [0, 1, 2]));
    }

    private static (WaveformSpec, DriveWaveform) Pulse(RandomStream r)
    {
        double v1 = r.NextDouble(-1, 1), v2 = r.NextDouble(-1, 1), td = r.NextDouble(0, 0.5), tr = r.NextDouble(1e-3, 0.2), tf = r.NextDouble(1e-3, 0.2), pw = r.NextDouble(0, 0.5);
        var per = r.Next(2) == 0 ? 0 : tr + tf + pw + r.NextDouble(0, 0.5);
        return (new PulseSpec(v1, v2, td, tr, tf, pw, per), DriveWaveform.Pulse(v1, v2, td, tr, tf, pw, per));
    }

    private static (WaveformSpec, DriveWaveform) Sin(RandomStream r)
    {
        double vo = r.NextDouble(-1, 1), va = r.NextDouble(0, 2), f = r.NextDouble(0.1, 10), td = r.NextDouble(0, 0.5), theta = r.NextDouble(0, 2), phase = r.NextDouble(-90, 90);
        return (new SinSpec(vo, va, f, td, theta, phase), DriveWaveform.Sin(vo, va, f, td, theta, phase));
    }

    private static (WaveformSpec, DriveWaveform) Pwl(RandomStream r)
    {
        var n = 1 + r.Next(DriveWaveform.MaxPoints);
        var times = new double[n];
        var values = new double[n];
        for (var k = 0; k < n; k++)
        {
            times[k] = k == 0 ? r.NextDouble(0, 0.3) : times[k - 1] + (r.Next(5) == 0 ? 0 : r.NextDouble(0.01, 0.5));
            values[k] = r.NextDouble(-2, 2);
        }

        return (new PwlSpec(times, values), DriveWaveform.Pwl(times, values));
    }
}
