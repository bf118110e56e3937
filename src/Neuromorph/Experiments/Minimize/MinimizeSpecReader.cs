using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// Reads a <c>kind: minimize</c> (or <c>kind: maxcut</c>) file into a checked <see cref="MinimizeSpec"/>. Its keys
/// mirror the flags of <c>neuromorph minimize</c> with '_' for '-': problem (relative to the file), format, solver,
/// restarts, time_limit, seed, sweeps, target, budget, risk_aversion, penalty, a <c>substrate:</c> section, and one key
/// per solver setting of <see cref="SolverCatalog.Settings"/> (quench_every: N; ctd_schedule: a map of KEY: NUMBER).
/// Every mistake is an input error at its key's file:line:column.
/// </summary>
public static class MinimizeSpecReader
{
    private static readonly string[] CommonKeys =
        ["kind", "experiment", "problem", "format", "solver", "restarts", "time_limit", "seed", "sweeps", "target", "budget", "risk_aversion", "penalty", "substrate"];

    /// <summary>Every key a file may hold: the common ones, then one per solver setting.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. CommonKeys, .. SolverCatalog.Settings.Select(s => YamlKeyNames.KeyOf(s.Name))];

    /// <summary>The spec <paramref name="root"/> describes, checked by <see cref="MinimizeRules"/>.</summary>
    public static MinimizeSpec Read(YamlSection root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys([.. Keys]);
        var rel = root.GetString("problem");
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(root.File)) ?? ".", rel));
        if (!File.Exists(path))
        {
            throw root.Error("problem", $"problem file '{rel}' not found (looked in {path})", "paths are relative to the experiment file");
        }

        var spec = new MinimizeSpec
        {
            Problem = path,
            Format = root.Has("format") ? root.GetString("format") : null,
            Solver = root.GetString("solver", "hopfield"),
            Restarts = root.GetInt("restarts", 8),
            TimeLimit = root.Has("time_limit") ? root.GetDouble("time_limit") : null,
            Seed = unchecked((ulong)root.GetLong("seed", 1)),
            Sweeps = root.Has("sweeps") ? root.GetInt("sweeps") : null,
            Target = root.Has("target") ? root.GetDouble("target") : null,
            Budget = root.Has("budget") ? root.GetInt("budget") : null,
            RiskAversion = root.Has("risk_aversion") ? root.GetDouble("risk_aversion") : null,
            Penalty = root.Has("penalty") ? root.GetDouble("penalty") : null,
            SolverSettings = SolverSettings(root),
            Substrate = root.TryGetSection("substrate") is { } substrate ? SubstrateSpecReader.Read(substrate) : null,
            Names = new YamlKeyNames(root, "backend"),
        };
        MinimizeRules.Check(spec);
        return spec;
    }

    /// <summary>The solver settings the file gives: a whole number, or a map of KEY: NUMBER located key by key.</summary>
    private static Dictionary<string, SettingValue> SolverSettings(YamlSection root)
    {
        var values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        foreach (var setting in SolverCatalog.Settings)
        {
            var key = YamlKeyNames.KeyOf(setting.Name);
            if (!root.Has(key))
            {
                continue;
            }

            values[setting.Name] = setting switch
            {
                CountSetting => new CountValue(root.GetInt(key)),
                PairsSetting => Pairs(root.GetSection(key)),
                _ => throw new InvalidOperationException($"no YAML form for a {setting.GetType().Name}"),
            };
        }

        return values;
    }

    private static PairsValue Pairs(YamlSection map) =>
        new([.. map.Keys.Select(k => new SettingPair(k, map.GetDouble(k), map.GetString(k), map.LocationOf(k)))]);
}
