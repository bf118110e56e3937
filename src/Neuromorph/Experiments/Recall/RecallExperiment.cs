using System.Globalization;
using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Experiments.Recall;

/// <summary>
/// <c>kind: recall</c>: associative recall in a Hopfield network or BAM (<see cref="AssociativeRecall"/>), on the ideal
/// weight matrix, on a compute device (<c>--backend</c>) or, with a <c>substrate:</c> section, on memristive crossbars
/// with their non-idealities. Writes <c>recall.csv</c> (Hopfield) or <c>bam_recall.csv</c>, <c>overlap.csv</c> (mean
/// overlap against update step per cell) and the figures of <see cref="RecallFigures"/>.
/// </summary>
public sealed class RecallExperiment : Experiment<RecallExperimentSpec>
{
    /// <inheritdoc />
    public override string Kind => "recall";

    /// <inheritdoc />
    public override string Description => "associative recall (Hopfield, BAM) vs load and probe noise, ideal or on a crossbar substrate";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["bit_error_rate", "overlap"];

    /// <inheritdoc />
    public override RecallExperimentSpec Read(YamlSection root, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var spec = RecallSpecReader.Read(root, seed is long s ? (ulong)s : null);
        return new RecallExperimentSpec(spec, root.TryGetSection("substrate") is { } section ? SubstrateSpecReader.Read(section) : null);
    }

    /// <inheritdoc />
    public override ExperimentReport Run(RecallExperimentSpec experiment, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(context);
        var (spec, substrateSpec) = (experiment.Recall, experiment.Substrate);
        var substrateSeed = SeedSequence.Derive((long)spec.Seed, 1, 0); // the crossbar's draws are independent of the patterns' and probes'
        var onDevice = new List<DeviceWeights>();
        Func<DenseWeights, IWeightSubstrate>? substrate = substrateSpec is not null
            ? w => new CrossbarSubstrate(w.ToArray(), substrateSpec, substrateSeed)
            : context.Accelerator is { } acc
                ? w =>
                {
                    var d = DeviceWeights.From(acc, w);
                    onDevice.Add(d);
                    return d;
                }
                : null;
        var log = context.OutputDirectory is null ? TextWriter.Null : context.Log;
        RecallResult result;
        try
        {
            result = AssociativeRecall.Run(spec, substrate, log.WriteLine);
        }
        finally
        {
            onDevice.ForEach(d => d.Dispose());
        }

        var files = new List<ResultFile>();
        if (context.OutputDirectory is not null)
        {
            files.Add(spec.Network == RecallNetwork.Hopfield ? Hopfield(result.Hopfield) : Bam(result.Bam));
            files.Add(Trajectories(result.Trajectories, spec.Network));
        }

        return new ExperimentReport(
            new Dictionary<string, double> { ["bit_error_rate"] = result.BitError, ["overlap"] = result.Overlap },
            [],
            $"recall{(substrateSpec is null ? "" : " on a crossbar substrate")}: mean bit-error fraction {result.BitError:G4}, mean overlap {result.Overlap:G4}")
        {
            Outputs = files,
            Figures = context.OutputDirectory is null ? [] : RecallFigures.Of(spec, result, synchronous: substrate is not null),
        };
    }

    private static ResultText Hopfield(IReadOnlyList<HopfieldRecallPoint> points)
    {
        var rows = points.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Load:G6},{c.Patterns},{c.ProbeNoise:G6},{c.Overlap:G6},{c.BitErrorFraction:G6}"));
        return new ResultText("recall.csv", string.Join('\n', rows.Prepend("load,patterns,probe_noise,overlap,bit_error_fraction")) + "\n");
    }

    /// <summary>overlap.csv: load (P/N, or pairs for BAM), probe_noise, update, overlap (mean over the cell's probes).</summary>
    private static ResultText Trajectories(IReadOnlyList<OverlapTrajectory> trajectories, RecallNetwork network)
    {
        var rows = trajectories.SelectMany(t => t.Overlap.Select((m, step) => string.Create(CultureInfo.InvariantCulture, $"{t.Load:G6},{t.ProbeNoise:G6},{step},{m:G6}")));
        return new ResultText("overlap.csv", string.Join('\n', rows.Prepend(network == RecallNetwork.Hopfield ? "load,probe_noise,update,overlap" : "pairs,probe_noise,update,overlap_b")) + "\n");
    }

    private static ResultText Bam(IReadOnlyList<BamRecallPoint> points)
    {
        var rows = points.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Pairs},{c.Load:G6},{c.ProbeNoise:G6},{c.OverlapA:G6},{c.OverlapB:G6},{c.BitErrorFractionB:G6}"));
        return new ResultText("bam_recall.csv", string.Join('\n', rows.Prepend("pairs,load,probe_noise,overlap_a,overlap_b,bit_error_fraction_b")) + "\n");
    }
}
