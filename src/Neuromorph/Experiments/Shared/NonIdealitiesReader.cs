using Neuromorph.Crossbars;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Experiments.Shared;

/// <summary>Reads the <c>nonidealities:</c> section a crossbar substrate shares with every experiment that puts weights on crossbars.</summary>
public static class NonIdealitiesReader
{
    private static readonly string[] VariabilityKeys = ["on", "distribution", "sigma"];

    private static readonly string[] NonIdealKeys = ["variability", "distribution", "programming_noise", "preset", "stuck_lrs", "stuck_hrs", "drift_nu", "drift_time", "drift_t0", "read_noise", "dac_bits", "dac_range", "adc_bits", "adc_range", "nonlinearity"];

    /// <summary>Converter widths: 0 (ideal) up to the widest a double resolves exactly.</summary>
    private static readonly NumberRange ConverterBits = NumberRange.Between(0, DataConverter.MaxBits);

    /// <summary>Relative spreads σ (variability, read noise): beyond 10 (1000 %) a draw overflows or means nothing.</summary>
    private static readonly NumberRange RelativeSpread = NumberRange.Between(0, 10);

    private static readonly string BitsHint = $"converter resolution in bits: 1 to {DataConverter.MaxBits}, or 0 for an ideal converter";

    /// <summary>Reads a <c>nonidealities:</c> section (absent: none).</summary>
    public static NonIdealities Read(YamlSection? s)
    {
        if (s is null)
        {
            return new NonIdealities();
        }

        s.RejectUnknownKeys(NonIdealKeys);
        var preset = s.GetString("preset", "none").ToLowerInvariant();
        if (preset is not ("none" or "pcm"))
        {
            throw s.Error("preset", $"unknown preset '{preset}'", "use pcm (IBM's PCM statistical model) or leave it out");
        }

        var stuckLrs = s.GetDouble("stuck_lrs", 0, NumberRange.Fraction, "the fraction of devices stuck at g_max");
        var stuckHrs = s.GetDouble("stuck_hrs", 0, NumberRange.Fraction, "the fraction of devices stuck at g_min");
        if (stuckLrs + stuckHrs > 1)
        {
            throw s.Error("stuck_hrs", $"stuck_lrs + stuck_hrs = {stuckLrs + stuckHrs} is more than all the devices", "the two fractions together must not exceed 1");
        }

        var (sigma, target, distribution) = ReadVariability(s);
        return new NonIdealities
        {
            Variability = sigma,
            VariabilityOn = target,
            VariabilityDistribution = distribution,
            ProgrammingNoise = s.GetDouble("programming_noise", 0, NumberRange.NonNegative, "an absolute σ in siemens, e.g. 0.5u"),
            PcmModel = preset == "pcm",
            StuckAtLrs = stuckLrs,
            StuckAtHrs = stuckHrs,
            DriftNu = s.GetDouble("drift_nu", 0, NumberRange.Between(0, 1), "the drift exponent ν of G(t) = G0 (t/t0)^-ν; PCM devices drift with ν ≈ 0.05"),
            DriftTime = s.GetDouble("drift_time", 0, NumberRange.NonNegative, "seconds since programming"),
            DriftT0 = s.GetDouble("drift_t0", 20, NumberRange.Positive, "the drift reference time in seconds (aihwkit: 20)"),
            ReadNoise = s.GetDouble("read_noise", 0, RelativeSpread, "a relative σ per read, e.g. 0.01"),
            DacBits = s.GetInt("dac_bits", 0, ConverterBits, BitsHint),
            DacRange = s.GetDouble("dac_range", 1, NumberRange.Positive, "the DAC full scale in volts"),
            AdcBits = s.GetInt("adc_bits", 0, ConverterBits, BitsHint),
            AdcRange = s.GetDouble("adc_range", 0, NumberRange.NonNegative, "the ADC full scale in amperes; 0 or absent = the largest ideal output"),
            Nonlinearity = s.GetDouble("nonlinearity", 0, NumberRange.NonNegative, "the I–V nonlinearity k in 1/V (0 = linear)"),
        };
    }

    /// <summary>
    /// <c>variability: 0.05</c> with <c>distribution:</c> beside it (spread of the conductance), or
    /// <c>variability: { on: conductance | ron | roff | both, distribution: normal | lognormal, sigma: 0.05 }</c>.
    /// </summary>
    private static (double Sigma, VariabilityTarget On, VariabilityDistribution Distribution) ReadVariability(YamlSection s)
    {
        if (!s.Has("variability"))
        {
            return (0, VariabilityTarget.Conductance, Distribution(s));
        }

        if (s.Find("variability") is YamlScalarNode)
        {
            return (Sigma(s, "variability"), VariabilityTarget.Conductance, Distribution(s));
        }

        var v = s.GetSection("variability");
        v.RejectUnknownKeys(VariabilityKeys);
        if (s.Has("distribution"))
        {
            throw s.Error("distribution", "distribution is given twice", "with variability: { ... } put distribution inside it");
        }

        var on = v.GetString("on", "conductance").ToLowerInvariant() switch
        {
            "conductance" or "g" => VariabilityTarget.Conductance,
            "ron" or "r_on" => VariabilityTarget.Ron,
            "roff" or "r_off" => VariabilityTarget.Roff,
            "both" => VariabilityTarget.Both,
            var t => throw v.Error("on", $"unknown variability target '{t}'", "use conductance, ron, roff or both (ron and roff drawn independently)"),
        };
        return (Sigma(v, "sigma"), on, Distribution(v));
    }

    private static double Sigma(YamlSection s, string key) => s.GetDouble(key, RelativeSpread, "the variability sigma: a relative spread such as 0.05");

    private static VariabilityDistribution Distribution(YamlSection s) => s.GetString("distribution", "lognormal").ToLowerInvariant() switch
    {
        "normal" => VariabilityDistribution.Normal,
        "lognormal" => VariabilityDistribution.Lognormal,
        var d => throw s.Error("distribution", $"unknown distribution '{d}'", "use normal or lognormal"),
    };
}
