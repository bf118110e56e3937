using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Figures;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments;

/// <summary>
/// A kind of YAML experiment (<c>kind: crossbar</c>, <c>kind: ctd</c>, <c>kind: recall</c> ...) that
/// <c>neuromorph run</c> executes and <c>neuromorph sweep</c> varies. The kind is the edge between files and physics:
/// its reader turns YAML into the typed spec the physics code takes, and the kind writes what the physics returns.
/// A new experiment kind is one folder under Experiments (reader + kind) plus one line in <see cref="ExperimentCatalog"/>.
/// </summary>
public interface IExperiment
{
    /// <summary>The value of the file's <c>kind:</c> key that selects this experiment.</summary>
    string Kind { get; }

    /// <summary>Other values of <c>kind:</c> that select this experiment (older names kept so existing files and studies still run).</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>One line for <c>neuromorph run --help</c> and docs.</summary>
    string Description { get; }

    /// <summary>Names of the scalar metrics <see cref="ExperimentReport.Metrics"/> holds, so a study can check its metrics before running.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>
    /// Runs the experiment described by <paramref name="root"/>. Writes its files under
    /// <see cref="ExperimentContext.OutputDirectory"/> when that is set (a sweep may pass null to collect metrics only).
    /// </summary>
    ExperimentReport Run(YamlSection root, ExperimentContext context);
}

/// <summary>Where an experiment writes, where it logs, and how it may be cancelled.</summary>
public sealed record ExperimentContext(string? OutputDirectory, TextWriter Log, CancellationToken CancellationToken = default)
{
    /// <summary>Compute backend the user asked for (<c>cpu</c>, <c>opencl</c>, <c>cuda</c>, <c>auto</c>), or null for the default.</summary>
    public string? Backend { get; init; }

    /// <summary>
    /// The accelerator opened from <c>--backend</c>, or null when none was named (experiments then use their CPU code).
    /// Experiments that have an accelerated path use it; the caller owns and disposes it.
    /// </summary>
    public IAccelerator? Accelerator { get; init; }

    /// <summary>Where a long experiment reports the fraction of its work done (null: nowhere).</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Seed given by a sweep for this run; overrides the file's own seed when set.</summary>
    public long? Seed { get; init; }

    /// <summary>Where an <see cref="INetlistExporter"/> writes its SPICE netlist (<c>--export-netlist FILE</c>); null: its default place.</summary>
    public string? NetlistPath { get; init; }
}

/// <summary>An experiment that can export the circuit it solved as a SPICE netlist (<c>neuromorph run --export-netlist</c>).</summary>
public interface INetlistExporter
{
    /// <summary>File name of the netlist in the output directory when no path is given.</summary>
    string DefaultNetlistName { get; }
}

/// <summary>
/// What an experiment reports: scalar metrics by name (for sweeps), files written, a short human summary, and its
/// figures as data (the caller renders them into the output directory in the formats the user chose; a sweep that
/// collects metrics only gets none).
/// </summary>
public sealed record ExperimentReport(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<string> Files, string Summary)
{
    /// <summary>
    /// Files to write into the output folder, as data (<see cref="ResultTable"/>, <see cref="ResultText"/>,
    /// <see cref="ResultStream"/>); the caller writes them with <see cref="ResultWriter"/>. Experiments that
    /// still write their own files list those in <see cref="Files"/> instead.
    /// </summary>
    public IReadOnlyList<ResultFile> Outputs { get; init; } = [];

    /// <summary>Figures to render beside the files (built only when the experiment has an output directory).</summary>
    public IReadOnlyList<Figure> Figures { get; init; } = [];

    /// <summary>Warnings about the input that did not stop the run (e.g. weights clipped to w_max), each located in the file.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>
    /// Set when the run was interrupted and reports what it had finished (e.g. "training interrupted after epoch 3 of
    /// 10; kept the model of epoch 3"): the caller writes the outputs, says this, and exits as interrupted.
    /// </summary>
    public string? Interrupted { get; init; }
}
