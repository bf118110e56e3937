using System.Globalization;
using Neuromorph.Io;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// An analysis table that will take more than <see cref="Threshold"/> bytes as CSV: announced before the run from the
/// estimate, or after it when the run took many more points than estimated.
/// </summary>
/// <param name="File">The CSV file name (tran.csv ...).</param>
/// <param name="Rows">Its rows (after the row limit).</param>
/// <param name="Columns">Its columns.</param>
/// <param name="LowerBound">True when <paramref name="Rows"/> is a lower bound (a transient's estimate before it runs).</param>
public sealed record LargeTable(string File, long Rows, int Columns, bool LowerBound)
{
    /// <summary>Above this many bytes a CSV is announced before it is written.</summary>
    public const long Threshold = 100_000_000;

    /// <summary>The table's size in bytes, as <see cref="CsvTable.EstimateBytes"/> reckons it.</summary>
    public long Bytes => CsvTable.EstimateBytes(Rows, Columns);

    /// <summary>The warning; <paramref name="rowLimit"/> is how the caller names the row limit (a flag, a key).</summary>
    public string Message(string rowLimit) =>
        string.Create(CultureInfo.InvariantCulture, $"{File} will take {(LowerBound ? "at least" : "about")} {Bytes / 1e6:0} MB ({Rows} rows x {Columns} columns); '.print' fewer vectors or use {rowLimit} to write less");
}
