using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// How use cases are put together (docs/architecture.md, "Use cases"): each experiment folder stands alone, sharing only
/// Experiments/Shared (readers several experiments use) and Experiments/Results (result files as data and their writer).
/// </summary>
public class UseCaseTests
{
    /// <summary>Experiment folders every experiment may use.</summary>
    private static readonly string[] Common = ["Shared", "Results"];

    public static TheoryData<string> ExperimentFolders => [.. Folders()];

    private static List<string> Folders() =>
    [
        .. LayerTests.Loaded.Namespaces
            .Select(n => n.FullName)
            .Where(n => n.StartsWith("Neuromorph.Experiments.", StringComparison.Ordinal))
            .Select(n => n["Neuromorph.Experiments.".Length..].Split('.')[0])
            .Distinct()
            .Where(f => !Common.Contains(f))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_experiment_folders_are_found() =>
        Assert.Contains("Recall", Folders());

    [Theory]
    [MemberData(nameof(ExperimentFolders))]
    public void An_experiment_folder_uses_no_sibling_experiment(string folder)
    {
        var siblings = Folders().Where(f => f != folder).ToList();
        Types().That().ResideInNamespaceMatching($@"^Neuromorph\.Experiments\.{folder}(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Neuromorph\.Experiments\.({string.Join("|", siblings)})(\..*)?$"))
            .Because("what two experiments share lives in Experiments/Shared, so each experiment can change alone")
            .Check(LayerTests.Loaded);
    }

    [Fact]
    public void Shared_experiment_code_uses_no_experiment()
    {
        var folders = Folders().ToList();
        Types().That().ResideInNamespaceMatching(@"^Neuromorph\.Experiments\.(Shared|Results)(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Neuromorph\.Experiments\.({string.Join("|", folders)})(\..*)?$"))
            .Because("shared readers and result types sit below every experiment")
            .Check(LayerTests.Loaded);
    }
}
