namespace Neuromorph.Numerics.Randomness;

/// <summary>
/// A source of standard normal deviates: <see cref="RandomStream"/> (sequential) or <see cref="PhiloxStream"/>
/// (counter-based, one per row of a parallel update), so a loop that draws noise serves both, specialised per struct.
/// </summary>
internal interface IGaussianSource
{
    /// <summary>The next standard normal deviate.</summary>
    double NextGaussian();
}
