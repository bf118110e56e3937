using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Crossbars;

/// <summary>How the unselected lines are held when one cell of a passive array is read.</summary>
public enum ReadScheme
{
    /// <summary>Unselected word and bit lines float: sneak paths through every other cell.</summary>
    Floating,

    /// <summary>Unselected lines at V/2: half-selected cells see V/2.</summary>
    HalfBias,

    /// <summary>Unselected word lines at V/3, unselected bit lines at 2V/3: unselected cells see ±V/3.</summary>
    ThirdBias,
}

/// <summary>
/// Reads one cell of a passive array with zero wire resistance: the selected word line at V, the selected bit line at
/// 0 V (sense), the others floating or biased. Each line is one node; floating lines are solved from the line
/// Laplacian. Returns the sense current, which includes the sneak currents the scheme lets through.
/// </summary>
public static class SingleCellRead
{
    /// <summary>Current into the selected bit line (amperes) when reading (row, column) at <paramref name="v"/> volts.</summary>
    public static double SenseCurrent(CrossbarArray array, int row, int column, double v, ReadScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(array);
        int m = array.Rows, n = array.Columns;
        var g = array.Conductance;
        var lineV = new double[m + n]; // word lines 0..m-1, bit lines m..m+n-1
        var fixedLine = new bool[m + n];
        for (var k = 0; k < m + n; k++)
        {
            fixedLine[k] = scheme != ReadScheme.Floating;
            lineV[k] = scheme switch
            {
                ReadScheme.HalfBias => v / 2,
                ReadScheme.ThirdBias => k < m ? v / 3 : 2 * v / 3,
                _ => 0,
            };
        }

        (lineV[row], fixedLine[row]) = (v, true);
        (lineV[m + column], fixedLine[m + column]) = (0, true);
        if (scheme == ReadScheme.Floating)
        {
            var free = Enumerable.Range(0, m + n).Where(k => !fixedLine[k]).ToArray();
            var index = new int[m + n];
            Array.Fill(index, -1);
            for (var f = 0; f < free.Length; f++)
            {
                index[free[f]] = f;
            }

            var b = new CooBuilder(free.Length, free.Length);
            var rhs = new double[free.Length];
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    int p = i, q = m + j;
                    var gij = g[i, j];
                    foreach (var (a, c) in new[] { (p, q), (q, p) })
                    {
                        if (index[a] < 0)
                        {
                            continue;
                        }

                        b.Add(index[a], index[a], gij);
                        if (index[c] >= 0)
                        {
                            b.Add(index[a], index[c], -gij);
                        }
                        else
                        {
                            rhs[index[a]] += gij * lineV[c];
                        }
                    }
                }
            }

            var a2 = b.ToCsr();
            var chol = new SparseCholesky(a2);
            chol.Factor(a2);
            chol.Solve(rhs);
            foreach (var k in free)
            {
                lineV[k] = rhs[index[k]];
            }
        }

        double sense = 0;
        for (var i = 0; i < m; i++)
        {
            sense += (lineV[i] - lineV[m + column]) * g[i, column];
        }

        return sense;
    }
}
