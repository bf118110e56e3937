namespace Neuromorph.Io;

/// <summary>
/// One plot (analysis) of a SPICE raw file: its name (<c>Transient Analysis</c> ...), its variables, the first being the
/// scale, and one column of values per variable; a complex plot (.ac) has the imaginary parts in <see cref="Imaginary"/>.
/// </summary>
/// <param name="Name">The plot name ngspice writes: <c>Transient Analysis</c>, <c>DC transfer characteristic</c>, <c>AC Analysis</c>, <c>Operating Point</c>.</param>
/// <param name="Variables">The variables, the scale first (none for an operating point).</param>
/// <param name="Real">The (real parts of the) values, one column per variable, all of one length.</param>
/// <param name="Imaginary">The imaginary parts for a complex plot, one column per variable; null for a real plot.</param>
public sealed record RawPlot(string Name, IReadOnlyList<RawVariable> Variables, IReadOnlyList<IReadOnlyList<double>> Real, IReadOnlyList<IReadOnlyList<double>>? Imaginary = null)
{
    /// <summary>Whether the plot is complex (<c>Flags: complex</c>).</summary>
    public bool Complex => Imaginary is not null;

    /// <summary>Number of points.</summary>
    public int Points => Real.Count == 0 ? 0 : Real[0].Count;
}
