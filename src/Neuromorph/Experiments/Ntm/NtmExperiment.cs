using System.Diagnostics;
using System.Globalization;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.ModelFiles;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Experiments.Ntm;

/// <summary>
/// <c>kind: ntm</c>: a neural Turing machine (LSTM controller, one read and one write head) trained by BPTT on the
/// copy or associative recall task (Graves et al. 2014), then scored on held-out examples of every size (vectors for
/// copy, items for recall) up to the longest test size,
/// with exact memory reads and, with <c>memory_read_noise</c>, with Gaussian noise on content addressing's similarity
/// products (an analog crossbar read of M). Writes model.json, training.csv, evaluation.csv, metrics.csv; figures
/// training, generalisation, memory. Metrics: bit errors per sequence (and per bit) at the longest training length
/// and the longest test length, the same with read noise, train_loss, train_sequences, train_seconds, parameters.
/// With <c>model_file</c> it loads a trained model.json instead of training. With <c>crossbar_study</c> it also scores
/// the model with every weight matrix on crossbars over a grid of device variability × memory read noise
/// (<see cref="NtmCrossbarStudy"/>; crossbar_study.csv, crossbar_thresholds.csv, figure crossbar_study; metrics
/// crossbar_max_variability at zero and at the largest read noise).
/// </summary>
public sealed class NtmExperiment : Experiment<NtmSpec>
{
    /// <inheritdoc />
    public override string Kind => "ntm";

    /// <inheritdoc />
    public override string Description => "neural Turing machine trained by BPTT on the copy or associative recall task, memory read exactly or with analog read noise";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } =
    [
        "bit_errors_train_length", "bit_error_rate_train_length", "bit_errors_longest_test", "bit_error_rate_longest_test",
        "noisy_bit_errors_train_length", "noisy_bit_errors_longest_test", "train_loss", "train_sequences", "train_seconds", "parameters",
        "baseline_bit_errors_train_length", "baseline_bit_errors_longest_test", "baseline_parameters",
        "crossbar_max_variability", "crossbar_max_variability_noisy",
    ];

    /// <inheritdoc />
    public override NtmSpec Read(YamlSection root, long? seed = null) => NtmSpecReader.Read(root, seed);

    /// <inheritdoc />
    public override ExperimentReport Run(NtmSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var dir = context.OutputDirectory;
        var log = dir is null ? TextWriter.Null : context.Log;
        var task = spec.Task;
        NtmModel model;
        IReadOnlyList<NtmCurvePoint> curve = [];
        double trainSeconds = 0;
        var options = spec.Training with { Seed = SeedSequence.Derive(spec.Training.Seed, SeedPurpose.NtmTraining) };
        if (spec.ModelFile is { } file)
        {
            model = NtmModelFile.Read(file);
            log.WriteLine($"loaded an NTM ({model.Spec.Hidden}-unit LSTM controller, memory {model.Spec.Rows} × {model.Spec.Width}, {model.ParameterCount} parameters) from {file}; no training");
        }
        else
        {
            model = NtmModel.Create(spec.Model, SeedSequence.Derive(spec.Seed, SeedPurpose.NtmInitialisation));
            log.WriteLine($"training an NTM ({model.Spec.Hidden}-unit LSTM controller, memory {model.Spec.Rows} × {model.Spec.Width}, {model.ParameterCount} parameters) on {task.Describe()}: "
                + $"{options.Updates} updates of {options.BatchSize}" + (options.MaxSeconds > 0 ? string.Create(CultureInfo.InvariantCulture, $", at most {options.MaxSeconds:G} s") : ""));
            var clock = Stopwatch.StartNew();
            curve = NtmTrainer.Train(model, task, options, p =>
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"update {p.Update} ({p.Sequences} sequences): loss {p.Loss:G4} per bit, {p.BitErrorsPerSequence:G4} bit errors per sequence ({p.Seconds:F1} s)"));
                // with a time limit the run ends at whichever comes first: updates or seconds, and so does the estimate
                var byTime = options.MaxSeconds > 0 ? p.Seconds / options.MaxSeconds : 0;
                context.Progress?.Report(Math.Min(1, Math.Max(p.Update / (double)options.Updates, byTime)));
            }, context.CancellationToken);
            trainSeconds = clock.Elapsed.TotalSeconds;
        }

        var longest = Math.Max(task.MaxLength, spec.TestLengths.Max());
        var first = task.SmallestLength;
        var lengths = Enumerable.Range(first, longest - first + 1).ToArray();
        var testSeed = SeedSequence.Derive(spec.Seed, SeedPurpose.NtmTest);
        int Count(int l) => spec.TestLengths.Contains(l) || l == task.MaxLength ? spec.TestSequences : Math.Max(10, spec.TestSequences / 5);
        model.Keys = spec.Keys;
        var exact = lengths.Select(l => CopyEvaluation.BitErrorsPerSequence(model, task, l, Count(l), SeedSequence.Derive(testSeed, "length", l))).ToArray();
        double[]? noisy = null;
        if (spec.ReadNoise > 0)
        {
            model.ReadNoise = spec.ReadNoise;
            model.NoiseStream = new RandomStream(SeedSequence.Derive(spec.Seed, SeedPurpose.NtmReadNoise));
            noisy = [.. lengths.Select(l => CopyEvaluation.BitErrorsPerSequence(model, task, l, Count(l), SeedSequence.Derive(testSeed, "length", l)))];
        }

        double[]? baselineErrors = null;
        NtmModel? baselineModel = null;
        IReadOnlyList<NtmCurvePoint> baselineCurve = [];
        if (spec.BaselineController is int hb)
        {
            baselineModel = NtmModel.Create(spec.Model with { Hidden = hb, HasMemory = false }, SeedSequence.Derive(spec.Seed, SeedPurpose.NtmInitialisation, 1));
            log.WriteLine($"training the LSTM baseline ({hb} units, no memory, {baselineModel.ParameterCount} parameters) on the same sequences");
            baselineCurve = NtmTrainer.Train(baselineModel, task, options with { MaxSeconds = spec.BaselineMaxSeconds ?? options.MaxSeconds }, p => log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"baseline update {p.Update} ({p.Sequences} sequences): loss {p.Loss:G4} per bit, {p.BitErrorsPerSequence:G4} bit errors per sequence ({p.Seconds:F1} s)")), context.CancellationToken);
            baselineErrors = [.. lengths.Select(l => CopyEvaluation.BitErrorsPerSequence(baselineModel, task, l, Count(l), SeedSequence.Derive(testSeed, "length", l)))];
        }

        IReadOnlyList<NtmCrossbarPoint>? study = null;
        if (spec.CrossbarStudy is { } cs)
        {
            model.ReadNoise = 0;
            log.WriteLine($"crossbar study: {cs.Variability.Count} variabilities × {cs.ReadNoise.Count} read noises × {cs.Lengths.Count} lengths, {cs.Repeats} programmed arrays each, {cs.Sequences} sequences per point");
            study = NtmCrossbarStudy.Run(model, task, cs, spec.Seed, testSeed, log, context.CancellationToken);
        }

        var longestTest = spec.TestLengths.Max();
        var metrics = new Dictionary<string, double>
        {
            ["bit_errors_train_length"] = exact[task.MaxLength - first],
            ["bit_error_rate_train_length"] = exact[task.MaxLength - first] / task.ScoredBits(task.MaxLength),
            ["bit_errors_longest_test"] = exact[longestTest - first],
            ["bit_error_rate_longest_test"] = exact[longestTest - first] / task.ScoredBits(longestTest),
            ["noisy_bit_errors_train_length"] = noisy?[task.MaxLength - first] ?? double.NaN,
            ["noisy_bit_errors_longest_test"] = noisy?[longestTest - first] ?? double.NaN,
            ["train_loss"] = curve.Count > 0 ? curve[^1].Loss : double.NaN,
            ["train_sequences"] = curve.Count > 0 ? curve[^1].Sequences : 0,
            ["train_seconds"] = trainSeconds,
            ["parameters"] = model.ParameterCount,
            ["baseline_bit_errors_train_length"] = baselineErrors?[task.MaxLength - first] ?? double.NaN,
            ["baseline_bit_errors_longest_test"] = baselineErrors?[longestTest - first] ?? double.NaN,
            ["baseline_parameters"] = baselineModel?.ParameterCount ?? double.NaN,
            ["crossbar_max_variability"] = double.NaN,
            ["crossbar_max_variability_noisy"] = double.NaN,
        };
        if (spec.CrossbarStudy is { } studied && study is not null)
        {
            var studyLength = studied.Lengths.Max();
            metrics["crossbar_max_variability"] = studied.ReadNoise.Contains(0) ? NtmCrossbarStudy.MaxTolerated(study, 0, studyLength) : double.NaN;
            metrics["crossbar_max_variability_noisy"] = NtmCrossbarStudy.MaxTolerated(study, studied.ReadNoise[^1], studyLength);
        }

        var files = new List<ResultFile>();
        var figures = new List<Figure>();
        var written = new List<string>();
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
            if (spec.ModelFile is null)
            {
                var modelPath = Path.Combine(dir, "model.json");
                NtmModelFile.Write(model, modelPath, new Dictionary<string, string>
                {
                    ["task"] = string.Create(CultureInfo.InvariantCulture, $"{task.Name}, {task.Bits} bits, {task.SizeName} {task.MinLength}-{task.MaxLength}"),
                    ["seed"] = spec.Seed.ToString(CultureInfo.InvariantCulture),
                    ["updates"] = (curve.Count > 0 ? curve[^1].Update : 0).ToString(CultureInfo.InvariantCulture),
                });
                written.Add(modelPath);
                files.Add(new ResultTable("training.csv", ["update", "sequences", "loss", "bit_errors_per_sequence", "seconds"],
                [
                    [.. curve.Select(p => (double)p.Update)], [.. curve.Select(p => (double)p.Sequences)], [.. curve.Select(p => p.Loss)],
                    [.. curve.Select(p => p.BitErrorsPerSequence)], [.. curve.Select(p => p.Seconds)],
                ]));
            }
            var lengthColumn = lengths.Select(l => (double)l).ToArray();
            var sequences = lengths.Select(l => (double)Count(l)).ToArray();
            var rates = lengths.Select(l => exact[l - first] / task.ScoredBits(l)).ToArray();
            List<string> headers = ["length", "sequences", "bit_errors_per_sequence", "bit_error_rate"];
            List<double[]> columns = [lengthColumn, sequences, exact, rates];
            if (noisy is not null)
            {
                headers.Add("noisy_bit_errors_per_sequence");
                columns.Add(noisy);
            }

            if (baselineErrors is not null)
            {
                headers.Add("baseline_bit_errors_per_sequence");
                columns.Add(baselineErrors);
                files.Add(new ResultTable("baseline_training.csv", ["update", "sequences", "loss", "bit_errors_per_sequence", "seconds"],
                [
                    [.. baselineCurve.Select(p => (double)p.Update)], [.. baselineCurve.Select(p => (double)p.Sequences)], [.. baselineCurve.Select(p => p.Loss)],
                    [.. baselineCurve.Select(p => p.BitErrorsPerSequence)], [.. baselineCurve.Select(p => p.Seconds)],
                ]));
            }

            files.Add(new ResultTable("evaluation.csv", [.. headers], [.. columns]));
            if (study is not null)
            {
                files.Add(NtmCrossbarStudy.Table(study));
                files.Add(NtmCrossbarStudy.Thresholds(study));
                figures.Add(NtmFigures.CrossbarStudy(study));
            }

            files.Add(MetricsTable.Of(metrics));
            if (curve.Count > 0)
            {
                figures.Add(NtmFigures.Training(curve, task.Name));
            }

            figures.Add(NtmFigures.Generalisation(lengthColumn, exact, noisy, baselineErrors, task));
            model.ReadNoise = 0;
            var example = task.Make(task.MaxLength, new RandomStream(SeedSequence.Derive(testSeed, "example")));
            var trace = model.Forward(example.Inputs, example.Steps);
            figures.Add(NtmFigures.Memory(trace.WriteWeightings(), trace.ReadWeightings(),
                task is CopyTask
                    ? $"Weightings while copying a length-{example.Length} sequence ({CopyLoss.BitErrors(trace.Outputs, example)} bit errors, exact reads)"
                    : $"Weightings while recalling from {example.Length} items ({CopyLoss.BitErrors(trace.Outputs, example)} bit errors, exact reads)"));
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"NTM ({model.ParameterCount} parameters, memory {model.Spec.Rows} × {model.Spec.Width}{(spec.Keys == KeyEncoding.Bipolar ? ", bipolar keys" : "")}) on {task.Name}: {metrics["bit_errors_train_length"]:G3} bit errors per sequence at {task.SizeName} {task.MaxLength} ({metrics["bit_error_rate_train_length"]:P2} of bits), "
            + $"{metrics["bit_errors_longest_test"]:G3} at {task.SizeName} {longestTest} ({metrics["bit_error_rate_longest_test"]:P2})")
            + (noisy is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; with read noise σ = {spec.ReadNoise:G3}: {metrics["noisy_bit_errors_train_length"]:G3} / {metrics["noisy_bit_errors_longest_test"]:G3}"))
            + (baselineErrors is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; LSTM baseline ({baselineModel!.ParameterCount} parameters): {metrics["baseline_bit_errors_train_length"]:G3} / {metrics["baseline_bit_errors_longest_test"]:G3}"))
            + (spec.CrossbarStudy is { } c && study is not null ? string.Create(CultureInfo.InvariantCulture,
                $"; on crossbars, bit error rate < 1 % at L = {c.Lengths.Max()} up to variability {metrics["crossbar_max_variability"]:G3} (exact memory reads), {metrics["crossbar_max_variability_noisy"]:G3} (read noise σ = {c.ReadNoise[^1]:G3})") : "")
            + (spec.ModelFile is null ? string.Create(CultureInfo.InvariantCulture, $"; trained on {metrics["train_sequences"]:G} sequences in {trainSeconds:F1} s") : $"; loaded from {spec.ModelFile}");
        return new ExperimentReport(metrics, written, summary) { Figures = figures, Outputs = files };
    }
}
