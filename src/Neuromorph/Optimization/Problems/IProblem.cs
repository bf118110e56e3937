namespace Neuromorph.Optimization.Problems;

/// <summary>
/// What reports need of a problem whose candidate solutions are spin vectors s ∈ {−1, +1}^N: its size, the user-facing
/// objective (computed from the problem's own terms, independently of any solver's internal model) and how solver
/// energies map to it. Implemented by quadratic problems (<see cref="OptimizationProblem"/>), CNF formulas
/// (<see cref="Problems.SatProblem"/>) and portfolios (<see cref="Problems.PortfolioProblem"/>).
/// </summary>
public interface IProblem
{
    /// <summary>Name shown in reports (file name without extension).</summary>
    string Name { get; }

    /// <summary>Kind shown in reports (MaxCut, Qubo, Ising, Sat, MaxSat, Portfolio).</summary>
    string KindName { get; }

    /// <summary>Number of variables.</summary>
    int Size { get; }

    /// <summary>Number of terms or clauses.</summary>
    int TermCount { get; }

    /// <summary>Name of the objective column (cut, qubo_value, ising_energy, unsatisfied, ...).</summary>
    string ObjectiveName { get; }

    /// <summary>True if the objective is maximised (Max-Cut).</summary>
    bool Maximise { get; }

    /// <summary>True if solution files write variables as 0/1 rather than ±1.</summary>
    bool BinaryValues { get; }

    /// <summary>The objective of <paramref name="s"/>, computed from the problem's original terms.</summary>
    double Objective(ReadOnlySpan<sbyte> s);

    /// <summary>Converts a solver energy (always minimised) to the objective.</summary>
    double ObjectiveFromEnergy(double energy);

    /// <summary>Converts an objective value (a target) to the solver energy.</summary>
    double EnergyFromObjective(double objective);

    /// <summary>Extra summary lines about a solution (clauses satisfied, portfolio return and risk), or null.</summary>
    string? DescribeSolution(ReadOnlySpan<sbyte> s) => null;
}
