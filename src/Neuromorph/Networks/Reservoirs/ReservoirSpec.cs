namespace Neuromorph.Networks.Reservoirs;

/// <summary>How the recurrent matrix of a reservoir is drawn.</summary>
public enum ReservoirTopology
{
    /// <summary>Sparse random: each weight present with probability <see cref="ReservoirSpec.Density"/>, uniform in [−1, 1], then scaled to the spectral radius.</summary>
    Random,

    /// <summary>A random orthogonal matrix (QR of a Gaussian matrix) times the spectral radius: all eigenvalues on one circle.</summary>
    Orthogonal,
}

/// <summary>The units' transfer function.</summary>
public enum ReservoirActivation
{
    /// <summary>tanh, the usual echo-state network.</summary>
    Tanh,

    /// <summary>Identity: a linear reservoir (memory-capacity theory).</summary>
    Identity,
}

/// <summary>
/// An echo-state network's reservoir (Jaeger 2001): x_t = (1 − a) x_{t−1} + a f(W_in u_t + W x_{t−1} + b) with N units,
/// W scaled to spectral radius ρ, W_in and b uniform in ±(input scaling) and ±(bias scaling). Seeded.
/// </summary>
public sealed record ReservoirSpec
{
    /// <summary>N, reservoir units.</summary>
    public int Units { get; init; } = 100;

    /// <summary>Input features per step.</summary>
    public int InputSize { get; init; } = 1;

    /// <summary>ρ, the spectral radius W is scaled to.</summary>
    public double SpectralRadius { get; init; } = 0.9;

    /// <summary>Fraction of non-zero recurrent weights (random topology).</summary>
    public double Density { get; init; } = 0.1;

    /// <summary>Recurrent topology.</summary>
    public ReservoirTopology Topology { get; init; } = ReservoirTopology.Random;

    /// <summary>W_in entries uniform in ±this.</summary>
    public double InputScaling { get; init; } = 1;

    /// <summary>b entries uniform in ±this.</summary>
    public double BiasScaling { get; init; }

    /// <summary>Leak rate a in (0, 1].</summary>
    public double LeakRate { get; init; } = 1;

    /// <summary>Transfer function f.</summary>
    public ReservoirActivation Activation { get; init; } = ReservoirActivation.Tanh;

    /// <summary>Seed of every draw.</summary>
    public ulong Seed { get; init; } = 1;
}
