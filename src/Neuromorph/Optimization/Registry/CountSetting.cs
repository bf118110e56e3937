using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Optimization.Registry;

/// <summary>A setting that is a whole number ≥ 0 (<c>quench-every N</c>); checked to an <see cref="int"/>.</summary>
/// <param name="Name">Neutral name.</param>
/// <param name="Help">What it does, written to follow the names of the solvers that take it (<c>dmm, memory-ising {Help}</c>).</param>
/// <param name="ZeroMeans">What 0 means, for the range message (<c>only at the end</c>).</param>
/// <param name="Example">A good value, for hints.</param>
public sealed record CountSetting(string Name, string Help, string ZeroMeans, int Example) : SolverSetting(Name, Help)
{
    /// <inheritdoc />
    public override object Check(SettingValue value, SettingNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (value is not CountValue { Value: var n })
        {
            throw new ArgumentException($"{Name} takes a whole number, not {value?.GetType().Name}", nameof(value));
        }

        return n >= 0
            ? n
            : throw names.Error(Name, $"{names.Name(Name)} must be ≥ 0 (0: {ZeroMeans}), got {n}", $"e.g. {names.Assign(Name, Example.ToString(CultureInfo.InvariantCulture))}");
    }
}
