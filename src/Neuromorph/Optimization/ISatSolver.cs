using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization;

/// <summary>A heuristic minimiser of the unsatisfied clause weight of a CNF formula (SAT and weighted MAX-SAT).</summary>
public interface ISatSolver
{
    /// <summary>Short name used on the command line and in reports.</summary>
    string Name { get; }

    /// <summary>Runs restarts until done or out of time; restart energies are unsatisfied clause weights.</summary>
    SolverResult Solve(SatFormula formula, SolverOptions options, CancellationToken cancel = default);
}
