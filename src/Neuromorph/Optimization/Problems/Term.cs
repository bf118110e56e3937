namespace Neuromorph.Optimization.Problems;

/// <summary>One input term between 0-based variables <see cref="I"/> and <see cref="J"/> (I == J: a diagonal/field term).</summary>
public readonly record struct Term(int I, int J, double Weight);
