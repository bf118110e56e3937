namespace Neuromorph.Optimization.Registry;

/// <summary>KEY NUMBER pairs, in the order given (a later key overrides an earlier one).</summary>
/// <param name="Pairs">The pairs.</param>
public sealed record PairsValue(IReadOnlyList<SettingPair> Pairs) : SettingValue;
