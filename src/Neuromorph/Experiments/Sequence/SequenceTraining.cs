using Neuromorph.Io.Yaml;

namespace Neuromorph.Experiments.Sequence;

/// <summary>
/// The file <c>neuromorph train</c> trains: a sequence-model YAML (model:, data: and training: sections) read into a
/// <see cref="SequenceRunSpec"/> that <see cref="SequenceRun.Execute"/> runs. A file with no <c>training:</c> section
/// (one that loads a trained model) has nothing to train and is refused at its <c>model_file</c> key.
/// </summary>
public static class SequenceTraining
{
    /// <summary>Reads and checks the file at <paramref name="path"/>; every mistake is a located input error.</summary>
    public static SequenceRunSpec Read(string path)
    {
        var root = YamlSection.LoadFile(path);
        var spec = SequenceSpecReader.Read(root);
        if (spec.Training is null)
        {
            throw root.Error("model_file", "nothing to train: the file loads a trained model and has no 'training:' section", "use 'neuromorph run' to evaluate a trained model");
        }

        return spec;
    }
}
