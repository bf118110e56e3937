namespace Neuromorph.Optimization;

/// <summary>A heuristic minimiser of an <see cref="IsingModel"/> energy.</summary>
public interface ISpinSolver
{
    /// <summary>Short name used on the command line and in reports.</summary>
    string Name { get; }

    /// <summary>Runs restarts until done or out of time.</summary>
    SolverResult Solve(IsingModel model, SolverOptions options, CancellationToken cancel = default);
}
