namespace Neuromorph.Devices;

/// <summary>
/// One model parameter, declared once: the netlist reader validates against it, <c>neuromorph models</c>
/// lists it and the docs print it. <see cref="Name"/> is lower-case as written in <c>.model</c> cards.
/// </summary>
public sealed record ParameterSpec(
    string Name,
    double Default,
    string Unit,
    string Description,
    double Min = double.NegativeInfinity,
    double Max = double.PositiveInfinity,
    IReadOnlyList<string>? Aliases = null)
{
    /// <summary>True if <paramref name="name"/> is this parameter's name or one of its aliases (case-insensitive).</summary>
    public bool Accepts(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        || (Aliases?.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) ?? false);
}
