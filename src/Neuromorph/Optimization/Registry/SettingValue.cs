using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>
/// The value of a <see cref="SolverSetting"/> as a front end read it, before the setting's own check: a whole number
/// (<see cref="CountValue"/>) or KEY NUMBER pairs (<see cref="PairsValue"/>). The front end parses its own syntax
/// (<c>--ctd-schedule alpha=0.1,time=30</c>, or a YAML map); ranges and keys are checked once, by the setting.
/// </summary>
public abstract record SettingValue;

/// <summary>A whole number, as given.</summary>
/// <param name="Value">The number.</param>
public sealed record CountValue(int Value) : SettingValue;

/// <summary>KEY NUMBER pairs, in the order given (a later key overrides an earlier one).</summary>
/// <param name="Pairs">The pairs.</param>
public sealed record PairsValue(IReadOnlyList<SettingPair> Pairs) : SettingValue;

/// <summary>One KEY NUMBER pair of a <see cref="PairsValue"/>.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The number.</param>
/// <param name="Text">The number as written, for messages.</param>
/// <param name="At">Where the pair was written (null: where the setting was).</param>
public sealed record SettingPair(string Key, double Value, string Text, SourceLocation? At = null);
