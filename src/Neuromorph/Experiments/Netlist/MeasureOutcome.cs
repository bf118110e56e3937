using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Experiments.Netlist;

/// <summary>One <c>.measure</c> of one run: its value, or why it failed (the value is then NaN).</summary>
/// <param name="Name">The measurement's name.</param>
/// <param name="Value">Its value (NaN when it failed).</param>
/// <param name="Step">The <c>.step</c> values of the run, as text (<c>r = 500, c = 1e-06</c>); empty for an unstepped deck.</param>
/// <param name="Failure">Why it failed, located at the .measure line; null when it succeeded.</param>
public sealed record MeasureOutcome(string Name, double Value, string Step, Diagnostic? Failure)
{
    /// <summary>The line <c>simulate</c> prints for a measurement that succeeded: <c>  name = value (r = 500)</c>.</summary>
    public string Line => $"  {Name} = {Value.ToString("G8", CultureInfo.InvariantCulture)}{(Step.Length == 0 ? "" : $" ({Step})")}";
}
