using YamlDotNet.RepresentationModel;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Seq2Seq.Tasks;
using Neuromorph.Networks.Seq2Seq.Training;
using Neuromorph.Networks.Sequence;

namespace Neuromorph.Experiments.Seq2Seq;

/// <summary>Reads <c>kind: seq2seq</c> files (docs/seq2seq.md) into a <see cref="Seq2SeqSpec"/>; every bad value is a located error.</summary>
public static class Seq2SeqSpecReader
{
    private static readonly string[] Keys = ["kind", "experiment", "data", "model", "model_file", "training", "decoding", "substrate", "periphery", "seed"];

    /// <summary>Reads the root; <paramref name="seedOverride"/> (a sweep's seed) replaces the file's seed.</summary>
    public static Seq2SeqSpec Read(YamlSection root, long? seedOverride = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var seed = seedOverride is long o ? (ulong)o : (ulong)root.GetLong("seed", 1);
        var data = root.TryGetSection("data") ?? throw root.Error("data", "missing 'data:' section", "e.g. data: { task: reverse, length: 10, symbols: 10 }");
        data.RejectUnknownKeys("task", "length", "symbols", "train", "test");
        var kind = (Seq2SeqTaskKind)SpecValues.Choice(data, "task", "reverse", "reverse", "sort", "add");
        var length = SpecValues.Count(data, "length", kind == Seq2SeqTaskKind.Add ? 3 : 10);
        if (kind == Seq2SeqTaskKind.Add && length > 15)
        {
            throw data.Error("length", $"addition operands of {length} digits do not fit a 64-bit sum", "use length ≤ 15");
        }

        if (kind == Seq2SeqTaskKind.Add && data.Has("symbols"))
        {
            throw data.Error("symbols", "addition works on the ten decimal digits", "remove symbols");
        }

        var task = new Seq2SeqTask(kind, length, kind == Seq2SeqTaskKind.Add ? 10 : SpecValues.Count(data, "symbols", 10, 2));
        if (root.Has("model") == root.Has("model_file"))
        {
            throw root.Error(root.Has("model") ? "model_file" : "model", "give either 'model:' (a new model to train) or 'model_file:' (a trained model.json)",
                "e.g. model: { encoder: { cell: gru, hidden: 64 }, attention: { kind: additive } }");
        }

        var spec = new Seq2SeqSpec
        {
            Task = task,
            TrainCount = SpecValues.Count(data, "train", 10000),
            TestCount = SpecValues.Count(data, "test", 1000),
            Seed = seed,
        };
        var training = root.TryGetSection("training");
        if (root.Has("model"))
        {
            spec = spec with { Model = ReadModel(root.GetSection("model"), task) };
        }
        else
        {
            spec = spec with { ModelFile = SpecValues.File(root, "model_file"), ModelFileLocation = root.LocationOf("model_file") };
        }

        spec = spec with
        {
            Training = training is not null ? ReadTraining(training, seed) : spec.ModelFile is null ? new Seq2SeqTrainingOptions { Seed = seed } : null,
        };

        if (root.TryGetSection("decoding") is { } d)
        {
            d.RejectUnknownKeys("beam_width", "beam_sequences");
            spec = spec with { BeamWidth = SpecValues.Count(d, "beam_width", 3), BeamSequences = SpecValues.Count(d, "beam_sequences", 200, 0) };
        }

        if (root.TryGetSection("substrate") is { } substrate)
        {
            spec = spec with { Substrate = SubstrateSpecReader.Read(substrate) };
        }

        if (root.TryGetSection("periphery") is { } p)
        {
            spec = spec with { Periphery = PeripherySpecReader.Read(p) };
        }

        return spec;
    }

    private static Seq2SeqModelSpec ReadModel(YamlSection m, Seq2SeqTask task)
    {
        m.RejectUnknownKeys("encoder", "decoder", "attention");
        var cell = CellType.Gru;
        var encoderHidden = 64;
        var bidirectional = false;
        var encoder = m.TryGetSection("encoder");
        if (encoder is not null)
        {
            encoder.RejectUnknownKeys("cell", "hidden", "bidirectional");
            var name = encoder.GetString("cell", "gru");
            if (!CellTypes.TryParse(name, out cell) || cell == CellType.Jordan)
            {
                throw encoder.Error("cell", $"unknown encoder cell '{name}'", cell == CellType.Jordan ? "a Jordan network feeds back its output; use rnn_tanh, rnn_relu, lstm or gru" : Suggestions.Hint(name, ["rnn_tanh", "rnn_relu", "lstm", "gru"]));
            }

            encoderHidden = SpecValues.Count(encoder, "hidden", encoderHidden);
            bidirectional = encoder.GetBool("bidirectional", false);
        }

        var decoderHidden = encoderHidden;
        if (m.TryGetSection("decoder") is { } decoder)
        {
            decoder.RejectUnknownKeys("cell", "hidden");
            if (decoder.Has("cell") && decoder.GetString("cell").Trim().ToLowerInvariant() != "gru")
            {
                throw decoder.Error("cell", $"unknown decoder cell '{decoder.GetString("cell")}'", "the decoder is a GRU cell: cell: gru");
            }

            decoderHidden = SpecValues.Count(decoder, "hidden", decoderHidden);
            if (decoderHidden != encoderHidden)
            {
                throw decoder.Error("hidden", $"the decoder has {decoderHidden} hidden units but the encoder {encoderHidden}; the decoder starts from the encoder's last hidden state, so the sizes must agree",
                    $"set decoder.hidden: {encoderHidden}, or change encoder.hidden");
            }
        }

        var attention = AttentionKind.Additive;
        var size = 32;
        if (m.TryGetSection("attention") is { } a)
        {
            a.RejectUnknownKeys("kind", "size");
            var name = a.GetString("kind", "additive");
            if (!AttentionKinds.TryParse(name, out attention))
            {
                throw a.Error("kind", $"unknown attention kind '{name}'", Suggestions.Hint(name, ["additive", "multiplicative", "bahdanau", "luong", "general"]));
            }

            if (attention == AttentionKind.Multiplicative && a.Has("size"))
            {
                throw a.Error("size", "multiplicative attention has no hidden layer of its own (score = sᵀ W h)", "remove size, or use kind: additive");
            }

            size = SpecValues.Count(a, "size", size);
        }

        return new Seq2SeqModelSpec(cell, task.VocabularySize, encoderHidden, decoderHidden, attention, size) { Bidirectional = bidirectional };
    }

    private static Seq2SeqTrainingOptions ReadTraining(YamlSection t, ulong seed)
    {
        t.RejectUnknownKeys("epochs", "batch_size", "learning_rate", "clip_norm", "teacher_forcing", "seed");
        var lr = t.GetDouble("learning_rate", 1e-2);
        if (!(lr > 0) || !double.IsFinite(lr))
        {
            throw t.Error("learning_rate", $"the learning rate must be positive, got {lr}", "typical values: 1e-3 to 1e-2 (Adam)");
        }

        return new Seq2SeqTrainingOptions
        {
            Epochs = SpecValues.Count(t, "epochs", 20),
            BatchSize = SpecValues.Count(t, "batch_size", 32),
            LearningRate = lr,
            ClipNorm = SpecValues.NonNegative(t, "clip_norm", 1),
            TeacherForcing = ReadTeacherForcing(t),
            Seed = (ulong)t.GetLong("seed", (long)seed),
        };
    }

    /// <summary><c>teacher_forcing: 0.5</c> (constant) or <c>{ start: 1, end: 0.3, schedule: linear | exponential | constant }</c>.</summary>
    private static TeacherForcing ReadTeacherForcing(YamlSection t)
    {
        if (!t.Has("teacher_forcing"))
        {
            return new TeacherForcing();
        }

        if (t.Find("teacher_forcing") is not YamlMappingNode)
        {
            var r = SpecValues.InRange(t, "teacher_forcing", 1, 0, 1);
            return new TeacherForcing(r, r);
        }

        var s = t.GetSection("teacher_forcing");
        s.RejectUnknownKeys("start", "end", "schedule");
        var start = SpecValues.InRange(s, "start", 1, 0, 1);
        var end = SpecValues.InRange(s, "end", start, 0, 1);
        var decay = (TeacherForcingDecay)SpecValues.Choice(s, "schedule", "linear", "constant", "linear", "exponential");
        if (decay == TeacherForcingDecay.Exponential && !(start > 0 && end > 0))
        {
            throw s.Error(end > 0 ? "start" : "end", "an exponential schedule multiplies the ratio by a constant factor per epoch, so start and end must be positive", "use schedule: linear, or a positive end such as 0.05");
        }

        return new TeacherForcing(start, end, decay);
    }
}
