namespace Neuromorph.Optimization.Problems;

/// <summary>Input format and the objective reported to the user.</summary>
public enum ProblemKind
{
    /// <summary>G-set Max-Cut: objective is the cut weight, maximised.</summary>
    MaxCut,

    /// <summary>QUBO: objective x^T Q x over x in {0,1}^N, minimised.</summary>
    Qubo,

    /// <summary>Ising: objective -sum_{i&lt;j} J_ij s_i s_j - sum h_i s_i, minimised.</summary>
    Ising,
}
