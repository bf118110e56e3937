namespace Neuromorph.Optimization.Registry;

/// <summary>A whole number, as given.</summary>
/// <param name="Value">The number.</param>
public sealed record CountValue(int Value) : SettingValue;
