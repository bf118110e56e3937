using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>One KEY NUMBER pair of a <see cref="PairsValue"/>.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The number.</param>
/// <param name="Text">The number as written, for messages.</param>
/// <param name="At">Where the pair was written (null: where the setting was).</param>
public sealed record SettingPair(string Key, double Value, string Text, SourceLocation? At = null);
