namespace Neuromorph.Optimization.Registry;

/// <summary>The problems a solver (or a solver setting) serves.</summary>
[Flags]
public enum SolverProblems
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>Spin problems: Max-Cut, QUBO, Ising and portfolios (one spin model).</summary>
    Spin = 1,

    /// <summary>CNF and weighted CNF formulas (SAT, MAX-SAT).</summary>
    Cnf = 2,
}
