using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>Why a solver takes no sweep count, and how its restarts' length is set instead.</summary>
/// <param name="Reason">Why, after a colon (<c>it integrates for a model time, not a number of sweeps</c>).</param>
/// <param name="Hint">What sets the length, spelled by the front end.</param>
public sealed record SweepsRefusal(string Reason, Func<SettingNames, string> Hint);
