using YamlDotNet.RepresentationModel;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Spiking;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Lsm;

/// <summary>Reads <c>kind: lsm</c> files (docs/lsm.md) into an <see cref="LsmSpec"/>; every bad value is a located error.</summary>
public static class LsmSpecReader
{
    private static readonly string[] Keys = ["kind", "experiment", "liquid", "neuron", "synapses", "input", "data", "readout", "raster_steps", "seed"];

    /// <summary>Reads the root; <paramref name="seedOverride"/> (a sweep's seed) replaces the file's seed.</summary>
    public static LsmSpec Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var seed = seedOverride is long o ? (ulong)o : (ulong)root.GetLong("seed", 1);
        var data = root.TryGetSection("data") ?? throw root.Error("data", "missing 'data:' section", "e.g. data: { task: narma10, length: 2000 }");
        var task = TaskSpecReader.Read(data, seed);
        if (task.HasSeparateSequences)
        {
            throw data.Error("task", "a liquid is driven by one long series; the adding problem and sine generation have separate sequences", "use sine, mackey_glass, narma10, delayed_copy or csv");
        }

        var liquid = new LiquidSpec { Seed = seed };
        if (root.TryGetSection("liquid") is { } l)
        {
            liquid = ReadLiquid(l, liquid);
        }

        if (root.TryGetSection("neuron") is { } n)
        {
            liquid = liquid with { Neuron = ReadNeuron(n) };
        }

        if (root.TryGetSection("synapses") is { } s)
        {
            liquid = ReadSynapses(s, liquid);
        }

        if (root.TryGetSection("input") is { } i)
        {
            liquid = ReadInput(i, liquid);
        }

        var spec = new LsmSpec { Liquid = liquid, Task = task, Seed = seed, WashoutLocation = root.LocationOf("readout"), RasterSteps = SpecValues.Count(root, "raster_steps", 30, 0), StdpAfterWashout = StdpAfterWashout(root) };
        if (root.TryGetSection("readout") is { } ro)
        {
            ro.RejectUnknownKeys("features", "tau", "ridge", "washout", "include_input");
            spec = spec with
            {
                Liquid = spec.Liquid with
                {
                    Features = (LiquidFeatures)SpecValues.Choice(ro, "features", "traces", "traces", "counts"),
                    ReadoutTau = SpecValues.Positive(ro, "tau", spec.Liquid.ReadoutTau),
                },
                Ridge = ro.Has("ridge") && IsChoice(ro) ? spec.Ridge : SpecValues.NonNegative(ro, "ridge", spec.Ridge),
                RidgeCandidates = RidgeCandidates(ro),
                Washout = SpecValues.Count(ro, "washout", spec.Washout, 0),
                IncludeInput = ro.GetBool("include_input", true),
                WashoutLocation = ro.LocationOf("washout"),
            };
        }

        return spec;
    }

    /// <summary>ridge: auto (the grid of <see cref="LsmSpec.AutoRidge"/>) or a list of λ ≥ 0 to choose from; null for one number.</summary>
    private static IReadOnlyList<double>? RidgeCandidates(YamlSection ro)
    {
        if (!ro.Has("ridge") || !IsChoice(ro))
        {
            return null;
        }

        if (ro.Find("ridge") is YamlSequenceNode)
        {
            var values = ro.GetDoubleList("ridge");
            if (values.Length == 0 || values.Any(v => !(v >= 0) || !double.IsFinite(v)))
            {
                throw ro.Error("ridge", "a ridge list needs one or more finite λ ≥ 0 to choose from", "e.g. ridge: [1e-4, 1e-2, 1], or ridge: auto");
            }

            return values;
        }

        return LsmSpec.AutoRidge;
    }

    private static bool IsChoice(YamlSection ro) => ro.Find("ridge") switch
    {
        YamlSequenceNode => true,
        YamlScalarNode { Value: { } v } => string.Equals(v, "auto", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static LiquidSpec ReadLiquid(YamlSection l, LiquidSpec d)
    {
        l.RejectUnknownKeys("neurons", "excitatory_fraction", "connectivity", "background_current", "background_spread", "tau_syn_excitatory", "tau_syn_inhibitory",
            "tau_syn_spread", "excitatory_weight", "inhibitory_weight", "step_duration", "dt", "seed");
        var spec = d with
        {
            Neurons = SpecValues.Count(l, "neurons", d.Neurons),
            ExcitatoryFraction = SpecValues.InRange(l, "excitatory_fraction", d.ExcitatoryFraction, 0, 1),
            Connectivity = SpecValues.InRange(l, "connectivity", d.Connectivity, 0, 1),
            BackgroundCurrent = Finite(l, "background_current", d.BackgroundCurrent),
            BackgroundSpread = SpecValues.NonNegative(l, "background_spread", d.BackgroundSpread),
            TauSynExcitatory = SpecValues.Positive(l, "tau_syn_excitatory", d.TauSynExcitatory),
            TauSynInhibitory = SpecValues.Positive(l, "tau_syn_inhibitory", d.TauSynInhibitory),
            TauSynSpread = SpecValues.NonNegative(l, "tau_syn_spread", d.TauSynSpread),
            ExcitatoryWeight = SpecValues.NonNegative(l, "excitatory_weight", d.ExcitatoryWeight),
            InhibitoryWeight = SpecValues.NonNegative(l, "inhibitory_weight", d.InhibitoryWeight),
            StepDuration = SpecValues.Positive(l, "step_duration", d.StepDuration),
            Dt = SpecValues.Positive(l, "dt", d.Dt),
            Seed = (ulong)l.GetLong("seed", (long)d.Seed),
        };
        if (spec.Dt > spec.StepDuration)
        {
            throw l.Error("dt", $"the integration step dt = {spec.Dt} s is longer than an input step ({spec.StepDuration} s)", "lower dt or raise step_duration");
        }

        return spec;
    }

    private static LifParameters ReadNeuron(YamlSection n)
    {
        n.RejectUnknownKeys("tau_m", "v_rest", "v_reset", "v_threshold", "refractory", "resistance");
        var d = new LifParameters();
        var p = new LifParameters
        {
            TauM = SpecValues.Positive(n, "tau_m", d.TauM),
            VRest = Finite(n, "v_rest", d.VRest),
            VReset = Finite(n, "v_reset", d.VReset),
            VThreshold = Finite(n, "v_threshold", d.VThreshold),
            Refractory = SpecValues.NonNegative(n, "refractory", d.Refractory),
            Resistance = SpecValues.Positive(n, "resistance", d.Resistance),
        };
        if (!(p.VThreshold > p.VReset))
        {
            throw n.Error(n.Has("v_threshold") ? "v_threshold" : "v_reset", $"the spike threshold ({p.VThreshold} V) must lie above the reset potential ({p.VReset} V)", "raise v_threshold or lower v_reset");
        }

        return p;
    }

    private static LiquidSpec ReadSynapses(YamlSection s, LiquidSpec d)
    {
        s.RejectUnknownKeys("g_on", "g_off", "nominal", "sigma", "stdp");
        var device = new SynapseDevice
        {
            GOn = SpecValues.Positive(s, "g_on", d.Device.GOn),
            GOff = SpecValues.NonNegative(s, "g_off", d.Device.GOff),
            Nominal = SpecValues.InRange(s, "nominal", d.Device.Nominal, 0, 1),
            Sigma = SpecValues.NonNegative(s, "sigma", d.Device.Sigma),
        };
        if (!(device.GOff < device.GOn))
        {
            throw s.Error(s.Has("g_off") ? "g_off" : "g_on", $"g_off ({device.GOff} S) must lie below g_on ({device.GOn} S)");
        }

        StdpRule? stdp = null;
        if (s.TryGetSection("stdp") is { } p)
        {
            p.RejectUnknownKeys("a_plus", "a_minus", "tau_plus", "tau_minus", "during");
            var r = new StdpRule();
            stdp = new StdpRule
            {
                APlus = SpecValues.NonNegative(p, "a_plus", r.APlus),
                AMinus = SpecValues.NonNegative(p, "a_minus", r.AMinus),
                TauPlus = SpecValues.Positive(p, "tau_plus", r.TauPlus),
                TauMinus = SpecValues.Positive(p, "tau_minus", r.TauMinus),
            };
        }

        return d with { Device = device, Stdp = stdp };
    }

    /// <summary>Whether STDP stays on after the washout (<c>synapses.stdp.during: washout | all</c>).</summary>
    private static bool StdpAfterWashout(YamlSection root) =>
        root.TryGetSection("synapses")?.TryGetSection("stdp") is { } p && SpecValues.Choice(p, "during", "washout", "washout", "all") == 1;

    private static LiquidSpec ReadInput(YamlSection i, LiquidSpec d)
    {
        i.RejectUnknownKeys("coding", "neurons", "connectivity", "weight", "rate_scale", "current_scale");
        return d with
        {
            Coding = (InputCoding)SpecValues.Choice(i, "coding", "rate", "rate", "current"),
            InputNeurons = SpecValues.Count(i, "neurons", d.InputNeurons),
            InputConnectivity = SpecValues.InRange(i, "connectivity", d.InputConnectivity, 0, 1),
            InputWeight = SpecValues.NonNegative(i, "weight", d.InputWeight),
            RateScale = SpecValues.NonNegative(i, "rate_scale", d.RateScale),
            CurrentScale = Finite(i, "current_scale", d.CurrentScale),
        };
    }

    private static double Finite(YamlSection s, string key, double fallback)
    {
        var v = s.GetDouble(key, fallback);
        return double.IsFinite(v) ? v : throw s.Error(key, $"'{key}' must be a finite number, got {v}");
    }
}
