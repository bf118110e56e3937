namespace Neuromorph.Studies;

/// <summary>What a study varies: a netlist (parameters are <c>.param</c> names) or a YAML experiment file (parameters are dotted key paths).</summary>
public enum StudySubjectKind
{
    /// <summary>A SPICE netlist; parameters override its <c>.param</c> values.</summary>
    Netlist,

    /// <summary>A YAML experiment (crossbar, ctd, recall, ...); parameters override key paths.</summary>
    Experiment,

    /// <summary>A single memristor's transient (model, drive, series resistance); parameters are key paths; runs are batched.</summary>
    Device,
}

/// <summary>
/// A parsed study file: the base, the varied parameters, how they are sampled, replicates, seed and metrics.
/// <see cref="Fingerprint"/> identifies the study's content so shards of different studies are never merged.
/// </summary>
public sealed record StudySpec(
    string Name,
    string File,
    StudySubjectKind BaseKind,
    string BasePath,
    IReadOnlyList<ParameterAxis> Axes,
    SamplingMethod Sampling,
    int Samples,
    int Replicates,
    long Seed,
    IReadOnlyList<MetricSpec> Metrics,
    string Fingerprint);
