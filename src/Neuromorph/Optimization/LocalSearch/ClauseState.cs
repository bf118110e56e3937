using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.LocalSearch;

/// <summary>
/// Incremental bookkeeping for local search on a CNF formula: true-literal count per clause, the set of false clauses
/// (O(1) insert and remove), the unsatisfied weight, and the weight change of flipping a variable
/// (make − break), each in O(occurrences of the variable).
/// </summary>
internal sealed class ClauseState
{
    private readonly SatFormula _f;
    private readonly int[] _occStart;
    private readonly int[] _occClause;
    private readonly sbyte[] _occPolarity;
    private readonly int[] _trueCount;
    private readonly int[] _falsePosition;

    public ClauseState(SatFormula f, sbyte[] spins)
    {
        _f = f;
        Spins = spins;
        var n = f.Variables;
        _occStart = new int[n + 1];
        foreach (var v in f.Variable)
        {
            _occStart[v + 1]++;
        }

        for (var i = 0; i < n; i++)
        {
            _occStart[i + 1] += _occStart[i];
        }

        var fill = (int[])_occStart.Clone();
        _occClause = new int[f.LiteralCount];
        _occPolarity = new sbyte[f.LiteralCount];
        for (var m = 0; m < f.ClauseCount; m++)
        {
            for (var k = f.ClauseStart[m]; k < f.ClauseStart[m + 1]; k++)
            {
                var at = fill[f.Variable[k]]++;
                _occClause[at] = m;
                _occPolarity[at] = f.Polarity[k];
            }
        }

        _trueCount = new int[f.ClauseCount];
        _falsePosition = new int[f.ClauseCount];
        FalseClauses = new List<int>();
        Reset();
    }

    public sbyte[] Spins { get; }

    /// <summary>Clauses with no true literal.</summary>
    public List<int> FalseClauses { get; }

    /// <summary>Total weight of <see cref="FalseClauses"/>.</summary>
    public double Cost { get; private set; }

    /// <summary>Recomputes everything from <see cref="Spins"/>.</summary>
    public void Reset()
    {
        FalseClauses.Clear();
        Cost = 0;
        for (var m = 0; m < _f.ClauseCount; m++)
        {
            var c = 0;
            for (var k = _f.ClauseStart[m]; k < _f.ClauseStart[m + 1]; k++)
            {
                c += _f.Polarity[k] * Spins[_f.Variable[k]] > 0 ? 1 : 0;
            }

            _trueCount[m] = c;
            _falsePosition[m] = -1;
            if (c == 0)
            {
                AddFalse(m);
            }
        }
    }

    /// <summary>Cost change if variable <paramref name="i"/> were flipped.</summary>
    public double Delta(int i)
    {
        var d = 0.0;
        var s = Spins[i];
        for (var k = _occStart[i]; k < _occStart[i + 1]; k++)
        {
            var m = _occClause[k];
            if (_occPolarity[k] * s > 0)
            {
                d += _trueCount[m] == 1 ? _f.Weight[m] : 0; // breaks
            }
            else
            {
                d -= _trueCount[m] == 0 ? _f.Weight[m] : 0; // makes
            }
        }

        return d;
    }

    /// <summary>Weight of clauses flipping <paramref name="i"/> would break.</summary>
    public double Break(int i)
    {
        var b = 0.0;
        var s = Spins[i];
        for (var k = _occStart[i]; k < _occStart[i + 1]; k++)
        {
            if (_occPolarity[k] * s > 0 && _trueCount[_occClause[k]] == 1)
            {
                b += _f.Weight[_occClause[k]];
            }
        }

        return b;
    }

    /// <summary>Flips variable <paramref name="i"/>.</summary>
    public void Flip(int i)
    {
        var s = Spins[i];
        for (var k = _occStart[i]; k < _occStart[i + 1]; k++)
        {
            var m = _occClause[k];
            if (_occPolarity[k] * s > 0)
            {
                if (--_trueCount[m] == 0)
                {
                    AddFalse(m);
                }
            }
            else if (_trueCount[m]++ == 0)
            {
                RemoveFalse(m);
            }
        }

        Spins[i] = (sbyte)-s;
    }

    private void AddFalse(int m)
    {
        _falsePosition[m] = FalseClauses.Count;
        FalseClauses.Add(m);
        Cost += _f.Weight[m];
    }

    private void RemoveFalse(int m)
    {
        var at = _falsePosition[m];
        var last = FalseClauses[^1];
        FalseClauses[at] = last;
        _falsePosition[last] = at;
        FalseClauses.RemoveAt(FalseClauses.Count - 1);
        _falsePosition[m] = -1;
        Cost -= _f.Weight[m];
        if (FalseClauses.Count == 0)
        {
            Cost = 0; // no rounding drift once everything is satisfied
        }
    }
}
