using Neuromorph.Compute;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// A CNF formula on an accelerator for <see cref="DmmKernels"/>, as arrays of reals: clause starts, each literal's
/// variable, polarity and clause, each clause's drive w_m (weight / largest weight) and weight, and each variable's
/// literals in clause order (variable starts and literal indices), the gather form of the DMM's scatter over clauses.
/// </summary>
public sealed class DmmFormulaBuffers : IDisposable
{
    private DmmFormulaBuffers(RealBuffer[] all) => (ClauseStart, Variable, Polarity, LiteralClause, Drive, Weight, VariableStart, VariableLiterals) = (all[0], all[1], all[2], all[3], all[4], all[5], all[6], all[7]);

    /// <summary>Clause starts (M + 1).</summary>
    public RealBuffer ClauseStart { get; }

    /// <summary>Variable of each literal.</summary>
    public RealBuffer Variable { get; }

    /// <summary>Polarity ±1 of each literal.</summary>
    public RealBuffer Polarity { get; }

    /// <summary>Clause of each literal.</summary>
    public RealBuffer LiteralClause { get; }

    /// <summary>Drive w_m of each clause.</summary>
    public RealBuffer Drive { get; }

    /// <summary>Weight of each clause.</summary>
    public RealBuffer Weight { get; }

    /// <summary>Starts of each variable's literals in <see cref="VariableLiterals"/> (N + 1).</summary>
    public RealBuffer VariableStart { get; }

    /// <summary>Literal indices grouped by variable, in clause order within each variable.</summary>
    public RealBuffer VariableLiterals { get; }

    /// <summary>Uploads <paramref name="formula"/> to <paramref name="accelerator"/>.</summary>
    /// <exception cref="ArgumentException">Indices would not be exact as single-precision reals (2^24 or more), or the formula has no literal.</exception>
    public static DmmFormulaBuffers Upload(IAccelerator accelerator, SatFormula formula)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(formula);
        int n = formula.Variables, m = formula.ClauseCount, literals = formula.LiteralCount;
        if (literals == 0 || m == 0 || Math.Max(n, literals) >= 1 << 24)
        {
            throw new ArgumentException($"the device path of dmm takes 1 to 2^24 − 1 literals and variables (formula: {n} variables, {literals} literals)", nameof(formula));
        }

        var clauseOf = new double[literals];
        for (var c = 0; c < m; c++)
        {
            for (var k = formula.ClauseStart[c]; k < formula.ClauseStart[c + 1]; k++)
            {
                clauseOf[k] = c;
            }
        }

        var start = new int[n + 1];
        foreach (var v in formula.Variable)
        {
            start[v + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var byVariable = new double[literals];
        for (var k = 0; k < literals; k++)
        {
            byVariable[fill[formula.Variable[k]]++] = k; // k ascending: each variable's literals in clause order
        }

        var max = formula.MaxWeight();
        double[][] data =
        [
            [.. formula.ClauseStart.Select(x => (double)x)], [.. formula.Variable.Select(x => (double)x)], [.. formula.Polarity.Select(x => (double)x)], clauseOf,
            [.. formula.Weight.Select(w => w / max)], [.. formula.Weight], [.. start.Select(x => (double)x)], byVariable,
        ];
        var buffers = new RealBuffer[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            buffers[i] = accelerator.Upload(data[i]);
        }

        return new DmmFormulaBuffers(buffers);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var b in new[] { ClauseStart, Variable, Polarity, LiteralClause, Drive, Weight, VariableStart, VariableLiterals })
        {
            b.Dispose();
        }
    }
}
