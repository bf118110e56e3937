using Neuromorph.Diagnostics;
using Neuromorph.Experiments.AnalogTraining;
using Neuromorph.Experiments.Continuous;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Ctd;
using Neuromorph.Experiments.Device;
using Neuromorph.Experiments.Lsm;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Experiments.Recall;
using Neuromorph.Experiments.Reservoir;
using Neuromorph.Experiments.Seq2Seq;
using Neuromorph.Experiments.Ntm;
using Neuromorph.Experiments.Sequence;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments;

/// <summary>Every experiment kind <c>neuromorph run</c> knows, selected by the file's <c>kind:</c> key.</summary>
public static class ExperimentCatalog
{
    /// <summary>The registered experiment kinds, one line each.</summary>
    public static IReadOnlyList<IExperiment> All { get; } =
    [
        new CrossbarExperiment(),
        new CtdExperiment(),
        new RecallExperiment(),
        new MinimizeExperiment(),
        new SequenceExperiment(),
        new Seq2SeqExperiment(),
        new NtmExperiment(),
        new EsnExperiment(),
        new LsmExperiment(),
        new CtrnnExperiment(),
        new AnalogTrainingExperiment(),
        new NetlistExperiment(),
        new DeviceExperiment(),
    ];

    /// <summary>Every value of <c>kind:</c> that selects an experiment, as help lists them: <c>minimize (alias maxcut)</c>.</summary>
    public static IReadOnlyList<string> KindNames { get; } =
        [.. All.Select(e => e.Aliases.Count == 0 ? e.Kind : $"{e.Kind} (alias {string.Join(", ", e.Aliases)})")];

    /// <summary>The experiment a file selects (by its kind or an alias); a missing or unknown kind is a located user error.</summary>
    public static IExperiment Select(YamlSection root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var kinds = All.SelectMany(e => e.Aliases.Prepend(e.Kind)).ToList();
        var key = root.Has("kind") ? "kind" : root.Has("experiment") ? "experiment" : null;
        if (key is null)
        {
            throw new UserInputException(root.Location, "missing 'kind:' at the top of the experiment file", $"start the file with kind: one of {string.Join(", ", kinds)}");
        }

        var kind = root.GetString(key);
        return All.FirstOrDefault(e => e.Aliases.Prepend(e.Kind).Contains(kind, StringComparer.OrdinalIgnoreCase))
            ?? throw root.Error(key, $"unknown experiment kind '{kind}'", Suggestions.Hint(kind, kinds));
    }
}
