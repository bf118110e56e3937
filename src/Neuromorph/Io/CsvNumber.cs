using System.Globalization;
using Neuromorph.Diagnostics;

namespace Neuromorph.Io;

/// <summary>
/// The one number grammar of input CSV files: a plain decimal number in the invariant culture (sign, decimal point and
/// exponent allowed: 0.012, -3, 1e-4), finite. No engineering suffixes (1k is YAML's and the netlist's, not CSV's: CSV
/// files come from and go to spreadsheets and NumPy), and no NaN, infinity or empty cell: a missing value in an input
/// is a located error. (Results Neuromorph writes carry NaN as an empty cell or "NaN"; <see cref="CsvTable.Read"/>,
/// the reader of results, reads any non-number as NaN.)
/// </summary>
public static class CsvNumber
{
    /// <summary>True when <paramref name="text"/> is a finite plain number.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>The number in <paramref name="field"/>, or a located error "'text' is not a finite number" with <paramref name="hint"/>.</summary>
    public static double Parse(CsvField field, string hint = "cells hold decimal numbers such as 0.012 or 1e-4") =>
        TryParse(field.Text, out var v) ? v : throw new UserInputException(field.Location, $"'{field.Text}' is not a finite number", hint);
}
