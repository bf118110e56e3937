using Neuromorph.Diagnostics;

namespace Neuromorph.Crossbars;

/// <summary>
/// A passive (0T1R) memristive crossbar: <see cref="Rows"/> word lines × <see cref="Columns"/> bit lines with a device
/// of conductance G[i, j] (siemens) at each cross-point, wire resistance per segment on word and bit lines (ohms), and
/// the read topology of REFERENCES.md §3: each word line is driven through <see cref="SourceResistance"/> at column 0
/// and open at the far end; each bit line runs from row 0 (open) to row m-1 and into a virtual ground through
/// <see cref="SinkResistance"/>. The output current of column j is the current into that virtual ground.
/// </summary>
public sealed class CrossbarArray
{
    /// <summary>Creates an array from conductances (siemens); all must be finite and non-negative.</summary>
    public CrossbarArray(double[,] conductance, double wordWireResistance = 0, double bitWireResistance = 0, double? sourceResistance = null, double? sinkResistance = null)
    {
        ArgumentNullException.ThrowIfNull(conductance);
        Rows = conductance.GetLength(0);
        Columns = conductance.GetLength(1);
        if (Rows == 0 || Columns == 0)
        {
            throw new UserInputException("a crossbar needs at least one row and one column");
        }

        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                if (!(conductance[i, j] >= 0) || !double.IsFinite(conductance[i, j]))
                {
                    throw new UserInputException($"conductance at row {i + 1}, column {j + 1} is {conductance[i, j]}", "conductances must be finite and not negative (resistances positive)");
                }
            }
        }

        if (wordWireResistance < 0 || bitWireResistance < 0 || sourceResistance < 0 || sinkResistance < 0)
        {
            throw new UserInputException("wire, source and sink resistances must not be negative");
        }

        Conductance = (double[,])conductance.Clone();
        WordWireResistance = wordWireResistance;
        BitWireResistance = bitWireResistance;
        SourceResistance = sourceResistance ?? wordWireResistance;
        SinkResistance = sinkResistance ?? bitWireResistance;
    }

    /// <summary>Number of word lines (inputs).</summary>
    public int Rows { get; }

    /// <summary>Number of bit lines (outputs).</summary>
    public int Columns { get; }

    /// <summary>Device conductances in siemens, [row, column].</summary>
    public double[,] Conductance { get; }

    /// <summary>Resistance of one word-line segment between adjacent cells, ohms.</summary>
    public double WordWireResistance { get; }

    /// <summary>Resistance of one bit-line segment between adjacent cells, ohms.</summary>
    public double BitWireResistance { get; }

    /// <summary>Resistance from each input driver to the first word-line node, ohms.</summary>
    public double SourceResistance { get; }

    /// <summary>Resistance from each last bit-line node to the virtual ground, ohms.</summary>
    public double SinkResistance { get; }

    /// <summary>True when every wire, source and sink resistance is zero: the product is exactly V·G.</summary>
    public bool IsIdeal => WordWireResistance == 0 && BitWireResistance == 0 && SourceResistance == 0 && SinkResistance == 0;

    /// <summary>The array with rows and columns swapped (drive the bit lines, read the word lines), for transposed products.</summary>
    public CrossbarArray Transposed()
    {
        var t = new double[Columns, Rows];
        for (var i = 0; i < Rows; i++)
        {
            for (var j = 0; j < Columns; j++)
            {
                t[j, i] = Conductance[i, j];
            }
        }

        return new CrossbarArray(t, BitWireResistance, WordWireResistance, SinkResistance, SourceResistance);
    }

    /// <summary>The ideal product I_j = Σ_i V_i G[i, j] (amperes) for input voltages <paramref name="v"/> (volts).</summary>
    public void MultiplyIdeal(ReadOnlySpan<double> v, Span<double> current)
    {
        if (v.Length != Rows || current.Length != Columns)
        {
            throw new UserInputException($"input has {v.Length} values for {Rows} rows (output {current.Length} for {Columns} columns)");
        }

        current.Clear();
        for (var i = 0; i < Rows; i++)
        {
            var vi = v[i];
            if (vi == 0)
            {
                continue;
            }

            for (var j = 0; j < Columns; j++)
            {
                current[j] += vi * Conductance[i, j];
            }
        }
    }
}
