using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// Physics code does no file I/O: devices, circuit elements, the engine and analyses, dynamics, numerics, networks,
/// crossbars and the solvers take and return data; files are read and written by Io and by the reader and writer folders
/// of file formats (docs/architecture.md, "Rules"). Io helpers (TextFile, AtomicFile, CsvMatrix) are how a format folder
/// touches the disk.
/// </summary>
public class PhysicsFileIoTests
{
    /// <summary>The physics namespaces.</summary>
    private const string Physics = @"^Neuromorph\.(Devices|Circuits\.(Elements|Engine|Analyses)|Dynamics|Numerics|Networks|Crossbars|Optimization)(\..*)?$";

    /// <summary>
    /// Folders of physics namespaces that hold file formats, each with its reason: they are readers and writers, not physics.
    /// </summary>
    private const string FormatFolders =
        @"^Neuromorph\.(" +
        @"Optimization\.Problems" + // problem files: G-set, QUBO, Ising, DIMACS CNF, portfolio and price CSVs
        @"|Networks\.Sequence\.ModelFiles" + // the sequence-model JSON file (PyTorch state-dict layout)
        @"|Networks\.Seq2Seq\.ModelFiles" + // the encoder–decoder JSON file (PyTorch state-dict names)
        @"|Networks\.Memory\.ModelFiles" + // the neural Turing machine's JSON file
        @"|Circuits\.Elements\.Memristors\.ModelFiles" + // the f(x) tables of Xyce's piecewise-empirical memristor
        @")(\..*)?$";

    /// <summary>The System.IO types that touch the file system.</summary>
    private const string FileSystem = @"^System\.IO\.(File|FileInfo|FileStream|Directory|DirectoryInfo|StreamReader|StreamWriter)$";

    [Fact]
    public void Physics_code_does_no_file_io() =>
        Types().That().ResideInNamespaceMatching(Physics).And().DoNotResideInNamespaceMatching(FormatFolders)
            .Should().NotDependOnAny(Types(true).That().HaveFullNameMatching(FileSystem))
            .Because("physics takes and returns data; Io and the file-format folders read and write files")
            .Check(LayerTests.Loaded);

    [Fact]
    public void The_file_system_types_are_in_the_architecture() =>
        // the rule above is vacuous if the pattern matches nothing loaded
        Assert.Contains(LayerTests.Loaded.ReferencedTypes, t => t.FullName == "System.IO.File");
}
