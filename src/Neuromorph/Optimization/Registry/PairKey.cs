namespace Neuromorph.Optimization.Registry;

/// <summary>One key of a <see cref="PairsSetting"/> and the numbers it accepts.</summary>
/// <param name="Name">The key, lower case.</param>
/// <param name="Accepts">True for a number in range (only finite numbers are asked).</param>
public sealed record PairKey(string Name, Func<double, bool> Accepts);
