using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Crossbars;

/// <summary>
/// Exact read of a crossbar with wire resistance: the 2mn-node nodal network (a word-line and a bit-line node per
/// cross-point; 8mn - 2m - 2n non-zeros) is a weighted graph Laplacian grounded through the source and sink
/// resistances, hence symmetric positive definite. It is factorised once (sparse Cholesky) and every input vector
/// costs two triangular solves.
/// </summary>
public sealed class NodalSolver
{
    private readonly CrossbarArray _array;
    private readonly SparseCholesky _cholesky;
    private readonly double[] _rhs;
    private readonly double _gs;
    private readonly double _gk;

    /// <summary>Assembles and factorises the network of <paramref name="array"/> (all wire, source and sink resistances &gt; 0).</summary>
    public NodalSolver(CrossbarArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (!(array.WordWireResistance > 0 && array.BitWireResistance > 0 && array.SourceResistance > 0 && array.SinkResistance > 0))
        {
            throw new ArgumentException("the nodal solver needs positive wire, source and sink resistances; use the ideal product otherwise");
        }

        _array = array;
        int m = array.Rows, n = array.Columns;
        double gw = 1 / array.WordWireResistance, gb = 1 / array.BitWireResistance;
        _gs = 1 / array.SourceResistance;
        _gk = 1 / array.SinkResistance;
        var b = new CooBuilder(2 * m * n, 2 * m * n);
        void Edge(int p, int q, double g)
        {
            b.Add(p, p, g);
            b.Add(q, q, g);
            b.Add(p, q, -g);
            b.Add(q, p, -g);
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Edge(Word(i, j), Bit(i, j), array.Conductance[i, j]);
                if (j + 1 < n)
                {
                    Edge(Word(i, j), Word(i, j + 1), gw);
                }

                if (i + 1 < m)
                {
                    Edge(Bit(i, j), Bit(i + 1, j), gb);
                }
            }

            b.Add(Word(i, 0), Word(i, 0), _gs);
        }

        for (var j = 0; j < n; j++)
        {
            b.Add(Bit(m - 1, j), Bit(m - 1, j), _gk);
        }

        Matrix = b.ToCsr();
        _cholesky = new SparseCholesky(Matrix);
        _cholesky.Factor(Matrix);
        _rhs = new double[2 * m * n];
        NodeVoltages = _rhs;
    }

    /// <summary>The nodal conductance matrix (siemens), 2mn × 2mn.</summary>
    public CsrMatrix Matrix { get; }

    /// <summary>Node voltages of the last solve: word node (i, j) at i·n + j, bit node at m·n + i·n + j.</summary>
    public double[] NodeVoltages { get; private set; }

    /// <summary>Non-zeros of the Cholesky factor.</summary>
    public int FactorNonZeros => _cholesky.FactorNonZeros;

    /// <summary>Index of word-line node (i, j).</summary>
    public int Word(int i, int j) => (i * _array.Columns) + j;

    /// <summary>Index of bit-line node (i, j).</summary>
    public int Bit(int i, int j) => (_array.Rows * _array.Columns) + (i * _array.Columns) + j;

    /// <summary>Output currents (amperes, into the virtual grounds) for input voltages <paramref name="v"/>.</summary>
    public void Multiply(ReadOnlySpan<double> v, Span<double> current)
    {
        int m = _array.Rows, n = _array.Columns;
        Array.Clear(_rhs);
        for (var i = 0; i < m; i++)
        {
            _rhs[Word(i, 0)] = v[i] * _gs;
        }

        _cholesky.Solve(_rhs);
        for (var j = 0; j < n; j++)
        {
            current[j] = _rhs[Bit(m - 1, j)] * _gk;
        }
    }

    /// <summary>
    /// The exact transfer matrix T (siemens, rows × columns) with I = V·T: the network is linear, so column currents
    /// for any input are the product with T, which folds in every IR drop and sneak path. Computed from one solve
    /// per row; afterwards a read costs one dense product instead of two sparse triangular solves.
    /// </summary>
    public double[,] EffectiveConductance()
    {
        int m = _array.Rows, n = _array.Columns;
        var t = new double[m, n];
        var unit = new double[m];
        var col = new double[n];
        for (var i = 0; i < m; i++)
        {
            unit[i] = 1;
            Multiply(unit, col);
            unit[i] = 0;
            for (var j = 0; j < n; j++)
            {
                t[i, j] = col[j];
            }
        }

        return t;
    }

    /// <summary>Current through each device (word to bit, amperes) after the last <see cref="Multiply"/>.</summary>
    public double[,] DeviceCurrents()
    {
        var c = new double[_array.Rows, _array.Columns];
        for (var i = 0; i < _array.Rows; i++)
        {
            for (var j = 0; j < _array.Columns; j++)
            {
                c[i, j] = (_rhs[Word(i, j)] - _rhs[Bit(i, j)]) * _array.Conductance[i, j];
            }
        }

        return c;
    }
}
