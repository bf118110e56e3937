using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Optimization.Problems;

/// <summary>
/// Random k-SAT instances: clauses of k distinct variables with random signs, uniformly; with a planted solution, a
/// random assignment s* is drawn first and clauses it leaves unsatisfied are rejected and redrawn, so s* satisfies the
/// formula (the simple "1-planted" ensemble; at clause ratio 4.26 it is easier than unplanted random 3-SAT because the
/// clause signs are biased towards s*).
/// </summary>
public static class RandomSat
{
    /// <summary>A random k-SAT formula with round(<paramref name="ratio"/> · n) clauses; <paramref name="planted"/> receives s* when requested.</summary>
    public static SatFormula Generate(int n, double ratio, ulong seed, int k = 3, sbyte[]? planted = null)
    {
        if (n < k)
        {
            throw new ArgumentOutOfRangeException(nameof(n), $"need at least {k} variables");
        }

        var rng = new RandomStream(seed);
        if (planted is not null)
        {
            for (var i = 0; i < n; i++)
            {
                planted[i] = rng.NextSpin();
            }
        }

        var m = (int)Math.Round(ratio * n);
        var clauses = new List<int[]>(m);
        var clause = new int[k];
        while (clauses.Count < m)
        {
            for (var j = 0; j < k; j++)
            {
                int v;
                do
                {
                    v = rng.Next(n);
                }
                while (Array.IndexOf(clause, v + 1, 0, j) >= 0 || Array.IndexOf(clause, -(v + 1), 0, j) >= 0);

                clause[j] = rng.NextSpin() > 0 ? v + 1 : -(v + 1);
            }

            if (planted is not null && !clause.Any(l => (l > 0 ? 1 : -1) * planted[Math.Abs(l) - 1] > 0))
            {
                continue;
            }

            clauses.Add((int[])clause.Clone());
        }

        return new SatFormula(n, clauses);
    }
}
