namespace Neuromorph.Io;

/// <summary>One variable of a SPICE raw file plot: its name as ngspice writes it (<c>v(out)</c>, <c>i(v1)</c>) and its type.</summary>
/// <param name="Name">The vector's name.</param>
/// <param name="Type">ngspice's type name: <c>time</c>, <c>frequency</c>, <c>voltage</c>, <c>current</c> or <c>notype</c>.</param>
public sealed record RawVariable(string Name, string Type)
{
    /// <summary>The type ngspice gives a vector named <paramref name="name"/>: voltage for <c>v…</c>, current for <c>i…</c>, else notype.</summary>
    public static string TypeOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.ToLowerInvariant();
        return n switch
        {
            "time" => "time",
            "frequency" => "frequency",
            _ when n.StartsWith('v') => "voltage",
            _ when n.StartsWith('i') => "current",
            _ => "notype",
        };
    }
}
