namespace Neuromorph.Networks.Memory;

/// <summary>
/// How content addressing compares a head's key with the memory rows. <see cref="Analog"/> is the cosine similarity
/// of the real vectors (Graves et al. 2014). <see cref="Bipolar"/> compares sign(k) with sign(M_i): the similarity is
/// (1/W) Σ_j sign(k_j) sign(M_ij) = 1 − 2 h_i/W with h_i the Hamming distance, the dot product of ±1 vectors that an
/// analog crossbar computes robustly (Karunaratne et al., Nature Communications 2021, "Robust high-dimensional
/// memory-augmented neural networks"; sign(0) = +1). Bipolar keys are an inference setting: training uses analog keys.
/// </summary>
public enum KeyEncoding
{
    /// <summary>Cosine similarity of the real key and row.</summary>
    Analog,

    /// <summary>Normalised dot product of the key's and the row's signs.</summary>
    Bipolar,
}
