using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Spiking;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Lsm;

/// <summary>
/// <c>kind: lsm</c>: a liquid-state machine (Maass, Natschläger and Markram 2002), a spiking reservoir of LIF neurons
/// with memristive synapses, driven by a series task (rate-coded or injected) and read out by ridge regression on
/// filtered spike traces or spike counts. Writes predictions.csv, spikes.csv (the raster window) and metrics;
/// figures: predictions and raster. Metrics: nrmse, mse, train_nrmse, firing_rate (Hz), ridge (the λ used: with
/// <c>ridge: auto</c> or a list, the one of lowest NRMSE on the last 20 % of the training steps).
/// </summary>
public sealed class LsmExperiment : Experiment<LsmSpec>
{
    /// <inheritdoc />
    public override string Kind => "lsm";

    /// <inheritdoc />
    public override string Description => "liquid-state machine: LIF neurons, memristive synapses (optional STDP), ridge readout on spike traces";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["nrmse", "mse", "train_nrmse", "firing_rate", "ridge"];

    /// <inheritdoc />
    public override LsmSpec Read(YamlSection root, long? seed = null) => LsmSpecReader.Read(root, seed);

    /// <inheritdoc />
    public override ExperimentReport Run(LsmSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var dir = context.OutputDirectory;
        var data = TaskData.Build(spec.Task);
        var s = data.Series!;
        var split = data.SplitStep;
        if (spec.Washout >= split)
        {
            throw new UserInputException(spec.WashoutLocation, $"the readout washout ({spec.Washout} steps) leaves no training steps before the test part (step {split})", "lower readout.washout or test_fraction");
        }

        var liquid = new LiquidStateMachine(spec.Liquid with { InputSize = s.InputSize });
        var spikes = new List<Spike>();
        liquid.Recorded = spikes;
        var n = liquid.Neurons;
        double[] features;
        if (spec.Liquid.Stdp is not null && !spec.StdpAfterWashout)
        {
            var shaping = liquid.Drive(s.Inputs, spec.Washout);
            liquid.Synapses.Plastic = false;
            features = [.. shaping, .. liquid.Drive(s.Inputs.AsSpan(spec.Washout * s.InputSize), s.Length - spec.Washout)];
        }
        else
        {
            features = liquid.Drive(s.Inputs, s.Length);
        }

        var ridge = spec.RidgeCandidates is { } candidates ? ChooseRidge(candidates, features, s, split, n, spec) : spec.Ridge;
        var readout = ReservoirReadout.Fit(features, s.Inputs, s.Targets, split, n, s.InputSize, s.TargetSize, spec.Washout, ridge, spec.IncludeInput);
        var metrics = new Dictionary<string, double>
        {
            ["ridge"] = ridge,
            ["train_nrmse"] = SequenceMetrics.NormalisedRmse(readout.Predict(features, s.Inputs, spec.Washout, split - spec.Washout), s.Targets.AsSpan(spec.Washout * s.TargetSize, (split - spec.Washout) * s.TargetSize), out _),
            ["firing_rate"] = liquid.SpikeCount / (double)n / liquid.Time,
        };
        var count = s.Length - split;
        var y = readout.Predict(features, s.Inputs, split, count);
        var target = s.Targets.AsSpan(split * s.TargetSize, count * s.TargetSize).ToArray();
        metrics["nrmse"] = SequenceMetrics.NormalisedRmse(y, target, out var mse);
        metrics["mse"] = mse;
        var figures = new List<Figure>();
        var files = new List<ResultFile>();
        if (dir is not null)
        {
            var headers = new List<string> { "step" };
            headers.AddRange(s.TargetNames.Select(t => $"target_{t}"));
            headers.AddRange(s.TargetNames.Select(t => $"prediction_{t}"));
            var columns = new List<IReadOnlyList<double>> { Enumerable.Range(split, count).Select(t => (double)t).ToArray() };
            for (var o = 0; o < s.TargetSize; o++)
            {
                var k = o;
                columns.Add(Enumerable.Range(0, count).Select(t => target[(t * s.TargetSize) + k]).ToArray());
            }

            for (var o = 0; o < s.TargetSize; o++)
            {
                var k = o;
                columns.Add(Enumerable.Range(0, count).Select(t => y[(t * s.TargetSize) + k]).ToArray());
            }

            files.Add(new ResultTable("predictions.csv", headers, columns));
            figures.Add(PredictionFigure.Of(s.TargetNames, split, count, target, y, false));
            var from = split * spec.Liquid.StepDuration;
            var to = Math.Min(s.Length, split + spec.RasterSteps) * spec.Liquid.StepDuration;
            var window = spikes.Where(p => p.Time >= from && p.Time < to).ToList();
            files.Add(new ResultTable("spikes.csv", ["time", "neuron"], [[.. window.Select(p => p.Time)], [.. window.Select(p => (double)p.Neuron)]]));
            if (spec.RasterSteps > 0)
            {
                figures.Add(LsmFigures.Raster(window, n, liquid.Excitatory, from, to));
            }

            files.Add(MetricsTable.Of(metrics));
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"liquid-state machine ({n} LIF neurons, {liquid.Synapses.Count} memristive synapses{(spec.Liquid.Stdp is null ? "" : ", STDP")}, {spec.Liquid.Coding.ToString().ToLowerInvariant()} input) on {spec.Task.Kind}: test NRMSE {metrics["nrmse"]:G4} (training {metrics["train_nrmse"]:G4}), mean rate {metrics["firing_rate"]:F1} Hz");
        return new ExperimentReport(metrics, [], summary) { Figures = figures, Outputs = files };
    }

    /// <summary>
    /// The λ of lowest NRMSE on the validation part, the last 20 % of the training steps [washout, split), each fitted on
    /// the steps before it; ties keep the smaller λ.
    /// </summary>
    private static double ChooseRidge(IReadOnlyList<double> candidates, double[] features, TimeSeries s, int split, int units, LsmSpec spec)
    {
        var validation = spec.Washout + (int)(0.8 * (split - spec.Washout));
        var count = split - validation;
        if (count < 1 || validation - spec.Washout < 1)
        {
            return candidates[0];
        }

        var target = s.Targets.AsSpan(validation * s.TargetSize, count * s.TargetSize).ToArray();
        var best = (Ridge: candidates[0], Error: double.PositiveInfinity);
        foreach (var lambda in candidates.Order())
        {
            var readout = ReservoirReadout.Fit(features, s.Inputs, s.Targets, validation, units, s.InputSize, s.TargetSize, spec.Washout, lambda, spec.IncludeInput);
            var error = SequenceMetrics.NormalisedRmse(readout.Predict(features, s.Inputs, validation, count), target, out _);
            if (error < best.Error)
            {
                best = (lambda, error);
            }
        }

        return best.Ridge;
    }
}
