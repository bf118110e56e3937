namespace Neuromorph.Dynamics;

/// <summary>How a memristor network's currents are solved for: by node potentials or by loop currents.</summary>
public enum CircuitAnalysis
{
    /// <summary>Whichever has the cheaper sparse factorisation (estimated from both symbolic analyses).</summary>
    Auto,

    /// <summary>Nodal analysis: the grounded weighted Laplacian B G Bᵀ, N − 1 unknowns.</summary>
    Node,

    /// <summary>Loop (mesh) analysis: A R Aᵀ over a fundamental cycle basis, M − N + 1 unknowns.</summary>
    Loop,
}

/// <summary>Branch currents of a memristor network with series sources, and products with its cycle-space projector Ω.</summary>
internal interface INetworkAnalysis
{
    /// <summary>Which analysis this is.</summary>
    CircuitAnalysis Kind { get; }

    /// <summary>Unknowns of the linear system solved per evaluation.</summary>
    int Unknowns { get; }

    /// <summary>Conjugate-gradient iterations so far (zero for direct solves).</summary>
    long Iterations { get; }

    /// <summary>Branch currents (amperes, along each edge's orientation) at memristor states x.</summary>
    void Currents(ReadOnlySpan<double> x, Span<double> current);

    /// <summary>Ω v, with unit resistances.</summary>
    double[] ApplyOmega(ReadOnlySpan<double> v);
}
