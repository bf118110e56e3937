using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization.LocalSearch;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Optimization;

/// <summary>
/// The solvers <c>minimize</c> and <c>kind: minimize</c> offer: one <see cref="SolverEntry"/> each (name, one line,
/// the problems it serves, its options record, its factories). A new solver is one line here; a new setting of a solver
/// is one field of its options record (<see cref="ISolverOptions{TSelf}"/>), which the command line and YAML pick up.
/// </summary>
public static class SolverCatalog
{
    /// <summary>Every solver, in the order help lists them.</summary>
    public static IReadOnlyList<SolverEntry> All { get; } =
    [
        new SolverEntry<NoOptions>("hopfield", "memristor Hopfield network, asynchronous noisy updates with annealed noise and a greedy quench (runs on a compute backend)",
            Spin: (_, on) => on.Accelerator is { } device ? new DeviceHopfieldMachine(device) : new HopfieldMachine { Hardware = on.Hardware }) { Accelerated = true },
        new SolverEntry<NoOptions>("continuous-hopfield", "Hopfield–Tank analogue dynamics with a rising gain, rounded and quenched",
            Spin: (_, _) => new ContinuousHopfieldSolver()),
        new SolverEntry<NoOptions>("annealing", "simulated annealing (Metropolis sweeps, geometric schedule), on CNF formulas of the clause energy",
            Spin: (_, _) => new SimulatedAnnealing(), Sat: _ => new ClauseAnnealing()),
        new SolverEntry<CtdOptions>("ctd", "memristive network dynamics (Caravelli–Traversa–Di Ventra) embedding the problem, read out and quenched",
            Spin: (o, _) => o.Time is { } time ? new CtdSolver { Controls = o.Controls ?? new CtdControls(), Duration = time } : new CtdSolver { Controls = o.Controls ?? new CtdControls() })
        {
            RefusesSweeps = new("it integrates for a model time, not a number of sweeps", n =>
                $"set the time with {n.Assign(CtdOptions.Schedule.Name, n.Pair("time", "SECONDS"))} (default {new CtdSolver().Duration.ToString(CultureInfo.InvariantCulture)})"),
        },
        new SolverEntry<QuenchOptions>("dmm", "digital memcomputing machine, voltages with short- and long-term clause memories (spin problems run on a compute backend)",
            Spin: (o, on) => (o.QuenchEvery is { } every ? new DmmSolver { QuenchEvery = every } : new DmmSolver()) is var machine && on.Accelerator is { } device
                ? new DeviceDmmSolver(device) { Machine = machine } : machine,
            Sat: _ => new DmmSolver()) { Accelerated = true, PrefersCpuPath = true },
        new SolverEntry<QuenchOptions>("memory-ising", "memcomputing Ising machine, analogue amplitudes driven by per-spin memories (runs on a compute backend)",
            Spin: (o, on) => on.Accelerator is { } device && o.QuenchEvery is null ? new DeviceMemoryIsingSolver(device)
                : o.QuenchEvery is { } every ? new MemoryIsingSolver { Parameters = new MemoryIsingParameters { QuenchEvery = every } } : new MemoryIsingSolver())
        { Accelerated = true, PrefersCpuPath = true, CpuOnly = [QuenchOptions.QuenchEverySetting] },
        new SolverEntry<NoOptions>("walksat", "WalkSAT local search", Sat: _ => new WalkSat()),
    ];

    /// <summary>The name that asks <see cref="Pick"/> to choose the solver by the problem.</summary>
    public const string Auto = "auto";

    /// <summary>
    /// The solver <c>auto</c> picks for a kind of problem, and why: on Max-Cut, QUBO, Ising and portfolio problems,
    /// simulated annealing (it reaches the best known cut of G1, G6, G11 and G22 in about a second per restart, ahead
    /// of every other solver here: benchmarks/RESULTS.md); on CNF formulas, WalkSAT (faster than the DMM at every N of
    /// the planted 3-SAT scaling run, benchmarks/RESULTS.md).
    /// </summary>
    public static (SolverEntry Entry, string Reason) Pick(SolverProblems problem) => problem == SolverProblems.Cnf
        ? (Find("walksat"), "the fastest here on CNF formulas: planted 3-SAT, N = 100 to 10,000, benchmarks/RESULTS.md")
        : (Find("annealing"), "the fastest here to the best known G-set cuts: benchmarks/RESULTS.md");

    /// <summary>Solver names.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(e => e.Name)];

    /// <summary>Solvers for Max-Cut, QUBO, Ising and portfolio problems.</summary>
    public static IReadOnlyList<string> SpinNames { get; } = [.. All.Where(e => e.Serves.HasFlag(SolverProblems.Spin)).Select(e => e.Name)];

    /// <summary>Solvers for CNF and weighted CNF formulas.</summary>
    public static IReadOnlyList<string> SatNames { get; } = [.. All.Where(e => e.Serves.HasFlag(SolverProblems.Cnf)).Select(e => e.Name)];

    /// <summary>Every solver setting, once each, in the order of the solvers that take them.</summary>
    public static IReadOnlyList<SolverSetting> Settings { get; } = [.. All.SelectMany(e => e.Settings).Distinct()];

    /// <summary>The solvers that take <paramref name="setting"/>.</summary>
    public static IReadOnlyList<string> Taking(SolverSetting setting) => [.. All.Where(e => e.Settings.Contains(setting)).Select(e => e.Name)];

    /// <summary>The entry named <paramref name="name"/>; an unknown name is an input error (located when <paramref name="at"/> is given).</summary>
    public static SolverEntry Find(string name, SourceLocation? at = null) =>
        All.FirstOrDefault(e => e.Name == name) ?? throw Located(at, $"unknown solver '{name}'", Suggestions.Hint(name, [.. Names, Auto]));

    /// <summary>Throws an input error (located when <paramref name="at"/> is given) unless <paramref name="name"/> is a solver.</summary>
    public static void Validate(string name, SourceLocation? at = null) => Find(name, at);

    /// <summary>The input error for solver <paramref name="entry"/> given a problem of <paramref name="kind"/> it does not serve.</summary>
    public static UserInputException Mismatch(SolverEntry entry, SolverProblems kind, SourceLocation? at = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (what, valid) = kind == SolverProblems.Cnf ? ("Max-Cut, QUBO, Ising and portfolio problems", SatNames) : ("CNF formulas (.cnf, .wcnf)", SpinNames);
        return Located(at, $"solver '{entry.Name}' only solves {what}", $"for this problem use one of: {string.Join(", ", valid)}");
    }

    /// <summary>Creates solver <paramref name="name"/> with its defaults; with <paramref name="hardware"/>, the Hopfield machine sees the crossbar's field ADC and read noise.</summary>
    public static ISpinSolver Create(string name, HardwareIsing? hardware = null, SourceLocation? at = null)
    {
        var entry = Find(name, at);
        return entry.Serves.HasFlag(SolverProblems.Spin) ? entry.CreateSpin(SolverSettingValues.None, new SolverPlatform(hardware)) : throw Mismatch(entry, SolverProblems.Spin, at);
    }

    /// <summary>Creates the CNF solver <paramref name="name"/> (dmm, annealing on the clause energy, walksat) with its defaults.</summary>
    public static ISatSolver CreateSat(string name, SourceLocation? at = null)
    {
        var entry = Find(name, at);
        return entry.Serves.HasFlag(SolverProblems.Cnf) ? entry.CreateSat(SolverSettingValues.None) : throw Mismatch(entry, SolverProblems.Cnf, at);
    }

    /// <summary>
    /// Runs <paramref name="solver"/> on the hardware couplings when <paramref name="hardware"/> is given (then scores
    /// every restart's solution on the true problem), or on the problem itself.
    /// </summary>
    public static SolverResult Solve(ISpinSolver solver, OptimizationProblem problem, SolverOptions options, HardwareIsing? hardware, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        if (hardware is null)
        {
            return solver.Solve(problem.Model, options, cancel);
        }

        // The hardware cannot know when it reached the true target: solve without one, then score on the problem.
        var result = solver.Solve(hardware.Model, options with { TargetEnergy = null }, cancel);
        return HardwareIsing.Rescore(result, problem.Model, options.TargetEnergy);
    }

    private static UserInputException Located(SourceLocation? at, string message, string hint) =>
        at is { } loc ? new UserInputException(loc, message, hint) : new UserInputException(message, hint);
}
