using System.Diagnostics;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization.LocalSearch;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization;

/// <summary>The solvers <c>minimize</c> and the <c>maxcut</c> experiment offer, by name, and hardware-aware runs.</summary>
public static class SolverCatalog
{
    /// <summary>Solver names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["hopfield", "continuous-hopfield", "annealing", "ctd", "dmm", "memory-ising", "walksat"];

    /// <summary>Solvers for Max-Cut, QUBO, Ising and portfolio problems.</summary>
    public static IReadOnlyList<string> SpinNames { get; } = ["hopfield", "continuous-hopfield", "annealing", "ctd", "dmm", "memory-ising"];

    /// <summary>Solvers for CNF and weighted CNF formulas.</summary>
    public static IReadOnlyList<string> SatNames { get; } = ["dmm", "annealing", "walksat"];

    /// <summary>Throws an input error (located when <paramref name="at"/> is given) unless <paramref name="name"/> is a solver.</summary>
    public static void Validate(string name, SourceLocation? at = null)
    {
        if (!Names.Contains(name))
        {
            var hint = Suggestions.Hint(name, [.. Names]);
            throw at is { } loc ? new UserInputException(loc, $"unknown solver '{name}'", hint) : new UserInputException($"unknown solver '{name}'", hint);
        }
    }

    /// <summary>Creates solver <paramref name="name"/>; with <paramref name="hardware"/>, the Hopfield machine sees the crossbar's field ADC and read noise.</summary>
    public static ISpinSolver Create(string name, HardwareIsing? hardware = null, SourceLocation? at = null) => Create(name, hardware, null, false, at).Solver;

    /// <summary>
    /// Creates solver <paramref name="name"/> for a run that may have a compute device: the Hopfield machine runs all
    /// restarts as one batch on <paramref name="accelerator"/>; the other solvers have no accelerated path, which is an
    /// input error when the backend was named (<paramref name="backendNamed"/>) and a note when it was chosen by
    /// <c>auto</c>. Crossbar hardware couplings run on the CPU only. The same policy serves <c>minimize</c> and
    /// <c>kind: maxcut</c>.
    /// </summary>
    public static (ISpinSolver Solver, string? Note) Create(string name, HardwareIsing? hardware, IAccelerator? accelerator, bool backendNamed, SourceLocation? at = null)
    {
        Validate(name, at);
        if (accelerator is not null && hardware is not null)
        {
            throw new UserInputException("a crossbar substrate runs on the CPU", "drop --backend (or the substrate)");
        }

        if (accelerator is not null && name != "hopfield")
        {
            return backendNamed
                ? throw new UserInputException($"solver '{name}' runs on the CPU only; a compute backend applies to the hopfield solver", "drop --backend, use --backend auto, or use the hopfield solver")
                : (Create(name, hardware, at), $"backend: solver '{name}' has no accelerated path; it runs on the CPU");
        }

        ISpinSolver solver = name switch
        {
            "hopfield" when accelerator is not null => new DeviceHopfieldMachine(accelerator),
            "hopfield" => new HopfieldMachine { Hardware = hardware },
            "continuous-hopfield" => new ContinuousHopfieldSolver(),
            "annealing" => new SimulatedAnnealing(),
            "ctd" => new CtdSolver(),
            "dmm" => new DmmSolver(),
            "memory-ising" => new MemoryIsingSolver(),
            "walksat" => throw Mismatch(name, "CNF formulas (.cnf, .wcnf)", SpinNames, at),
            _ => throw new UnreachableException($"solver '{name}' passed validation but has no constructor"),
        };
        return (solver, null);
    }

    /// <summary>Creates the CNF solver <paramref name="name"/> (dmm, annealing on the clause energy, walksat).</summary>
    public static ISatSolver CreateSat(string name, SourceLocation? at = null)
    {
        Validate(name, at);
        return name switch
        {
            "dmm" => new DmmSolver(),
            "annealing" => new ClauseAnnealing(),
            "walksat" => new WalkSat(),
            _ => throw Mismatch(name, "Max-Cut, QUBO, Ising and portfolio problems", SatNames, at),
        };
    }

    private static UserInputException Mismatch(string name, string what, IReadOnlyList<string> valid, SourceLocation? at)
    {
        var message = $"solver '{name}' only solves {what}";
        var hint = $"for this problem use one of: {string.Join(", ", valid)}";
        return at is { } loc ? new UserInputException(loc, message, hint) : new UserInputException(message, hint);
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
}
