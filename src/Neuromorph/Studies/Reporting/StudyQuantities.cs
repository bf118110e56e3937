namespace Neuromorph.Studies.Reporting;

/// <summary>
/// What a study's plots know about its numbers from their definitions alone: the unit of a parameter (from its key,
/// e.g. <c>parameters.roff</c> in Ω, <c>drive.pulse.width</c> in s) and of a metric (a crossing is a time in s; a
/// waveform metric has its signal's unit: v/vm in V, i in A, r in Ω), and the range a metric cannot leave (a rate, a
/// fraction, a probability or an accuracy lies in [0, 1]; an error, a time, an RMS or a resistance is at least 0), to
/// which a ±std band is clipped. Unknown names get no unit and no range.
/// </summary>
public static class StudyQuantities
{
    private static readonly HashSet<string> Ohms = ["r", "rs", "ron", "roff", "rinit", "resistance", "series_resistance", "r_wire", "rwire", "wire_resistance", "rload", "r_load"];
    private static readonly HashSet<string> Seconds = ["t", "time", "stop", "tstop", "delay", "rise", "fall", "width", "period", "times", "dt", "tau", "td", "tr", "tf", "pw", "per", "duration", "t_end", "time_s", "time_to_best", "t_half"];
    private static readonly HashSet<string> Volts = ["v", "vm", "amp", "amplitude", "offset", "v1", "v2", "von", "voff", "vdd", "vread", "v_read", "vset", "vreset", "vth", "values", "dc", "vt"];
    private static readonly HashSet<string> Hertz = ["frequency", "freq", "f"];
    private static readonly HashSet<string> Unit01 = ["probability", "fraction", "accuracy", "ber", "bit_error_rate", "error_rate", "success_rate", "success_probability"];
    private static readonly HashSet<string> NonNegativeWords = ["rate", "error", "mse", "nrmse", "rmse", "rms", "capacity", "percent", "gap", "time", "period", "epochs", "count"];

    /// <summary>The unit of a varied parameter, from the last part of its key path; "" when not known.</summary>
    public static string UnitOf(ParameterAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var name = LastPart(axis.Key);
        return Ohms.Contains(name) || name.EndsWith("_resistance", StringComparison.Ordinal) ? "Ω"
            : Seconds.Contains(name) || name.EndsWith("_time", StringComparison.Ordinal) ? "s"
            : Volts.Contains(name) || name.EndsWith("_voltage", StringComparison.Ordinal) ? "V"
            : Hertz.Contains(name) ? "Hz"
            : "";
    }

    /// <summary>The unit of a metric: s for a crossing time, its signal's unit for a waveform metric, else from its name.</summary>
    public static string UnitOf(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.Kind == MetricKind.Cross)
        {
            return "s";
        }

        if (metric.Kind != MetricKind.Value)
        {
            var signal = metric.Signal.ToLowerInvariant();
            var head = signal.Split('(')[0];
            return head switch
            {
                "v" or "vm" or "vd" => "V",
                "i" => "A",
                "r" => "Ω",
                "p" => "W",
                _ => "",
            };
        }

        var value = metric.Signal.ToLowerInvariant();
        return Seconds.Contains(value) || value.EndsWith("_s", StringComparison.Ordinal) ? "s" : "";
    }

    /// <summary>The range a metric cannot leave, (−∞, ∞) when nothing is known.</summary>
    public static (double Low, double High) RangeOf(MetricSpec metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var names = new[] { metric.Name.ToLowerInvariant(), metric.Kind == MetricKind.Value ? metric.Signal.ToLowerInvariant() : "" };
        var words = names.SelectMany(n => n.Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries)).ToHashSet();
        if (names.Any(Unit01.Contains) || words.Any(Unit01.Contains) || (words.Contains("error") && words.Contains("rate")))
        {
            return (0, 1);
        }

        var unit = UnitOf(metric);
        var nonNegative = metric.Kind is MetricKind.Cross or MetricKind.Rms
            || (metric.Kind != MetricKind.Value && unit == "Ω")
            || words.Any(NonNegativeWords.Contains)
            || (metric.Kind == MetricKind.Value && unit == "s");
        return nonNegative ? (0, double.PositiveInfinity) : (double.NegativeInfinity, double.PositiveInfinity);
    }

    private static string LastPart(string key)
    {
        var last = key.Split('.')[^1].ToLowerInvariant();
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket >= 0 ? last[..bracket] : last;
    }
}
