using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;
using System.Globalization;
using Neuromorph.Devices;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Reservoir;

/// <summary>
/// <c>kind: esn</c>: reservoir computing with an echo-state network (ideal, or W, W_in and W_out on crossbars) or a
/// physical reservoir of dynamic memristors, read out by ridge regression. Modes: teacher-forced prediction
/// (predictions.csv), free-running generation (generated.csv) and memory capacity (memory_capacity.csv). Metrics:
/// nrmse, mse, train_nrmse, memory_capacity.
/// </summary>
public sealed class EsnExperiment : Experiment<EsnSpec>
{
    /// <inheritdoc />
    public override string Kind => "esn";

    /// <inheritdoc />
    public override string Description => "echo-state network or memristive reservoir with a ridge readout: prediction, generation, memory capacity";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["nrmse", "mse", "train_nrmse", "memory_capacity"];

    /// <inheritdoc />
    public override EsnSpec Read(YamlSection root, long? seed = null) => EsnSpecReader.Read(root, seed);

    /// <inheritdoc />
    public override ExperimentReport Run(EsnSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var dir = context.OutputDirectory;

        var metrics = new Dictionary<string, double> { ["nrmse"] = double.NaN, ["mse"] = double.NaN, ["train_nrmse"] = double.NaN, ["memory_capacity"] = double.NaN };
        var files = new List<ResultFile>();
        var figures = new List<Figure>();
        string summary;
        if (spec.Mode == EsnMode.MemoryCapacity)
        {
            var (drive, width, _) = Reservoir(spec, 1);
            var maxDelay = spec.Memory.MaxDelay > 0 ? spec.Memory.MaxDelay : 2 * width;
            var mc = MemoryCapacity.Measure(u => drive(u, u.Length), width, maxDelay, Math.Max(spec.Washout, maxDelay), spec.Memory.Train, spec.Memory.Test, spec.Ridge, SeedSequence.Derive(spec.Seed, SeedPurpose.MemoryCapacityInput));
            metrics["memory_capacity"] = mc.Total;
            if (dir is not null)
            {
                files.Add(new ResultTable("memory_capacity.csv", ["delay", "r2"], [[.. Enumerable.Range(1, maxDelay).Select(k => (double)k)], mc.PerDelay]));
                figures.Add(EsnFigures.MemoryCapacity(mc.PerDelay, mc.Total));
            }

            summary = string.Create(CultureInfo.InvariantCulture, $"memory capacity {mc.Total:F3} with {width} features (delays 1..{maxDelay})");
        }
        else
        {
            summary = Predict(spec, metrics, files, figures, dir);
        }

        if (dir is not null)
        {
            files.Add(MetricsTable.Of(metrics));
        }

        return new ExperimentReport(metrics, [], summary) { Figures = figures, Outputs = files };
    }

    private static string Predict(EsnSpec spec, Dictionary<string, double> metrics, List<ResultFile> files, List<Figure> figures, string? dir)
    {
        var data = TaskData.Build(spec.Task);
        var s = data.Series!;
        var split = data.SplitStep;
        var (drive, width, echo) = Reservoir(spec, s.InputSize);
        if (spec.Washout >= split)
        {
            throw new UserInputException(spec.WashoutLocation, $"the readout washout ({spec.Washout} steps) leaves no training steps before the test part (step {split})", "lower readout.washout or test_fraction");
        }

        var generate = spec.Mode == EsnMode.Generate;
        var states = drive(s.Inputs, generate ? split : s.Length);
        var readout = ReservoirReadout.Fit(states, s.Inputs, s.Targets, split, width, s.InputSize, s.TargetSize, spec.Washout, spec.Ridge, spec.IncludeInput);
        if (spec.Echo is not null && spec.Substrate is { } substrate)
        {
            var w = CrossbarWeights.ToArray(readout.Weights, readout.Outputs, readout.Features);
            readout.Substrate = CrossbarWeights.Program(w, substrate, spec.Periphery, spec.Seed, 2);
        }

        metrics["train_nrmse"] = SequenceMetrics.NormalisedRmse(readout.Predict(states, s.Inputs, spec.Washout, split - spec.Washout), s.Targets.AsSpan(spec.Washout * s.TargetSize, (split - spec.Washout) * s.TargetSize), out _);
        var count = s.Length - split;
        double[] y;
        if (generate)
        {
            if (echo is null || s.InputSize != s.TargetSize)
            {
                throw new UserInputException("free-running generation feeds the outputs back as inputs: it needs an echo-state reservoir and a prediction task (as many targets as inputs)", "use mode: predict");
            }

            count = spec.GenerateSteps > 0 ? Math.Min(spec.GenerateSteps, count) : count;
            y = FreeRun.Generate(echo, readout, s.Inputs.AsSpan(split * s.InputSize, s.InputSize), count);
        }
        else
        {
            y = readout.Predict(states, s.Inputs, split, count);
        }

        var target = s.Targets.AsSpan(split * s.TargetSize, count * s.TargetSize);
        metrics["nrmse"] = SequenceMetrics.NormalisedRmse(y, target, out var mse);
        metrics["mse"] = mse;
        if (dir is not null)
        {
            var headers = new List<string> { "step" };
            headers.AddRange(s.TargetNames.Select(n => $"target_{n}"));
            headers.AddRange(s.TargetNames.Select(n => $"{(generate ? "generated" : "prediction")}_{n}"));
            var columns = new List<IReadOnlyList<double>> { Enumerable.Range(split, count).Select(t => (double)t).ToArray() };
            var targetArray = target.ToArray();
            for (var o = 0; o < s.TargetSize; o++)
            {
                var k = o;
                columns.Add(Enumerable.Range(0, count).Select(t => targetArray[(t * s.TargetSize) + k]).ToArray());
            }

            for (var o = 0; o < s.TargetSize; o++)
            {
                var k = o;
                columns.Add(Enumerable.Range(0, count).Select(t => y[(t * s.TargetSize) + k]).ToArray());
            }

            files.Add(new ResultTable(generate ? "generated.csv" : "predictions.csv", headers, columns));
            figures.Add(EsnFigures.Predictions(s.TargetNames, split, count, targetArray, y, generate));
            var driven = states.Length / width;
            var (first, shown) = driven >= split + count ? (split, count) : (Math.Max(0, driven - count), Math.Min(count, driven));
            figures.Add(EsnFigures.States(states, width, first, shown, echo is null ? "feature" : "unit"));
        }

        var what = spec.Echo is not null ? $"echo-state network ({width} units{(spec.Substrate is null ? "" : ", on crossbars")})" : $"memristive reservoir ({spec.Memristive!.Devices} {spec.DeviceModel} devices, {width} features)";
        return string.Create(CultureInfo.InvariantCulture, $"{what} on {spec.Task.Kind}, {(generate ? $"{count} free-running steps" : "one-step prediction")}: test NRMSE {metrics["nrmse"]:G4} (training {metrics["train_nrmse"]:G4})");
    }

    /// <summary>The reservoir as a drive function (inputs, steps) → features, its feature count, and the echo-state network when it is one.</summary>
    private static (Func<double[], int, double[]> Drive, int Width, EchoStateNetwork? Echo) Reservoir(EsnSpec spec, int inputSize)
    {
        if (spec.Echo is { } echo)
        {
            var esn = new EchoStateNetwork(echo with { InputSize = inputSize });
            if (spec.Substrate is { } substrate)
            {
                esn.RecurrentWeights = CrossbarWeights.Program(esn.Recurrent.ToDense(), substrate, spec.Periphery, spec.Seed, 0);
                esn.InputWeights = CrossbarWeights.Program(esn.InputMatrixArray(), substrate, spec.Periphery, spec.Seed, 1);
            }

            return ((u, n) => esn.Run(u, n), esn.Units, esn);
        }

        var device = MemristorCatalog.Create(spec.DeviceModel, spec.DeviceParameters, spec.DeviceLocation);
        var reservoir = new MemristiveReservoir(spec.Memristive! with { InputSize = inputSize }, device);
        return ((u, n) => reservoir.Run(u, n), reservoir.Features, null);
    }
}
