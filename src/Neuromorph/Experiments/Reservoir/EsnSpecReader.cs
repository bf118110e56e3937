using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Reservoir;

/// <summary>Reads <c>kind: esn</c> files (docs/sequence.md) into an <see cref="EsnSpec"/>.</summary>
public static class EsnSpecReader
{
    private static readonly string[] Keys = ["kind", "experiment", "reservoir", "data", "readout", "mode", "generate_steps", "memory", "substrate", "periphery", "seed"];

    /// <summary>Reads the root; <paramref name="seedOverride"/> (a sweep's seed) replaces the file's seed.</summary>
    public static EsnSpec Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var seed = seedOverride is long o ? (ulong)o : (ulong)root.GetLong("seed", 1);
        var mode = (EsnMode)SpecValues.Choice(root, "mode", "predict", "predict", "generate", "memory_capacity");
        var data = root.TryGetSection("data");
        if (data is null && mode != EsnMode.MemoryCapacity)
        {
            throw root.Error("data", "missing 'data:' section", "e.g. data: { task: mackey_glass, length: 4000 }");
        }

        var task = data is null ? new TaskSpec { Kind = TaskKind.DelayedCopy, Seed = seed } : TaskSpecReader.Read(data, seed);
        if (task.HasSeparateSequences)
        {
            throw data!.Error("task", "a reservoir is driven by one long series; the adding problem and sine generation have separate sequences", "use sine, mackey_glass, narma10, delayed_copy or csv");
        }

        var r = root.TryGetSection("reservoir") ?? throw root.Error("reservoir", "missing 'reservoir:' section", "e.g. reservoir: { units: 300, spectral_radius: 0.9 }");
        var spec = new EsnSpec { Task = task, Mode = mode, Seed = seed, WashoutLocation = root.LocationOf("readout") };
        spec = SpecValues.Choice(r, "type", "echo_state", "echo_state", "memristive") == 0 ? ReadEcho(r, spec) : ReadMemristive(r, spec);
        if (root.TryGetSection("readout") is { } ro)
        {
            ro.RejectUnknownKeys("ridge", "washout", "include_input");
            spec = spec with { Ridge = SpecValues.NonNegative(ro, "ridge", 1e-8), Washout = SpecValues.Count(ro, "washout", 100, 0), IncludeInput = ro.GetBool("include_input", true), WashoutLocation = ro.LocationOf("washout") };
        }

        spec = spec with { GenerateSteps = SpecValues.Count(root, "generate_steps", 0, 0) };
        if (root.TryGetSection("memory") is { } m)
        {
            m.RejectUnknownKeys("max_delay", "train", "test");
            spec = spec with { Memory = (SpecValues.Count(m, "max_delay", 0, 0), SpecValues.Count(m, "train", 4000, 10), SpecValues.Count(m, "test", 2000, 10)) };
        }

        if (root.TryGetSection("substrate") is { } substrate)
        {
            if (spec.Echo is null)
            {
                throw root.Error("substrate", "a memristive reservoir is already hardware; crossbars hold the weights of an echo-state reservoir");
            }

            spec = spec with { Substrate = SubstrateSpecReader.Read(substrate) };
        }

        if (root.TryGetSection("periphery") is { } p)
        {
            spec = spec with { Periphery = PeripherySpecReader.Read(p) };
        }

        return spec;
    }

    private static EsnSpec ReadEcho(YamlSection r, EsnSpec spec)
    {
        r.RejectUnknownKeys("type", "units", "spectral_radius", "density", "topology", "input_scaling", "bias_scaling", "leak_rate", "activation", "seed");
        var leak = r.GetDouble("leak_rate", 1);
        if (!(leak is > 0 and <= 1))
        {
            throw r.Error("leak_rate", $"the leak rate must lie in (0, 1], got {leak}");
        }

        return spec with
        {
            Echo = new ReservoirSpec
            {
                Units = SpecValues.Count(r, "units", 100),
                SpectralRadius = SpecValues.NonNegative(r, "spectral_radius", 0.9),
                Density = SpecValues.InRange(r, "density", 0.1, 1e-6, 1),
                Topology = (ReservoirTopology)SpecValues.Choice(r, "topology", "random", "random", "orthogonal"),
                InputScaling = SpecValues.NonNegative(r, "input_scaling", 1),
                BiasScaling = SpecValues.NonNegative(r, "bias_scaling", 0),
                LeakRate = leak,
                Activation = (ReservoirActivation)SpecValues.Choice(r, "activation", "tanh", "tanh", "identity"),
                Seed = (ulong)r.GetLong("seed", (long)spec.Seed),
            },
        };
    }

    private static EsnSpec ReadMemristive(YamlSection r, EsnSpec spec)
    {
        r.RejectUnknownKeys("type", "devices", "model", "parameters", "pulse_width", "voltage_scale", "voltage_offset", "binary_mask", "virtual_nodes", "substeps", "decay_time", "rest_state", "read_voltage", "seed");
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (r.TryGetSection("parameters") is { } ps)
        {
            foreach (var key in ps.Keys)
            {
                parameters[key] = ps.GetDouble(key);
            }
        }

        return spec with
        {
            DeviceModel = r.GetString("model", "yakopcic"),
            DeviceParameters = parameters,
            DeviceLocation = r.LocationOf(r.Has("parameters") ? "parameters" : "model"),
            Memristive = new MemristiveReservoirSpec
            {
                Devices = SpecValues.Count(r, "devices", 30),
                PulseWidth = SpecValues.Positive(r, "pulse_width", 1e-3),
                VoltageScale = r.GetDouble("voltage_scale", 0.4),
                VoltageOffset = r.GetDouble("voltage_offset", 0.2),
                BinaryMask = r.GetBool("binary_mask", false),
                VirtualNodes = SpecValues.Count(r, "virtual_nodes", 4),
                Substeps = SpecValues.Count(r, "substeps", 8),
                DecayTime = SpecValues.NonNegative(r, "decay_time", 5e-3),
                RestState = r.Has("rest_state") ? r.GetDouble("rest_state") : null,
                ReadVoltage = SpecValues.Positive(r, "read_voltage", 0.05),
                Seed = (ulong)r.GetLong("seed", (long)spec.Seed),
            },
        };
    }
}
