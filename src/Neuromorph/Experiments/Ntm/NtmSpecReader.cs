using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.ModelFiles;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;

namespace Neuromorph.Experiments.Ntm;

/// <summary>Reads <c>kind: ntm</c> files (docs/ntm.md) into an <see cref="NtmSpec"/>; every bad value is a located error.</summary>
public static class NtmSpecReader
{
    private static readonly string[] Keys = ["kind", "experiment", "task", "model", "training", "test", "memory_read_noise", "memory_keys", "baseline", "seed", "model_file", "crossbar_study"];

    /// <summary>Reads the root; <paramref name="seedOverride"/> (a sweep's seed) replaces the file's seed.</summary>
    public static NtmSpec Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var seed = seedOverride is long o ? (ulong)o : (ulong)root.GetLong("seed", 1);
        if (root.Has("model_file") == root.Has("model"))
        {
            throw root.Error(root.Has("model") ? "model_file" : "model", "give either 'model:' (a new NTM to train) or 'model_file:' (a trained model.json)",
                "e.g. model_file: runs/ntm_copy/model.json (relative to this file)");
        }

        string? modelFile = null;
        NtmModelSpec? loaded = null;
        if (root.Has("model_file"))
        {
            foreach (var key in new[] { "training", "baseline" })
            {
                if (root.Has(key))
                {
                    throw root.Error(key, $"'{key}:' trains a model, but model_file: loads a trained one", $"remove '{key}:' or 'model_file:'");
                }
            }

            modelFile = SpecValues.File(root, "model_file");
            loaded = NtmModelFile.Read(modelFile).Spec;
        }

        var task = ReadTask(root.TryGetSection("task"), loaded);
        if (loaded is not null && (!loaded.HasMemory || loaded.Inputs != task.InputChannels || loaded.Outputs != task.OutputBits))
        {
            throw root.Error("model_file", $"the model in '{root.GetString("model_file")}' has {loaded.Inputs} inputs and {loaded.Outputs} outputs; {task.Describe()} needs an NTM with {task.InputChannels} inputs (bits and delimiters) and {task.OutputBits} outputs",
                "load a model trained on this task, or set task: to the one it was trained on");
        }

        var lengths = task is CopyTask ? new List<int> { 20, 30 } : [task.MaxLength, 2 * task.MaxLength];
        var testSequences = 100;
        if (root.TryGetSection("test") is { } test)
        {
            test.RejectUnknownKeys("lengths", "sequences");
            if (test.Has("lengths"))
            {
                lengths = [];
                foreach (var v in test.GetDoubleList("lengths"))
                {
                    if (v < task.SmallestLength || v != Math.Floor(v) || v > 100000)
                    {
                        throw test.Error("lengths", $"test lengths must be whole numbers of at least {task.SmallestLength}, got {v}", task is CopyTask ? "e.g. lengths: [20, 30]" : "the number of items in each held-out list, e.g. lengths: [6, 12]");
                    }

                    lengths.Add((int)v);
                }

                if (lengths.Count == 0)
                {
                    throw test.Error("lengths", "give at least one test length", "e.g. lengths: [20, 30]");
                }
            }

            testSequences = SpecValues.Count(test, "sequences", testSequences);
        }

        var model = loaded ?? ReadModel(root.GetSection("model"), task);
        var study = root.TryGetSection("crossbar_study") is { } cs ? NtmCrossbarStudyReader.Read(cs, lengths, testSequences) : null;
        var longest = Math.Max(task.MaxLength, Math.Max(lengths.Max(), study?.Lengths.Max() ?? 0));
        if (loaded is not null && model.Rows < task.RowsNeeded(longest))
        {
            throw root.Error("model_file", $"the model's memory of {model.Rows} rows cannot hold {Holds(task, longest)} (the write head wraps around and overwrites the start)",
                $"score sizes whose memory need is at most {model.Rows} rows");
        }

        if (model.Rows < task.RowsNeeded(longest))
        {
            var at = root.GetSection("model").TryGetSection("memory") is { } m && m.Has("rows") ? m : root.GetSection("model");
            throw at.Error(at.Has("rows") ? "rows" : "memory", $"a memory of {model.Rows} rows cannot hold {Holds(task, longest)} (the write head wraps around and overwrites the start)",
                $"use rows ≥ {task.RowsNeeded(longest)}, or shorter task/test lengths");
        }

        int? baseline = null;
        double? baselineSeconds = null;
        if (root.TryGetSection("baseline") is { } b)
        {
            b.RejectUnknownKeys("controller", "max_seconds");
            baseline = SpecValues.Count(b, "controller", model.Hidden);
            baselineSeconds = b.Has("max_seconds") ? SpecValues.NonNegative(b, "max_seconds", 0) : null;
        }

        var noise = root.Has("memory_read_noise") ? SpecValues.NonNegative(root, "memory_read_noise", 0) : 0;
        var keys = root.Has("memory_keys") ? KeysOf(root) : KeyEncoding.Analog;
        return new NtmSpec
        {
            Task = task,
            Model = model,
            Training = ReadTraining(root.TryGetSection("training"), seed),
            TestLengths = lengths,
            TestSequences = testSequences,
            ReadNoise = noise,
            Keys = keys,
            BaselineController = baseline,
            BaselineMaxSeconds = baselineSeconds,
            Seed = seed,
            ModelFile = modelFile,
            CrossbarStudy = study,
        };
    }

    /// <summary>
    /// The task section; a loaded model's outputs are the default and the only allowed bit count, and its copy training
    /// lengths default to 1–20 cut to what its memory holds.
    /// </summary>
    private static IMemoryTask ReadTask(YamlSection? t, NtmModelSpec? loaded)
    {
        var modelBits = loaded?.Outputs;
        var defaultMax = loaded is null ? 20 : Math.Min(20, loaded.Rows - 1);
        if (t is null)
        {
            return new CopyTask(modelBits ?? 8, 1, defaultMax);
        }

        var name = t.Has("name") ? t.GetString("name").Trim().ToLowerInvariant() : "copy";
        if (name == "copy")
        {
            t.RejectUnknownKeys("name", "bits", "min_length", "max_length");
            var bits = Bits(t, modelBits, 8);
            var (min, max) = Range(t, "min_length", "max_length", 1, defaultMax, 1);
            return new CopyTask(bits, min, max);
        }

        if (name is "associative_recall" or "recall")
        {
            t.RejectUnknownKeys("name", "bits", "item_length", "min_items", "max_items");
            var bits = Bits(t, modelBits, 6);
            var itemLength = SpecValues.Count(t, "item_length", 3);
            var (min, max) = Range(t, "min_items", "max_items", 2, 6, 2);
            return new AssociativeRecallTask(bits, itemLength, min, max);
        }

        throw t.Error("name", $"unknown task '{t.GetString("name")}'", "the NTM experiment runs the tasks of Graves et al. 2014: name: copy or name: associative_recall");
    }

    private static int Bits(YamlSection t, int? modelBits, int fallback)
    {
        var bits = SpecValues.Count(t, "bits", modelBits ?? fallback);
        return modelBits is int b && bits != b
            ? throw t.Error("bits", $"the model in model_file reads and writes {b}-bit vectors, not {bits}", $"use bits: {b} or leave bits out")
            : bits;
    }

    private static KeyEncoding KeysOf(YamlSection s) => s.GetString("memory_keys").Trim().ToLowerInvariant() switch
    {
        "analog" => KeyEncoding.Analog,
        "bipolar" => KeyEncoding.Bipolar,
        var other => throw s.Error("memory_keys", $"unknown key encoding '{other}'", "analog (cosine similarity) or bipolar (signs of key and rows, Karunaratne et al. 2021)"),
    };

    private static string Holds(IMemoryTask task, int longest) =>
        task is AssociativeRecallTask r ? $"{longest} items of {r.ItemLength} vectors" : $"a copy sequence of {longest} vectors";

    private static (int Min, int Max) Range(YamlSection t, string minKey, string maxKey, int minDefault, int maxDefault, int least)
    {
        var min = SpecValues.Count(t, minKey, minDefault, least);
        var max = SpecValues.Count(t, maxKey, maxDefault, least);
        if (max < min)
        {
            throw t.Error(maxKey, $"{maxKey} {max} is below {minKey} {min}", $"use {maxKey} ≥ {min}");
        }

        return (min, max);
    }

    private static NtmModelSpec ReadModel(YamlSection m, IMemoryTask task)
    {
        m.RejectUnknownKeys("controller", "memory");
        var hidden = SpecValues.Count(m, "controller", 100);
        int rows = 128, width = 20;
        var initial = 1e-6;
        if (m.TryGetSection("memory") is { } memory)
        {
            memory.RejectUnknownKeys("rows", "width", "initial");
            rows = SpecValues.Count(memory, "rows", rows, 2);
            width = SpecValues.Count(memory, "width", width);
            initial = SpecValues.Positive(memory, "initial", initial);
        }

        return new NtmModelSpec(task.InputChannels, task.OutputBits, hidden, rows, width) { InitialMemory = initial };
    }

    private static NtmTrainingOptions ReadTraining(YamlSection? t, ulong seed)
    {
        if (t is null)
        {
            return new NtmTrainingOptions { Seed = seed };
        }

        t.RejectUnknownKeys("updates", "batch_size", "learning_rate", "clip_norm", "log_every", "max_seconds", "memory_keys", "seed");
        var lr = t.GetDouble("learning_rate", 1e-3);
        if (!(lr > 0) || !double.IsFinite(lr))
        {
            throw t.Error("learning_rate", $"the learning rate must be positive, got {lr}", "typical values: 1e-4 to 3e-3 (Adam)");
        }

        return new NtmTrainingOptions
        {
            Updates = SpecValues.Count(t, "updates", 1000),
            BatchSize = SpecValues.Count(t, "batch_size", 8),
            LearningRate = lr,
            ClipNorm = SpecValues.NonNegative(t, "clip_norm", 10),
            LogEvery = SpecValues.Count(t, "log_every", 50),
            MaxSeconds = SpecValues.NonNegative(t, "max_seconds", 0),
            Keys = t.Has("memory_keys") ? KeysOf(t) : KeyEncoding.Analog,
            Seed = (ulong)t.GetLong("seed", (long)seed),
        };
    }
}
