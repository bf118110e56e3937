using System.Globalization;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// The rules a <see cref="MinimizeSpec"/> must meet, in one place for every front end: the solver exists (or is
/// <c>auto</c>, which <see cref="SolverCatalog.Pick"/> resolves by the problem) and serves the problem, restarts ≥ 1, time limit ≥ 0 and finite, sweeps ≥ 0 (and none for a solver that integrates for a model time),
/// the solver's own settings in range and taken by the chosen solver and problem, a finite target, portfolio settings
/// for portfolio formats only, and neither a substrate nor a compute backend for CNF formulas. Messages name each setting
/// as the spec's front end spells it (<see cref="MinimizeSpec.Names"/>) and point where it was written when it can.
/// </summary>
public static class MinimizeRules
{
    private static readonly string[] PortfolioSettings = ["budget", "risk-aversion", "penalty"];

    /// <summary>Throws the first broken rule as an input error; returns the spec's solver entry.</summary>
    public static SolverEntry Check(MinimizeSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var n = spec.Names;
        var c = CultureInfo.InvariantCulture;
        var problem = spec.IsCnf ? SolverProblems.Cnf : SolverProblems.Spin;
        var entry = spec.Solver == SolverCatalog.Auto ? SolverCatalog.Pick(problem).Entry : SolverCatalog.Find(spec.Solver, n.At("solver"));
        if (spec.Restarts < 1)
        {
            throw n.Error("restarts", $"{n.Name("restarts")} must be at least 1, got {spec.Restarts}");
        }

        if (spec.TimeLimit is { } limit && (!(limit > 0) || !double.IsFinite(limit)))
        {
            // a budget of 0 s would stop every restart before it starts: not "no limit", which is leaving it out
            throw n.Error("time-limit", $"{n.Name("time-limit")} must be a positive number of seconds, got {limit.ToString(c)}", $"e.g. {n.Assign("time-limit", "60")}; leave it out for no limit");
        }

        if (spec.Sweeps is < 0)
        {
            throw n.Error("sweeps", $"{n.Name("sweeps")} must be ≥ 0 (0: automatic), got {spec.Sweeps}", $"e.g. {n.Assign("sweeps", "2000")}");
        }

        _ = spec.CheckedSolverSettings;
        if (spec.Target is { } goal && !double.IsFinite(goal))
        {
            throw n.Error("target", $"{n.Name("target")} must be a finite number, got {goal.ToString(c)}", $"e.g. {n.Assign("target", "11624")} (the best known cut), or drop {n.Name("target")}");
        }

        if (!ProblemLoader.IsFormat(spec.Format))
        {
            throw n.Error("format", $"unknown format '{spec.Format}'", Suggestions.Hint(spec.Format ?? "", [.. ProblemLoader.FormatNames]));
        }

        var given = new Dictionary<string, bool> { ["budget"] = spec.Budget is not null, ["risk-aversion"] = spec.RiskAversion is not null, ["penalty"] = spec.Penalty is not null };
        foreach (var setting in PortfolioSettings.Where(s => given[s] && !ProblemLoader.IsPortfolio(spec.Format)))
        {
            throw n.Error(setting, $"{n.Name(setting)} applies to portfolio problems only ({n.Assign("format", "portfolio")} or prices)", $"drop {n.Name(setting)}, or add {n.Assign("format", "portfolio")} for a returns-and-covariance file");
        }

        if (entry.RefusesSweeps is { } refusal && spec.Sweeps is not null)
        {
            throw n.Error("sweeps", $"{n.Name("sweeps")} does not apply to {n.Assign("solver", entry.Name)}: {refusal.Reason}", $"drop {n.Name("sweeps")}; {refusal.Hint(n)}");
        }

        if (problem == SolverProblems.Cnf && spec.Substrate is not null)
        {
            throw n.Error("substrate", "CNF formulas run on the CPU without a crossbar substrate", $"drop {n.Name("substrate")}");
        }

        foreach (var setting in SolverCatalog.Settings.Where(s => spec.SolverSettings.ContainsKey(s.Name)))
        {
            if (spec.Solver == SolverCatalog.Auto)
            {
                throw n.Error(setting.Name, $"{n.Name(setting.Name)} is a setting of a named solver; {n.Assign("solver", SolverCatalog.Auto)} picks {entry.Name} for this problem", $"name the solver ({n.Assign("solver", string.Join(" or ", SolverCatalog.Taking(setting)))}), or drop {n.Name(setting.Name)}");
            }

            CheckTaken(setting, entry, problem, n);
        }

        return entry.Serves.HasFlag(problem) ? entry : throw SolverCatalog.Mismatch(entry, problem, n.At("solver"));
    }

    /// <summary>
    /// Where the run goes: a compute device only for a solver with an accelerated path, never for CNF formulas or a
    /// crossbar substrate. A device chosen by <c>auto</c> (<paramref name="backendNamed"/> false) that the solver cannot
    /// use is dropped with a note (returned); a named one is an input error.
    /// </summary>
    public static (bool UseAccelerator, string? Note) CheckBackend(MinimizeSpec spec, SolverEntry entry, BackendKind? accelerator, bool backendNamed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(entry);
        var n = spec.Names;
        if (accelerator is not { } kind)
        {
            return (false, null);
        }

        if (spec.IsCnf)
        {
            throw n.Error("backend", "CNF formulas run on the CPU", $"drop {n.Name("backend")}");
        }

        if (spec.Substrate is not null)
        {
            throw n.Error("backend", "a crossbar substrate runs on the CPU", $"drop {n.Name("backend")} (or {n.Name("substrate")})");
        }

        if (entry.Accelerated)
        {
            var cpuOnly = entry.CpuOnly.FirstOrDefault(s => spec.SolverSettings.ContainsKey(s.Name));
            if (cpuOnly is null)
            {
                return entry.PrefersCpuPath && kind == BackendKind.Cpu && !backendNamed
                    ? (false, $"backend: solver '{entry.Name}' runs faster on its own CPU path than on the managed backend that auto picked; it runs there")
                    : (true, null);
            }

            var what = $"{n.Name(cpuOnly.Name)} runs on the CPU path of solver '{entry.Name}' only";
            return backendNamed
                ? throw n.Error("backend", $"{what}, not on a compute backend", $"drop {n.Name("backend")} or {n.Name(cpuOnly.Name)}")
                : (false, $"backend: {what}; the run uses the CPU");
        }

        var accelerated = string.Join(" or ", SolverCatalog.All.Where(e => e.Accelerated).Select(e => e.Name));
        return backendNamed
            ? throw n.Error("backend", $"solver '{entry.Name}' runs on the CPU only; a compute backend applies to the {accelerated} solver", $"drop {n.Name("backend")}, use {n.Assign("backend", "auto")}, or use the {accelerated} solver")
            : (false, $"backend: solver '{entry.Name}' has no accelerated path; it runs on the CPU");
    }

    /// <summary>A solver setting given for a problem it does not apply to, or to a solver that does not take it, is an input error.</summary>
    private static void CheckTaken(SolverSetting setting, SolverEntry entry, SolverProblems problem, SettingNames n)
    {
        var name = n.Name(setting.Name);
        if (!setting.AppliesTo.HasFlag(problem))
        {
            throw n.Error(setting.Name, problem == SolverProblems.Cnf
                ? $"{name} applies to Max-Cut, QUBO, Ising and portfolio problems, not CNF formulas"
                : $"{name} applies to CNF formulas, not Max-Cut, QUBO, Ising or portfolio problems", $"drop {name}");
        }

        if (!entry.Settings.Contains(setting))
        {
            var takers = SolverCatalog.Taking(setting);
            var hint = takers.Count == 1 ? $"add {n.Assign("solver", takers[0])} or drop {name}" : $"drop {name}";
            throw n.Error(setting.Name, $"{name} applies to {n.Assign("solver", takers[0])}{string.Concat(takers.Skip(1).Select(t => $" or {t}"))}, not '{entry.Name}'", hint);
        }
    }
}
