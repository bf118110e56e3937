namespace Neuromorph.Networks.Sequence;

/// <summary>
/// One named tensor of a sequence model (PyTorch's name and layout: <c>weight_ih_l0</c> is gates·hidden × input,
/// row-major) with its gradient accumulator of the same length.
/// </summary>
public sealed class Parameter
{
    /// <summary>Creates a zero parameter; <paramref name="columns"/> = 0 makes it a vector of length <paramref name="rows"/>.</summary>
    public Parameter(string name, int rows, int columns = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        Name = name;
        Rows = rows;
        Columns = columns;
        Value = new double[rows * Math.Max(columns, 1)];
        Gradient = new double[Value.Length];
    }

    /// <summary>PyTorch's state-dict name.</summary>
    public string Name { get; }

    /// <summary>Rows (a vector's length).</summary>
    public int Rows { get; }

    /// <summary>Columns, or 0 for a vector.</summary>
    public int Columns { get; }

    /// <summary>True for a matrix, false for a vector.</summary>
    public bool IsMatrix => Columns > 0;

    /// <summary>The shape as PyTorch prints it: [rows, columns] or [length].</summary>
    public int[] Shape => IsMatrix ? [Rows, Columns] : [Rows];

    /// <summary>Values, row-major.</summary>
    public double[] Value { get; }

    /// <summary>Accumulated dLoss/dValue, same layout.</summary>
    public double[] Gradient { get; }

    /// <summary>The shape as text, e.g. [32, 8].</summary>
    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
