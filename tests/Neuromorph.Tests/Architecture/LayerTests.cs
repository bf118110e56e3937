using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Neuromorph.Cli;
using Neuromorph.Figures;
using Neuromorph.Kernels.Backends;
using Neuromorph.Plotting;
using Neuromorph.Units;
using YamlDotNet.RepresentationModel;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// The layering of docs/architecture.md as rules: first-level folders of the core library form the layers below,
/// bottom to top; a folder may use folders of lower layers only (not its own layer's siblings, not higher layers).
/// Physics code reads no YAML and draws nothing (it may return figure descriptions from Figures); the core library does
/// not reference the renderer or its native graphics packages; every random draw goes through Numerics/Randomness.
/// </summary>
public class LayerTests
{
    /// <summary>The layers, bottom to top. The same list is drawn in docs/architecture.md.</summary>
    public static readonly string[][] Layers =
    [
        ["Diagnostics", "Units"],
        ["Numerics", "Io", "Figures"],
        ["Devices", "Compute"],
        ["Circuits", "Networks"],
        ["Crossbars", "Dynamics"],
        ["Optimization"],
        ["Experiments"],
        ["Studies"],
    ];

    /// <summary>Folders that hold physics or numerics: they take typed specs, so they never see YAML, and never draw.</summary>
    private static readonly string[] Physics = ["Numerics", "Devices", "Compute", "Circuits", "Networks", "Crossbars", "Dynamics", "Optimization"];

    /// <summary>The loaded assemblies of the shipped projects and the packages the rules name (shared by the rule classes).</summary>
    internal static readonly ArchUnitNET.Domain.Architecture Loaded = new ArchLoader()
        .LoadAssemblies(typeof(EngineeringNumber).Assembly, typeof(AcceleratorCatalog).Assembly, typeof(CommandRunner).Assembly, typeof(YamlNode).Assembly,
            typeof(ScottPlotRenderer).Assembly, typeof(ScottPlot.Plot).Assembly, typeof(SkiaSharp.SKCanvas).Assembly)
        .Build();

    public static TheoryData<string> Folders => [.. Layers.SelectMany(l => l)];

    [Fact]
    public void First_level_folders_of_each_project_are_free_of_cycles()
    {
        // ArchUnitNET's slice rule splits sub-namespaces into slices of their own (a registry in Devices and its model
        // folders would count as a cycle), so the folder graph is built here from the same loaded dependencies.
        var edges = new Dictionary<string, HashSet<string>>();
        foreach (var type in Loaded.Types)
        {
            if (type.Namespace?.FullName is not { } ns || FirstLevelFolder(ns) is not { } from)
            {
                continue;
            }

            foreach (var dependency in type.Dependencies)
            {
                if (dependency.Target?.Namespace?.FullName is { } target && FirstLevelFolder(target) is { } to && to != from)
                {
                    (edges.TryGetValue(from, out var set) ? set : edges[from] = []).Add(to);
                }
            }
        }

        Assert.True(FindCycle(edges) is not { } cycle, $"folders depend on each other in a cycle: {string.Join(" -> ", FindCycle(edges) ?? [])}");
    }

    /// <summary>Neuromorph.Circuits.Parsing -> "Neuromorph.Circuits"; Neuromorph.Cli.Commands -> "Neuromorph.Cli.Commands"; a root namespace -> null.</summary>
    private static string? FirstLevelFolder(string ns)
    {
        foreach (var project in new[] { "Neuromorph.Cli", "Neuromorph.Kernels", "Neuromorph.Plotting", "Neuromorph" })
        {
            if (ns == project || ns.StartsWith(project + ".", StringComparison.Ordinal))
            {
                var rest = ns.Length > project.Length ? ns[(project.Length + 1)..] : "";
                // types in a project's root namespace (registries, entry points) are not a folder
                return (project == "Neuromorph" && rest is "Cli" or "Kernels" or "Plotting") || rest.Length == 0 ? null : $"{project}.{rest.Split('.')[0]}";
            }
        }

        return null;
    }

    private static List<string>? FindCycle(Dictionary<string, HashSet<string>> edges)
    {
        var state = new Dictionary<string, int>(); // 1 on the stack, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        return edges.Keys.Where(k => state.GetValueOrDefault(k) == 0).Select(Visit).FirstOrDefault(c => c is not null);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void A_folder_uses_only_lower_layers(string folder)
    {
        var level = Array.FindIndex(Layers, l => l.Contains(folder));
        var forbidden = Layers.Skip(level).SelectMany(l => l).Where(f => f != folder).Concat(["Cli", "Kernels", "Plotting", "Tests"]).ToArray();
        Types().That().ResideInNamespaceMatching(InFolder(folder))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InFolders(forbidden)))
            .Because($"{folder} sits in layer {level + 1} of docs/architecture.md")
            .Check(Loaded);
    }

    [Fact]
    public void Physics_code_reads_no_yaml() =>
        Types().That().ResideInNamespaceMatching(InFolders(Physics))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^(YamlDotNet|Neuromorph\.Io\.Yaml)(\..*)?$"))
            .Because("readers in Experiments and Studies turn YAML into typed specs")
            .Check(Loaded);

    [Fact]
    public void Physics_code_draws_nothing() =>
        Types().That().ResideInNamespaceMatching(InFolders(Physics))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^(Neuromorph\.Plotting|ScottPlot|SkiaSharp|HarfBuzzSharp)(\..*)?$"))
            .Because("physics returns data and figure descriptions; plots are drawn at the edge")
            .Check(Loaded);

    [Fact]
    public void The_core_library_references_no_renderer_and_no_native_graphics()
    {
        var core = typeof(Figure).Assembly;
        var referenced = core.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(referenced, n => n is "Neuromorph.Plotting" || n!.StartsWith("ScottPlot", StringComparison.Ordinal) || n.StartsWith("SkiaSharp", StringComparison.Ordinal) || n.StartsWith("HarfBuzz", StringComparison.Ordinal));
        Types().That().ResideInAssembly(core)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^(Neuromorph\.Plotting|ScottPlot|SkiaSharp|HarfBuzzSharp)(\..*)?$"))
            .Because("the core stays managed; the CLI hands it an IFigureRenderer")
            .Check(Loaded);
    }

    [Fact]
    public void Figure_descriptions_depend_on_units_at_most() =>
        Types().That().ResideInNamespaceMatching(InFolder("Figures"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InFolders([.. Layers.SelectMany(l => l).Where(f => f is not ("Figures" or "Units" or "Diagnostics"))])))
            .Because("figures are plain data every layer above can build")
            .Check(Loaded);

    [Fact]
    public void Every_random_draw_goes_through_the_project_generators() =>
        Types().That().ResideInNamespaceMatching(@"^Neuromorph(\..*)?$")
            .Should().NotDependOnAny(typeof(Random))
            .Because("one seeding policy: Numerics.Randomness (RandomStream, Philox, SeedSequence)")
            .Check(Loaded);

    [Fact]
    public void Compute_is_a_leaf_over_numerics() =>
        Types().That().ResideInNamespaceMatching(InFolder("Compute"))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(InFolders([.. Layers.Skip(2).SelectMany(l => l).Where(f => f != "Compute")])))
            .Check(Loaded);

    private static string InFolder(string folder) => InFolders([folder]);

    private static string InFolders(IEnumerable<string> folders) => $@"^Neuromorph\.({string.Join("|", folders)})(\..*)?$";
}
