using Neuromorph.Io.Yaml;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>Writes small study files and their base files into a fresh temporary directory.</summary>
internal sealed class StudyFixtures : IDisposable
{
    private readonly TempDirectory _dir = new("nm-study-");

    public StudyFixtures() => File.WriteAllText(Path.Combine(Directory, "base.cir"), "title\nr1 a 0 1k\n.end\n");

    public string Directory => _dir.Path;

    public StudySpec Spec(string yaml)
    {
        var path = Path.Combine(Directory, "study.yaml");
        File.WriteAllText(path, yaml);
        return StudySpecReader.Read(YamlSection.LoadFile(path), yaml);
    }

    public void Dispose() => _dir.Dispose();
}
