using Neuromorph.Diagnostics;

namespace Neuromorph.Numerics.Sparse;

/// <summary>How <see cref="LinePreconditioner"/> couples its lines.</summary>
public enum LineSweep
{
    /// <summary>Block Jacobi: each line's tridiagonal block solved on its own.</summary>
    Jacobi,

    /// <summary>Block symmetric Gauss–Seidel: a forward then a backward sweep over the lines, each line solved with the latest values of its neighbours.</summary>
    SymmetricGaussSeidel,
}

/// <summary>
/// Line preconditioner for matrices whose strong couplings form chains (the word-line and bit-line segments of a
/// crossbar, rows of a lattice): each line's tridiagonal block is factorised exactly (LDLᵀ, Thomas), and the lines are
/// combined by block Jacobi or block symmetric Gauss–Seidel (symmetric, so valid for conjugate gradient). Nodes in no
/// line are lines of one node. Entries between non-adjacent nodes of the same line are not allowed.
/// </summary>
public sealed class LinePreconditioner : IPreconditioner
{
    private readonly LineSweep _sweep;
    private readonly int[] _order;
    private readonly int[] _lineStart;
    private readonly double[] _multiplier;
    private readonly double[] _inversePivot;
    private readonly int[] _offStart;
    private readonly int[] _offColumn;
    private readonly double[] _offValue;
    private readonly bool[] _couplesToLater;
    private readonly double[] _rhs;

    /// <summary>Builds the preconditioner of <paramref name="a"/> (symmetric positive definite) for the given <paramref name="lines"/> (node indices in chain order).</summary>
    public LinePreconditioner(CsrMatrix a, IReadOnlyList<int[]> lines, LineSweep sweep = LineSweep.SymmetricGaussSeidel)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(lines);
        _sweep = sweep;
        var n = a.RowCount;
        var lineOf = new int[n];
        Array.Fill(lineOf, -1);
        var position = new int[n];
        var order = new List<int>(n);
        var starts = new List<int>();
        foreach (var line in lines)
        {
            starts.Add(order.Count);
            foreach (var node in line)
            {
                if (lineOf[node] >= 0)
                {
                    throw new ArgumentException($"node {node} is in two lines", nameof(lines));
                }

                lineOf[node] = starts.Count - 1;
                position[node] = order.Count;
                order.Add(node);
            }
        }

        for (var node = 0; node < n; node++)
        {
            if (lineOf[node] < 0)
            {
                starts.Add(order.Count);
                lineOf[node] = starts.Count - 1;
                position[node] = order.Count;
                order.Add(node);
            }
        }

        starts.Add(n);
        _order = [.. order];
        _lineStart = [.. starts];
        var lineCount = _lineStart.Length - 1;
        _multiplier = new double[n];
        _inversePivot = new double[n];
        _rhs = new double[n];
        _couplesToLater = new bool[lineCount];
        _offStart = new int[n + 1];
        var offColumns = new List<int>();
        var offValues = new List<double>();
        var sub = new double[n]; // A[order[k], order[k-1]]
        var diag = new double[n];
        for (var k = 0; k < n; k++)
        {
            var node = _order[k];
            _offStart[k] = offColumns.Count;
            for (var p = a.RowPointers[node]; p < a.RowPointers[node + 1]; p++)
            {
                var c = a.ColumnIndices[p];
                if (c == node)
                {
                    diag[k] = a.Values[p];
                }
                else if (lineOf[c] == lineOf[node])
                {
                    if (Math.Abs(position[c] - k) != 1)
                    {
                        throw new ArgumentException($"nodes {node} and {c} are coupled but not adjacent in their line", nameof(lines));
                    }

                    if (position[c] == k - 1)
                    {
                        sub[k] = a.Values[p];
                    }
                }
                else
                {
                    offColumns.Add(c);
                    offValues.Add(a.Values[p]);
                    if (lineOf[c] > lineOf[node])
                    {
                        _couplesToLater[lineOf[node]] = true;
                    }
                }
            }
        }

        _offStart[n] = offColumns.Count;
        _offColumn = [.. offColumns];
        _offValue = [.. offValues];

        // LDLᵀ of each tridiagonal block: d'_0 = d_0, l_k = e_k / d'_(k-1), d'_k = d_k - l_k e_k
        for (var line = 0; line < lineCount; line++)
        {
            for (var k = _lineStart[line]; k < _lineStart[line + 1]; k++)
            {
                var first = k == _lineStart[line];
                var l = first ? 0 : sub[k] * _inversePivot[k - 1];
                var d = diag[k] - (first ? 0 : l * sub[k]);
                if (!(d > 0))
                {
                    throw new SimulationException($"line block of node {_order[k]} is not positive definite (pivot {d:G3})") { Hint = SimulationHints.PositiveDefinite };
                }

                _multiplier[k] = l;
                _inversePivot[k] = 1 / d;
            }
        }
    }

    /// <summary>Number of lines, single nodes included.</summary>
    public int LineCount => _lineStart.Length - 1;

    /// <inheritdoc />
    public void Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        var lines = LineCount;
        if (_sweep == LineSweep.Jacobi)
        {
            for (var line = 0; line < lines; line++)
            {
                SolveLine(line, r, z, coupled: false);
            }

            return;
        }

        z.Clear();
        for (var line = 0; line < lines; line++)
        {
            SolveLine(line, r, z, coupled: true);
        }

        // backward sweep; a line with no coupling to later lines would get exactly its forward value again
        for (var line = lines - 1; line >= 0; line--)
        {
            if (_couplesToLater[line])
            {
                SolveLine(line, r, z, coupled: true);
            }
        }
    }

    /// <summary>z on <paramref name="line"/> = T⁻¹ (r - off-line couplings × current z), or T⁻¹ r.</summary>
    private void SolveLine(int line, ReadOnlySpan<double> r, Span<double> z, bool coupled)
    {
        int start = _lineStart[line], end = _lineStart[line + 1];
        var y = _rhs;
        double prev = 0;
        for (var k = start; k < end; k++)
        {
            var node = _order[k];
            var s = r[node];
            if (coupled)
            {
                for (var p = _offStart[k]; p < _offStart[k + 1]; p++)
                {
                    s -= _offValue[p] * z[_offColumn[p]];
                }
            }

            prev = s - (_multiplier[k] * prev);
            y[k] = prev;
        }

        double next = 0;
        for (var k = end - 1; k >= start; k--)
        {
            next = (y[k] * _inversePivot[k]) - (k + 1 < end ? _multiplier[k + 1] * next : 0);
            z[_order[k]] = next;
        }
    }
}
