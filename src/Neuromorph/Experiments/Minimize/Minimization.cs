using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// One energy-minimisation run as <c>neuromorph minimize</c> and <c>kind: maxcut</c> both ask for it: a problem, a
/// solver by name, restart options, and optionally a crossbar substrate computing the couplings or a compute device
/// running the restarts.
/// </summary>
/// <param name="Problem">The problem as read: quadratic (Max-Cut, QUBO, Ising), a portfolio, or a CNF formula.</param>
/// <param name="Solver">Solver name (<see cref="SolverCatalog.Names"/>).</param>
/// <param name="Options">Restarts, sweeps, seed, time limit, target.</param>
public sealed record MinimizeRequest(IProblem Problem, string Solver, SolverOptions Options)
{
    /// <summary>Time-dependent controls for the ctd solver (null: none).</summary>
    public CtdControls? CtdControls { get; init; }

    /// <summary>Integration time per ctd restart in seconds (null: the solver's default).</summary>
    public double? CtdTime { get; init; }

    /// <summary>
    /// dmm and memory-ising on spin problems: quench the sign read-out by greedy descent every this many steps and keep
    /// it when it beats the best so far (null: the solver's default, 0: only the best read-out at the end); an input error
    /// for other solvers and for CNF formulas.
    /// </summary>
    public int? QuenchEvery { get; init; }

    /// <summary>Crossbar on which the couplings are programmed, or null for ideal arithmetic.</summary>
    public CrossbarSubstrateSpec? Substrate { get; init; }

    /// <summary>Compute device for the restarts, or null for the CPU.</summary>
    public IAccelerator? Accelerator { get; init; }

    /// <summary>True when the user named the backend (a solver without an accelerated path is then an error, not a note).</summary>
    public bool BackendNamed { get; init; }

    /// <summary>Where the solver was named, for errors.</summary>
    public SourceLocation? SolverLocation { get; init; }
}

/// <summary>What a minimisation run produced: the restarts, the hardware couplings used (if any) and notes for the user.</summary>
public sealed record MinimizeOutcome(SolverResult Result, HardwareIsing? Hardware, IReadOnlyList<string> Notes);

/// <summary>Runs a <see cref="MinimizeRequest"/>: programs the substrate, picks the solver (device or CPU) and solves.</summary>
public static class Minimization
{
    /// <summary>Runs the request.</summary>
    public static MinimizeOutcome Run(MinimizeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        SolverCatalog.Validate(request.Solver, request.SolverLocation);
        var notes = new List<string>();
        if (request.Problem is SatProblem sat)
        {
            if (request.Substrate is not null || request.Accelerator is not null)
            {
                throw new UserInputException("CNF formulas run on the CPU without a crossbar substrate", "drop --substrate and --backend");
            }

            if (request.QuenchEvery is not null)
            {
                throw new UserInputException("--quench-every applies to Max-Cut, QUBO, Ising and portfolio problems, not CNF formulas", "drop --quench-every");
            }

            var satResult = SolverCatalog.CreateSat(request.Solver, request.SolverLocation).Solve(sat.Formula, request.Options, cancellationToken);
            return new MinimizeOutcome(satResult, null, notes);
        }

        var quadratic = request.Problem switch
        {
            OptimizationProblem q => q,
            PortfolioProblem p => p.Qubo,
            _ => throw new ArgumentException($"no spin model for a {request.Problem.KindName} problem", nameof(request)),
        };
        var hardware = request.Substrate is { } substrate ? HardwareIsing.Program(quadratic.Model, substrate, SeedSequence.Derive((long)request.Options.Seed, 1, 0)) : null;
        var (solver, note) = SolverCatalog.Create(request.Solver, hardware, request.Accelerator, request.BackendNamed, request.SolverLocation);
        if (note is not null)
        {
            notes.Add(note);
        }

        if (solver is CtdSolver && (request.CtdControls is not null || request.CtdTime is not null))
        {
            var defaults = new CtdSolver();
            solver = new CtdSolver { Controls = request.CtdControls ?? defaults.Controls, Duration = request.CtdTime ?? defaults.Duration };
        }

        if (request.QuenchEvery is { } every)
        {
            solver = solver switch
            {
                DmmSolver d => new DmmSolver { Parameters = d.Parameters, SpinParameters = d.SpinParameters, CouplingOnlyParameters = d.CouplingOnlyParameters, DefaultSpinSteps = d.DefaultSpinSteps, DefaultSatSteps = d.DefaultSatSteps, QuenchEvery = every },
                MemoryIsingSolver m => new MemoryIsingSolver { Parameters = m.Parameters with { QuenchEvery = every }, DefaultSteps = m.DefaultSteps },
                _ => throw new UserInputException($"--quench-every applies to --solver dmm or memory-ising, not '{request.Solver}'", "drop --quench-every"),
            };
        }

        var result = SolverCatalog.Solve(solver, quadratic, request.Options, hardware, cancellationToken);
        return new MinimizeOutcome(result, hardware, notes);
    }
}
