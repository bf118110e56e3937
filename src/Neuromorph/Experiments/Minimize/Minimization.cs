using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// One energy-minimisation run as <c>neuromorph minimize</c> and <c>kind: maxcut</c> both ask for it: a problem, a
/// solver by name, restart options, and optionally a crossbar substrate computing the couplings or a compute device
/// running the restarts.
/// </summary>
/// <param name="Problem">The problem as read.</param>
/// <param name="Solver">Solver name (<see cref="SolverCatalog.Names"/>).</param>
/// <param name="Options">Restarts, sweeps, seed, time limit, target.</param>
public sealed record MinimizeRequest(OptimizationProblem Problem, string Solver, SolverOptions Options)
{
    /// <summary>Crossbar on which the couplings are programmed, or null for ideal arithmetic.</summary>
    public CrossbarSubstrateSpec? Substrate { get; init; }

    /// <summary>Seed of the crossbar's programming draws.</summary>
    public int SubstrateSeed { get; init; } = 1;

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
        var hardware = request.Substrate is { } substrate ? HardwareIsing.Program(request.Problem.Model, substrate, request.SubstrateSeed) : null;
        var (solver, note) = SolverCatalog.Create(request.Solver, hardware, request.Accelerator, request.BackendNamed, request.SolverLocation);
        if (note is not null)
        {
            notes.Add(note);
        }

        var result = SolverCatalog.Solve(solver, request.Problem, request.Options, hardware, cancellationToken);
        return new MinimizeOutcome(result, hardware, notes);
    }
}
