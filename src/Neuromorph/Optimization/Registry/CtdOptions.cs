namespace Neuromorph.Optimization.Registry;

/// <summary>Options of the ctd solver: its time-dependent controls and integration time.</summary>
/// <param name="Controls">The controls (null: none, the exact embedding throughout).</param>
/// <param name="Time">Model time per restart in seconds (null: the solver's default).</param>
public sealed record CtdOptions(CtdControls? Controls, double? Time) : ISolverOptions<CtdOptions>
{
    /// <summary>The <c>ctd-schedule</c> setting: <c>alpha</c> (α(0)/α), <c>bias</c> (μ(0)/α), <c>ramp</c> (fraction of the time) and <c>time</c>.</summary>
    public static PairsSetting Schedule { get; } = new(
        "ctd-schedule",
        "time-dependent controls",
        [new("alpha", v => v > 0 && v <= 1), new("bias", _ => true), new("ramp", v => v > 0 && v <= 1), new("time", v => v > 0)],
        [("alpha", "0.1"), ("ramp", "0.8"), ("time", "30")],
        "alpha and ramp lie in (0, 1], time > 0 (seconds of model time)");

    /// <inheritdoc />
    public static IReadOnlyList<SolverSetting> Settings { get; } = [Schedule];

    /// <inheritdoc />
    public static CtdOptions From(SolverSettingValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Pairs(Schedule) is not { } pairs)
        {
            return new CtdOptions(null, null);
        }

        var c = new CtdControls();
        c = pairs.TryGetValue("alpha", out var alpha) ? c with { AlphaStart = alpha } : c;
        c = pairs.TryGetValue("bias", out var bias) ? c with { BiasStart = bias } : c;
        c = pairs.TryGetValue("ramp", out var ramp) ? c with { Ramp = ramp } : c;
        return new CtdOptions(c, pairs.TryGetValue("time", out var time) ? time : null);
    }
}
