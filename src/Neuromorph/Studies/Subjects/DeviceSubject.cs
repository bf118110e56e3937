using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;
using Neuromorph.Compute.Transients;
using Neuromorph.Crossbars;
using Neuromorph.Devices;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Device;
using Neuromorph.Numerics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Studies.Subjects;

/// <summary>
/// A single memristor's transient (<see cref="DeviceTransientSpec"/>) as a study subject: every point of a batch is one
/// lane (<see cref="MemristorLane{TModel}"/> over the model's own equations, <see cref="IMemristorModel.WithEquations{TResult}"/>)
/// integrated in parallel on the accelerator from <c>--backend</c> (one kernel launch per batch on a GPU) or on all
/// cores of the managed path, and measured with the same waveform metrics a netlist base computes (signals v, x, i, vm,
/// r), without storing waveforms. Every model of <see cref="MemristorCatalog"/> has this batched form.
/// </summary>
public sealed class DeviceSubject : IBatchStudySubject
{
    /// <summary>The signals a device study can measure, in lane numbering.</summary>
    public static IReadOnlyDictionary<string, int> Signals { get; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["v"] = MemristorSignals.Drive,
        ["x"] = MemristorSignals.State,
        ["i"] = MemristorSignals.Current,
        ["vm"] = MemristorSignals.DeviceVoltage,
        ["r"] = MemristorSignals.Resistance,
    };

    private readonly DeviceTransientSpec _device;

    /// <summary>Reads the device file at <paramref name="path"/>.</summary>
    public DeviceSubject(string path)
    {
        _device = DeviceTransientSpec.Read(path);
        InputFiles = [Path.GetFullPath(path)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> InputFiles { get; }

    /// <summary>The accelerator from <c>--backend</c>; null runs the managed CPU path.</summary>
    public IAccelerator? Accelerator { get; init; }

    /// <inheritdoc />
    public int BatchSize { get; init; } = 1 << 16;

    /// <inheritdoc />
    public void Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var axis in spec.Axes)
        {
            if (axis.Key.Equals("stop", StringComparison.OrdinalIgnoreCase) || axis.Key.Equals("steps", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserInputException(axis.Location, $"'{axis.Key}' sets the time grid every point of a batch shares", "vary it across separate studies");
            }

            if (!_device.Has(axis.Key))
            {
                throw new UserInputException(axis.Location, $"parameter '{axis.Key}' is not a number of the device file", Suggestions.Hint(axis.Key, [.. _device.Keys]));
            }
        }

        foreach (var axis in spec.Axes)
        {
            RequireValid(axis);
        }

        foreach (var m in spec.Metrics)
        {
            if (m.Kind == MetricKind.Value)
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}': a device base is measured on waveforms", "use final, at, min, max, average, rms or cross");
            }

            if (!Signals.ContainsKey(m.Signal))
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}' reads '{m.Signal}', which a device transient does not have", Suggestions.Hint(m.Signal, [.. Signals.Keys]));
            }

            WaveformMetrics.RequireWithin(m, 0, _device.Stop);
        }

        _device.Model(new Dictionary<string, double>()); // a parameter of the file the device refuses is an error before any run
    }

    /// <summary>
    /// Builds the device, drive and series resistance with each value the parameter takes (its list, or the ends of its
    /// random range) and the file's other values, so a value the device refuses (a negative resistance, a pwl out of
    /// order) is an error at the parameter's line before anything runs, not a failure of every run that uses it.
    /// </summary>
    private void RequireValid(ParameterAxis axis)
    {
        var values = axis.Values.Count > 0 ? axis.Values : [axis.Low, axis.High];
        foreach (var value in values.Distinct())
        {
            var overrides = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase) { [axis.Key] = value };
            try
            {
                _device.Model(overrides);
                _device.Drive(overrides);
                _device.SeriesResistance(overrides);
            }
            catch (UserInputException ex)
            {
                throw new UserInputException(axis.Location, $"parameter '{axis.Key}' takes the value {value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}, which the device refuses: {ex.Diagnostic.Message}", ex.Diagnostic.Hint);
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate(StudySpec spec, StudyPoint run, CancellationToken cancellationToken)
    {
        var outcome = EvaluateBatch(spec, [run], cancellationToken)[0];
        return outcome.Metrics ?? throw new SimulationException(outcome.Failure ?? "the run failed");
    }

    /// <inheritdoc />
    public IReadOnlyList<BatchOutcome> EvaluateBatch(StudySpec spec, IReadOnlyList<StudyPoint> runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(runs);
        var outcomes = new BatchOutcome[runs.Count];
        var models = new IMemristorModel?[runs.Count];
        var drives = new DriveWaveform[runs.Count];
        var series = new double[runs.Count];
        for (var k = 0; k < runs.Count; k++)
        {
            try
            {
                var overrides = new Dictionary<string, double>(runs[k].Parameters, StringComparer.OrdinalIgnoreCase);
                models[k] = _device.Model(overrides);
                drives[k] = _device.Drive(overrides);
                series[k] = _device.SeriesResistance(overrides);
            }
            catch (UserInputException ex)
            {
                outcomes[k] = new BatchOutcome(null, ex.Diagnostic.Message);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        // every point's device is of the file's model: the first one's equations type is every lane's
        var values = models.FirstOrDefault(m => m is not null)?.WithEquations(new BatchIntegration(this, spec, models, drives, series));
        for (var k = 0; k < runs.Count; k++)
        {
            if (models[k] is null)
            {
                continue;
            }

            var metrics = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
            for (var m = 0; m < spec.Metrics.Count; m++)
            {
                metrics[spec.Metrics[m].Name] = values![m][k];
            }

            outcomes[k] = double.IsFinite(values![spec.Metrics.Count][k])
                ? new BatchOutcome(metrics, null)
                : new BatchOutcome(null, _device.DivergenceMessage);
        }

        return outcomes;
    }

    /// <summary>Per metric (and a last row: the final state, to catch divergence) the value of every lane.</summary>
    private double[][] Integrate<TModel>(StudySpec spec, IMemristorModel?[] models, DriveWaveform[] drives, double[] series)
        where TModel : unmanaged, IMemristorEquations
    {
        var index = Enumerable.Range(0, models.Length).Where(k => models[k] is not null).ToArray();
        var lanes = index.Select(k => new MemristorLane<TModel>(EquationsOf<TModel>.Of(models[k]!), drives[k], series[k])).ToArray();
        var probes = spec.Metrics.Select(Probe).Append(new LaneProbe(LaneStatistic.Final, MemristorSignals.State, 0, 0, _device.Stop, 0, 0)).ToList();
        var grid = _device.Grid;
        var accelerator = Accelerator ?? new CpuAccelerator(DataConverter.Quantize);
        var result = probes.Select(_ => new double[models.Length]).ToArray();
        for (var first = 0; first < probes.Count; first += ProbeBank.Capacity)
        {
            var chunk = probes.Skip(first).Take(ProbeBank.Capacity).ToList();
            var bank = new ProbeBank(chunk.Count, chunk[0], chunk.ElementAtOrDefault(1), chunk.ElementAtOrDefault(2), chunk.ElementAtOrDefault(3));
            var values = new double[lanes.Length * chunk.Count];
            accelerator.KernelSet<LaneKernels>().IntegrateLanes<MemristorLane<TModel>>(lanes, grid, bank, values);
            for (var l = 0; l < lanes.Length; l++)
            {
                for (var p = 0; p < chunk.Count; p++)
                {
                    result[first + p][index[l]] = values[(l * chunk.Count) + p];
                }
            }
        }

        return result;
    }

    /// <summary>Integrates a batch at the equations type of its first device (every device of a batch is of the file's model).</summary>
    private sealed class BatchIntegration(DeviceSubject subject, StudySpec spec, IMemristorModel?[] models, DriveWaveform[] drives, double[] series)
        : IMemristorEquationsVisitor<double[][]>
    {
        public double[][] Visit<TEquations>(TEquations equations)
            where TEquations : unmanaged, IMemristorEquations => subject.Integrate<TEquations>(spec, models, drives, series);
    }

    private LaneProbe Probe(MetricSpec m) => new(
        m.Kind switch
        {
            MetricKind.Final => LaneStatistic.Final,
            MetricKind.At => LaneStatistic.At,
            MetricKind.Min => LaneStatistic.Min,
            MetricKind.Max => LaneStatistic.Max,
            MetricKind.Average => LaneStatistic.Average,
            MetricKind.Rms => LaneStatistic.Rms,
            _ => LaneStatistic.Cross,
        },
        Signals[m.Signal],
        m.At ?? _device.Stop,
        m.From ?? 0,
        m.To ?? _device.Stop,
        m.Threshold ?? 0,
        m.Direction switch { CrossDirection.Rise => 1, CrossDirection.Fall => 2, _ => 0 });
}
