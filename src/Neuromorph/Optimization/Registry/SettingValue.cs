namespace Neuromorph.Optimization.Registry;

/// <summary>
/// The value of a <see cref="SolverSetting"/> as a front end read it, before the setting's own check: a whole number
/// (<see cref="CountValue"/>) or KEY NUMBER pairs (<see cref="PairsValue"/>). The front end parses its own syntax
/// (<c>--ctd-schedule alpha=0.1,time=30</c>, or a YAML map); ranges and keys are checked once, by the setting.
/// </summary>
public abstract record SettingValue;
