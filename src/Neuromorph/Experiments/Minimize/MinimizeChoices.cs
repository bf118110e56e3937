using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// What a front end needs to offer minimisation without reaching into the solvers: the problem formats, the solvers
/// with their one-line descriptions, the solver settings (from which the command line generates its flags), and the
/// substrate file a spec may name.
/// </summary>
public static class MinimizeChoices
{
    /// <summary>The problem formats (<c>--format</c>, <c>format:</c>).</summary>
    public static IReadOnlyList<string> FormatNames => ProblemLoader.FormatNames;

    /// <summary>Every solver setting of the registry, in registry order.</summary>
    public static IReadOnlyList<SolverSetting> Settings => SolverCatalog.Settings;

    /// <summary>The solvers that take <paramref name="setting"/>.</summary>
    public static IReadOnlyList<string> SolversTaking(SolverSetting setting) => SolverCatalog.Taking(setting);

    /// <summary>One text listing the solvers, the default, those that solve CNF only, and each solver's one line.</summary>
    public static string SolverHelp()
    {
        var cnfOnly = SolverCatalog.All.Where(e => e.Serves == SolverProblems.Cnf).Select(e => e.Name).ToList();
        var only = cnfOnly.Count == 0 ? "" : $"; {string.Join(", ", cnfOnly)} solve{(cnfOnly.Count == 1 ? "s" : "")} CNF only";
        return $"{string.Join(" | ", SolverCatalog.Names)} | {SolverCatalog.Auto} (default {MinimizeSpec.DefaultSolver}{only}; auto: annealing on Max-Cut, QUBO, Ising and portfolio problems, walksat on CNF, the fastest here in benchmarks/RESULTS.md). "
            + string.Join("; ", SolverCatalog.All.Select(e => $"{e.Name}: {e.Description}"));
    }

    /// <summary>
    /// <paramref name="spec"/> with the crossbar of the YAML file at <paramref name="path"/> as its substrate: the file's
    /// <c>substrate:</c> section, or the whole file (the recall experiment's substrate keys).
    /// </summary>
    public static MinimizeSpec WithSubstrateFile(MinimizeSpec spec, string path)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var yaml = YamlSection.LoadFile(path);
        return spec with { Substrate = SubstrateSpecReader.Read(yaml.TryGetSection("substrate") ?? yaml) };
    }
}
