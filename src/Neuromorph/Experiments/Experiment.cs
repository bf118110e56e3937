using Neuromorph.Experiments.Results;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments;

/// <summary>
/// A use case in three steps: <see cref="Read"/> turns the YAML file into a typed, validated spec (every mistake a
/// located error, found before anything runs), <see cref="Run(TSpec, ExperimentContext)"/> runs the spec and returns
/// its result as data (metrics, files as <see cref="ResultFile"/>s, figures), and the caller writes the result
/// (<see cref="ResultWriter"/>). Tests and other front ends (Python, sweeps) build or read the spec and call
/// <see cref="Run(TSpec, ExperimentContext)"/> directly.
/// </summary>
/// <typeparam name="TSpec">The experiment's typed spec.</typeparam>
public abstract class Experiment<TSpec> : IExperiment
    where TSpec : notnull
{
    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public abstract IReadOnlyList<string> MetricNames { get; }

    /// <summary>Reads and validates the spec; <paramref name="seed"/> (a sweep's) replaces the file's own seed when set.</summary>
    public abstract TSpec Read(YamlSection root, long? seed = null);

    /// <summary>Runs a validated spec.</summary>
    public abstract ExperimentReport Run(TSpec spec, ExperimentContext context);

    /// <inheritdoc />
    public ExperimentReport Run(YamlSection root, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        return Run(Read(root, context.Seed), context);
    }
}
