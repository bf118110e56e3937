using Neuromorph.Io.Yaml;
using Neuromorph.Studies;

namespace Neuromorph.Tests.Studies;

/// <summary>Writes small study files and their base files into a fresh temporary directory.</summary>
internal sealed class StudyFixtures : IDisposable
{
    public StudyFixtures()
    {
        Directory = Path.Combine(Path.GetTempPath(), "nm-study-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "base.cir"), "title\nr1 a 0 1k\n.end\n");
    }

    public string Directory { get; }

    public StudySpec Spec(string yaml)
    {
        var path = Path.Combine(Directory, "study.yaml");
        File.WriteAllText(path, yaml);
        return StudySpecReader.Read(YamlSection.LoadFile(path), yaml);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, true);
        }
        catch (IOException)
        {
        }
    }
}
