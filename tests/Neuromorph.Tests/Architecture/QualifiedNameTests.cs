using System.Text.RegularExpressions;
using Neuromorph.Cli;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Backends;
using Neuromorph.Plotting;

namespace Neuromorph.Tests.Architecture;

/// <summary>
/// A type of another top-level folder is imported with a <c>using</c> line, never named inline with its namespace
/// (<c>Neuromorph.Kernels.Backends.AcceleratorCatalog.Parse(…)</c>, <c>Optimization.Problems.Term</c>): the using lines
/// of a file are then the complete list of what it depends on. Names inside the file's own folder, in using and
/// namespace lines, and in comments and XML doc crefs are allowed (docs/architecture.md, "Rules").
/// </summary>
public partial class QualifiedNameTests
{
    /// <summary>The top-level folders of the core library and the other shipped projects, as a name's first segment.</summary>
    public static readonly string[] TopFolders =
    [
        "Circuits", "Compute", "Crossbars", "Devices", "Diagnostics", "Dynamics", "Experiments", "Figures", "Io", "Networks",
        "Numerics", "Optimization", "Studies", "Units", "Cli", "Kernels", "Plotting", "Interop",
    ];

    /// <summary>Lines allowed to keep a qualified name, each with its reason.</summary>
    private static readonly Dictionary<string, string> AllowList = new();

    [GeneratedRegex(@"(?<![\w.])(?:Neuromorph\.)?(?<top>[A-Z]\w*)\.(?<next>[A-Z]\w*)(?:\.[A-Z]\w*)*")]
    private static partial Regex QualifiedName();

    /// <summary>Every namespace and type full name of the shipped assemblies: "Units.Contains" (a member named Units) is no name of them.</summary>
    private static readonly Lazy<HashSet<string>> Names = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(SimulationException), typeof(AcceleratorCatalog), typeof(CommandRunner), typeof(ScottPlotRenderer) }.SelectMany(t => t.Assembly.GetTypes()))
        {
            names.Add(type.FullName!.Split('+')[0]);
            for (var ns = type.Namespace; !string.IsNullOrEmpty(ns); ns = ns.Contains('.', StringComparison.Ordinal) ? ns[..ns.LastIndexOf('.')] : null)
            {
                names.Add(ns);
            }
        }

        return names;
    });

    /// <summary>The top-level folder a file belongs to: src/Neuromorph/Circuits/... is Circuits, src/Neuromorph.Cli/... Cli, kernels/... Kernels.</summary>
    public static string FolderOf(string file)
    {
        var parts = file.Split('/');
        return parts[0] == "kernels" ? "Kernels"
            : parts[1] == "Neuromorph" ? (parts.Length > 3 ? parts[2] : "")
            : parts[1]["Neuromorph.".Length..];
    }

    /// <summary>The qualified names of other top-level folders used inline in <paramref name="lines"/>, as "file:line: name".</summary>
    public static IEnumerable<string> Offenders(IEnumerable<SourceLine> lines)
    {
        foreach (var line in lines)
        {
            var code = line.Code.TrimStart();
            if (code.StartsWith("using ", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal) || code.StartsWith("global using ", StringComparison.Ordinal))
            {
                continue;
            }

            var own = FolderOf(line.File);
            foreach (Match m in QualifiedName().Matches(line.Code))
            {
                var top = m.Groups["top"].Value;
                if (TopFolders.Contains(top) && top != own && Names.Value.Contains($"Neuromorph.{top}.{m.Groups["next"].Value}") && !(AllowList.TryGetValue(line.File, out var allowed) && m.Value.Contains(allowed, StringComparison.Ordinal)))
                {
                    yield return $"{line.File}:{line.Number}: {m.Value}";
                }
            }
        }
    }

    [Fact]
    public void No_source_names_another_folders_type_with_its_namespace()
    {
        var offenders = Offenders(SourceText.Lines).ToList();
        Assert.True(offenders.Count == 0, "qualified names of other folders' types (add a using line and use the short name):\n" + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("src/Neuromorph.Cli/Commands/RunCommand.cs", "var acc = Kernels.Backends.AcceleratorCatalog.Parse(name);")]
    [InlineData("src/Neuromorph/Studies/StudyRunner.cs", "var p = Neuromorph.Optimization.Problems.ProblemLoader.Read(path, null);")]
    [InlineData("src/Neuromorph/Experiments/Minimize/Minimization.cs", "catch (Diagnostics.UserInputException ex)")]
    [InlineData("kernels/Linear/CrossbarRead.cs", "var q = Numerics.DataConverter.Quantize(y, bits, range);")]
    public void The_rule_finds_planted_qualified_names(string file, string planted) =>
        Assert.Single(Offenders(SourceText.Lex(file, planted)));

    [Theory]
    [InlineData("src/Neuromorph/Optimization/Problems/IProblem.cs", "var s = Optimization.Problems.SatProblem.Of(f);")] // own folder
    [InlineData("src/Neuromorph/Studies/StudyRunner.cs", "using Neuromorph.Optimization.Problems;")]
    [InlineData("src/Neuromorph/Studies/StudyRunner.cs", "/// <see cref=\"Optimization.Problems.ProblemLoader\"/>")]
    [InlineData("src/Neuromorph/Studies/StudyRunner.cs", "var n = spec.Devices.Count + System.IO.Path.GetFileName(f).Length;")]
    [InlineData("src/Neuromorph/Studies/StudyRunner.cs", "throw new UserInputException(\"see Optimization.Problems.Term\");")]
    public void The_rule_passes_own_folder_names_imports_docs_members_and_text(string file, string line) =>
        Assert.Empty(Offenders(SourceText.Lex(file, line)));
}
