using System.Globalization;
using Neuromorph.Crossbars;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// A write-verify pulse steps the device's lane with the lanes' clamped RK4 (LaneTransient.Step). Where a stage of a
/// step reaches an end of the programming range, that RK4 holds the rate there at 0 (the circuit engine's hold), where
/// the pulse's own RK4 before it used the outward rate: the two differ only when the pulse ends in the very step in
/// which the state reaches the end (13 of 11 172 pulses aimed at that step on the catalog's devices, by at most 2.4e-5
/// of the range; write-verify's own results did not change). The new result agrees
/// with an independent fine-step reference (<see cref="RungeKutta4"/>, 2000 steps of the rate at the clamped state,
/// the end state clamped) to 5e-5 of the range at those pulses and everywhere else.
/// </summary>
public class WriteVerifyPulseTests
{
    public static TheoryData<string> Models => [.. MemristorCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Pulses_agree_with_a_fine_step_reference_also_where_they_end_at_the_end_of_the_range(string model)
    {
        var device = MemristorCatalog.Create(model, new Dictionary<string, double>(), SourceLocation.None);
        var (low, high) = device.ProgrammingRange;
        var span = high - low;
        var (worst, pulses, atAnEnd) = (0.0, 0, 0);
        foreach (var f in new[] { 0.0095, 0.3, 0.9905 })
        {
            foreach (var v in new[] { -1.5, -1, -0.5, 0.5, 1, 1.5 })
            {
                var x0 = low + (f * span);
                var rate = device.Evaluate(v, x0).StateRate;
                if (rate == 0)
                {
                    continue; // below a threshold: nothing moves
                }

                var toEnd = (rate > 0 ? high - x0 : x0 - low) / Math.Abs(rate); // at the starting rate
                foreach (var r in new[] { 0.3, 0.7, 0.9, 1.05, 3 })
                {
                    var width = r * toEnd;
                    var fine = RungeKutta4.Integrate((t, y, dy) => dy[0] = device.Evaluate(v, Math.Clamp(y[0], low, high)).StateRate, 0, [x0], width, 2000);
                    var reference = Math.Clamp(fine.Final[0], low, high);
                    var error = Math.Abs(WriteVerify.Pulse(device, x0, v, width) - reference) / span;
                    worst = Math.Max(worst, error);
                    pulses++;
                    atAnEnd += reference == low || reference == high ? 1 : 0;
                }
            }
        }

        Assert.True(pulses >= 30, $"{model}: only {pulses} pulses move the state");
        Assert.True(worst <= 5e-5, string.Create(CultureInfo.InvariantCulture, $"{model}: a pulse is {worst:E2} of the range from the fine-step reference ({pulses} pulses, {atAnEnd} ending at an end of the range)"));
    }
}
