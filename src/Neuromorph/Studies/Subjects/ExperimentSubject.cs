using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Studies.Subjects;

/// <summary>
/// A YAML experiment as a study subject. The file is parsed once (<see cref="YamlTemplate"/>); each run sets the varied
/// key paths in a fresh tree of it, and the experiment reads its typed spec from that tree with the run's seed
/// (<see cref="Experiment{TSpec}.Read"/>) and runs it without writing files; the metrics are picked from its report.
/// </summary>
public sealed class ExperimentSubject : IStudySubject
{
    private readonly string _path;
    private readonly YamlTemplate _template;
    private readonly IExperiment _experiment;

    /// <summary>Loads the experiment file at <paramref name="path"/> and selects its kind.</summary>
    public ExperimentSubject(string path)
    {
        _path = path;
        _template = YamlTemplate.Parse(File.ReadAllText(path), path);
        var root = _template.Root();
        _experiment = ExperimentCatalog.Select(root);
        InputFiles = [Path.GetFullPath(path), .. YamlFileReferences.Of(root)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> InputFiles { get; }

    /// <summary>Accelerator for experiments with an accelerated path (from <c>--backend</c>), or null.</summary>
    public IAccelerator? Accelerator { get; init; }

    /// <inheritdoc />
    public void Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // a netlist experiment reports its file's .measure values; the others, the names of their kind
        var names = _experiment is IFileMetrics byFile ? byFile.MetricNamesOf(_template.Root()) : _experiment.MetricNames;
        foreach (var m in spec.Metrics)
        {
            if (m.Kind != MetricKind.Value)
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}': an experiment base reports values, not waveforms", $"use value: one of {string.Join(", ", names)}");
            }

            if (!names.Contains(m.Signal, StringComparer.OrdinalIgnoreCase))
            {
                throw new UserInputException(m.Location, $"metric '{m.Name}': a '{_experiment.Kind}' experiment reports no '{m.Signal}'", Suggestions.Hint(m.Signal, names.ToList()));
            }
        }

        // a key path the base file lacks is the study's mistake: report it at the parameter, with the base's real paths
        var root = _template.Root();
        foreach (var axis in spec.Axes)
        {
            try
            {
                YamlOverrides.Set(root, axis.Key, axis.Low.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (UserInputException ex)
            {
                var paths = YamlOverrides.Paths(_template.Root());
                var close = Suggestions.Closest(axis.Key, paths);
                throw new UserInputException(axis.Location, $"parameter '{axis.Key}' is not a value of {Path.GetFileName(_path)}: {ex.Diagnostic.Message.Replace($"parameter path '{axis.Key}': ", "", StringComparison.Ordinal).Replace($"parameter path '{axis.Key}' ", "", StringComparison.Ordinal)} ({ex.Diagnostic.Location})",
                    close is not null ? $"did you mean '{close}'?" : $"key paths of {Path.GetFileName(_path)}: {string.Join(", ", paths.Take(40))}");
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Evaluate(StudySpec spec, StudyPoint run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(run);
        var root = YamlOverrides.Apply(_template, run.Parameters);
        var report = _experiment.Run(root, new ExperimentContext(null, TextWriter.Null, cancellationToken) { Seed = run.Seed, Accelerator = Accelerator });
        if (report.Interrupted is not null)
        {
            // a study point's metrics describe a finished run only: an interrupted one is not recorded
            throw new OperationCanceledException(report.Interrupted, cancellationToken);
        }

        return spec.Metrics.ToDictionary(
            m => m.Name,
            m => report.Metrics.FirstOrDefault(kv => string.Equals(kv.Key, m.Signal, StringComparison.OrdinalIgnoreCase)).Value,
            StringComparer.OrdinalIgnoreCase);
    }
}
