namespace Neuromorph.Networks;

/// <summary>
/// Gaussian noise added to each local field of a Hopfield sweep: σ ξ with ξ drawn from Philox at counter
/// (neuron, restart, <paramref name="Sweep"/>, 2^32 − 2) under <paramref name="Seed"/>. σ = 0 is a noiseless sweep.
/// </summary>
/// <param name="Sigma">Standard deviation σ of the field noise.</param>
/// <param name="Seed">Seed of the noise.</param>
/// <param name="Sweep">Sweep counter.</param>
public readonly record struct FieldNoise(double Sigma, ulong Seed, uint Sweep)
{
    /// <summary>The counter word that tells field noise apart from read noise.</summary>
    public const uint Stream = 0xFFFFFFFEu;
}
