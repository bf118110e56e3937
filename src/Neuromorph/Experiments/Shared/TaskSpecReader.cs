using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Shared;

/// <summary>Reads a <c>data:</c> section (docs/sequence.md) into a <see cref="TaskSpec"/>.</summary>
public static class TaskSpecReader
{
    private static readonly string[] Tasks = ["sine", "mackey_glass", "narma10", "adding", "delayed_copy", "sine_generation", "csv"];

    private static readonly string[] Keys = ["task", "length", "sequences", "test_sequences", "steps", "stride", "washout", "horizon", "test_fraction",
        "period", "periods", "amplitude", "tau", "delays", "file", "inputs", "targets", "seed"];

    /// <summary>Reads the section; <paramref name="seed"/> is used when the section gives none.</summary>
    public static TaskSpec Read(YamlSection s, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(s);
        s.RejectUnknownKeys(Keys);
        var kind = (TaskKind)SpecValues.Choice(s, "task", "sine", Tasks); // Tasks lists the names in TaskKind's order
        if (s.Has("steps") && s.GetInt("steps") < 1)
        {
            throw s.Error("steps", $"zero-length sequences: steps must be at least 1, got {s.GetInt("steps")}");
        }

        var spec = new TaskSpec
        {
            Kind = kind,
            Length = SpecValues.Count(s, "length", 3000, 10),
            Sequences = SpecValues.Count(s, "sequences", 4000),
            TestSequences = SpecValues.Count(s, "test_sequences", 500),
            Steps = SpecValues.Count(s, "steps", kind == TaskKind.Adding ? 50 : 40, kind == TaskKind.Adding ? 2 : 1),
            Stride = s.Has("stride") ? SpecValues.Count(s, "stride", 1) : 0,
            Washout = SpecValues.Count(s, "washout", 0, 0),
            Horizon = SpecValues.Count(s, "horizon", kind == TaskKind.Csv ? 0 : 1, 0),
            TestFraction = SpecValues.InRange(s, "test_fraction", 0.2, 0.01, 0.9),
            Period = SpecValues.Positive(s, "period", 25),
            Amplitude = SpecValues.Positive(s, "amplitude", 1),
            Tau = SpecValues.InRange(s, "tau", 17, 1, 1000),
            Seed = (ulong)s.GetLong("seed", (long)seed),
        };
        if (spec.Washout >= spec.Steps && kind != TaskKind.Adding)
        {
            throw s.Error("washout", $"washout {spec.Washout} leaves no scored step in windows of {spec.Steps}", "make washout smaller than steps");
        }

        if (kind == TaskKind.SineGeneration)
        {
            var periods = s.Has("periods") ? s.GetDoubleList("periods") : [10.0, 30.0];
            if (periods.Length != 2 || !(periods[0] > 0 && periods[1] >= periods[0]))
            {
                throw s.Error("periods", "periods is [shortest, longest], in steps, with 0 < shortest <= longest", "e.g. periods: [10, 30]");
            }

            spec = spec with { Periods = (periods[0], periods[1]) };
        }
        else if (s.Has("periods"))
        {
            throw s.Error("periods", "periods belongs to task: sine_generation", "use period: for the sine prediction task");
        }

        if (kind == TaskKind.DelayedCopy)
        {
            var delays = s.Has("delays") ? s.GetDoubleList("delays") : [1.0];
            if (delays.Length == 0 || delays.Any(d => d < 0 || d != Math.Floor(d)))
            {
                throw s.Error("delays", "delays must be whole numbers >= 0 (at least one)", "e.g. delays: [1, 5, 10]");
            }

            spec = spec with { Delays = [.. delays.Select(d => (int)d)] };
        }

        if (kind == TaskKind.Csv)
        {
            if (!s.Has("file") || !s.Has("inputs") || !s.Has("targets"))
            {
                throw s.Error("task", "a csv task names its file, inputs and targets", "file: series.csv, inputs: [u], targets: [y]");
            }

            spec = spec with { File = SpecValues.File(s, "file"), Inputs = s.GetStringList("inputs"), Targets = s.GetStringList("targets") };
            if (spec.Inputs.Count == 0 || spec.Targets.Count == 0)
            {
                throw s.Error(spec.Inputs.Count == 0 ? "inputs" : "targets", "name at least one column");
            }
        }

        if (kind is not (TaskKind.Adding or TaskKind.SineGeneration or TaskKind.Csv) && (int)(spec.Length * (1 - spec.TestFraction)) < spec.Steps)
        {
            throw s.Error("length", $"a series of {spec.Length} steps leaves fewer than {spec.Steps} for training windows", "raise length or lower steps");
        }

        return spec;
    }
}
