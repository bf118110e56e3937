using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments;

/// <summary>
/// An experiment whose metrics depend on its file rather than on its kind (a netlist's <c>.measure</c> names): a study
/// asks it for them before running, where other experiments answer with <see cref="IExperiment.MetricNames"/>.
/// </summary>
public interface IFileMetrics
{
    /// <summary>The names of the metrics a run of the experiment file <paramref name="root"/> reports.</summary>
    IReadOnlyList<string> MetricNamesOf(YamlSection root);
}
