using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// A thin command line (docs/architecture.md, "The flow"): the CLI parses flags into a use case's request, calls the use
/// case and writes its result; the physics stays behind the use cases. So Neuromorph.Cli and below depend on no physics
/// folder, only on Experiments, Studies, Figures, Io, Diagnostics, Units, Compute (the accelerator seam it opens and
/// hands to use cases), Neuromorph.Kernels.Backends (the backend catalog), Neuromorph.Plotting (the renderer it
/// hands to figure writers) and Optimization.Registry (the descriptions of solver settings, from which the minimize
/// command generates one flag per setting; they hold no solver).
/// </summary>
public class CliTests
{
    private const string Cli = @"^Neuromorph\.Cli(\..*)?$";

    /// <summary>The physics and numerics folders of the core library.</summary>
    private static readonly string[] Physics = ["Circuits", "Crossbars", "Devices", "Dynamics", "Networks", "Numerics", @"Optimization(?!\.Registry)"];

    /// <summary>What the command line may use of the project.</summary>
    private static readonly string[] Allowed = ["Cli", "Experiments", "Studies", "Figures", "Io", "Diagnostics", "Units", "Compute", @"Kernels\.Backends", "Plotting", @"Optimization\.Registry"];

    /// <summary>
    /// Command-line types that still reach into a physics folder, each with the change that removes it. Keep it short:
    /// a new entry needs a pending change that takes it off again.
    /// </summary>
    private static readonly string[] Pending = [];

    [Fact]
    public void The_command_line_depends_on_no_physics_folder() =>
        Types().That().ResideInNamespaceMatching(Cli).And().DoNotHaveFullNameMatching(PendingTypes())
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Neuromorph\.({string.Join("|", Physics)})(\..*)?$"))
            .Because("commands parse, call a use case (Experiments, Studies) and write; the physics stays behind the use cases")
            .Check(LayerTests.Loaded);

    [Fact]
    public void The_command_line_uses_only_use_cases_and_their_seams() =>
        Types().That().ResideInNamespaceMatching(Cli).And().DoNotHaveFullNameMatching(PendingTypes())
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^Neuromorph\.(?!({string.Join("|", Allowed)})(\.|$))"))
            .Because("the command line's way into the library is a use case, the accelerator it opens, the backend catalog and the renderer")
            .Check(LayerTests.Loaded);

    /// <summary>The allow-list as a pattern over full type names, nested and compiler-generated types included.</summary>
    private static string PendingTypes() =>
        Pending.Length == 0 ? "^$" : $@"^Neuromorph\.Cli\.({string.Join("|", Pending.Select(p => p.Replace(".", @"\.", StringComparison.Ordinal)))})([+/].*)?$";
}
