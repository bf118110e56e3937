using Neuromorph.Numerics.Randomness;
namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// Noise injected into every weight matrix during hardware-aware training, redrawn for every mini-batch, in the
/// spirit of aihwkit's weight modifiers: additive W + σ max|W| N(0, 1) (relative to the matrix's largest weight) or
/// multiplicative W (1 + σ N(0, 1)). The forward and backward passes of the mini-batch use the perturbed weights;
/// the update is applied to the clean ones, so the model learns weights whose loss is low under perturbation.
/// </summary>
public sealed record WeightNoise(double Sigma, bool Multiplicative = false)
{
    /// <summary>Writes a perturbed copy of <paramref name="w"/> into <paramref name="into"/>.</summary>
    public void Perturb(ReadOnlySpan<double> w, Span<double> into, RandomStream rng)
    {
        var scale = Multiplicative ? 1 : Math.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(w));
        for (var i = 0; i < w.Length; i++)
        {
            var z = Sigma * rng.NextGaussian();
            into[i] = Multiplicative ? w[i] * (1 + z) : w[i] + (scale * z);
        }
    }
}
