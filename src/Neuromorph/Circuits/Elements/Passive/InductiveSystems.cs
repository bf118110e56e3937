using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Elements.Passive;

/// <summary>
/// Checks each set of inductors joined by K elements: its inductance matrix (L on the diagonal, M = k √(Li Lj) off it)
/// must be positive semidefinite, or the windings could return more energy than they stored and a transient may grow
/// without bound. Each |k| ≤ 1 alone is not enough with three or more windings. As ngspice, a set that fails is a
/// warning naming its inductors and K elements, not an error (the operating point and AC analysis still solve).
/// </summary>
public static class InductiveSystems
{
    /// <summary>How far below zero a pivot of the normalised (unit-diagonal) matrix may round before the set counts as indefinite.</summary>
    private const double Tolerance = 1e-12;

    /// <summary>Adds a warning for each coupled set of <paramref name="netlist"/> whose inductance matrix is not positive semidefinite.</summary>
    public static void Check(Netlist netlist, DiagnosticSink sink)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        ArgumentNullException.ThrowIfNull(sink);
        var couplings = netlist.Elements.OfType<MutualInductanceCard>().ToList();
        foreach (var set in Sets(couplings))
        {
            var inductors = set.SelectMany(k => new[] { k.Inductor1, k.Inductor2 }).Distinct().ToList();
            var negative = netlist.Elements.OfType<InductorCard>().Any(l => l.Inductance < 0 && inductors.Contains(l.Name, StringComparer.Ordinal));
            if (negative || !IsPositiveSemidefinite(Normalised(inductors, set)))
            {
                sink.Warn(Diagnostic.Warning(set[0].Location,
                    $"the inductors {string.Join(", ", inductors)} coupled by {string.Join(", ", set.Select(k => k.Name))} are not a positive definite inductive system",
                    negative ? "a negative inductance, or coupling coefficients that are inconsistent together; a transient may grow without bound"
                        : "|k| > 1, or coupling coefficients that are inconsistent together (with three windings, k13 must lie within k12 k23 ± √((1 − k12²)(1 − k23²))); a transient may grow without bound"));
            }
        }
    }

    /// <summary>
    /// True when the symmetric matrix <paramref name="a"/> is positive semidefinite, by a Cholesky factorisation that
    /// accepts zero pivots whose remaining column is zero too (k = 1 on consistent windings).
    /// </summary>
    public static bool IsPositiveSemidefinite(double[,] a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var n = a.GetLength(0);
        var m = (double[,])a.Clone();
        for (var p = 0; p < n; p++)
        {
            var pivot = m[p, p];
            if (pivot < -Tolerance)
            {
                return false;
            }

            if (pivot <= Tolerance)
            {
                for (var i = p + 1; i < n; i++)
                {
                    if (Math.Abs(m[i, p]) > Math.Sqrt(Tolerance))
                    {
                        return false;
                    }
                }

                continue;
            }

            for (var i = p + 1; i < n; i++)
            {
                for (var j = p + 1; j < n; j++)
                {
                    m[i, j] -= m[i, p] * m[p, j] / pivot;
                }
            }
        }

        return true;
    }

    /// <summary>The set's inductance matrix divided by √(Li Lj): ones on the diagonal, the summed k of each pair off it.</summary>
    private static double[,] Normalised(List<string> inductors, List<MutualInductanceCard> set)
    {
        var a = new double[inductors.Count, inductors.Count];
        for (var i = 0; i < inductors.Count; i++)
        {
            a[i, i] = 1;
        }

        foreach (var k in set)
        {
            int i = inductors.IndexOf(k.Inductor1), j = inductors.IndexOf(k.Inductor2);
            a[i, j] += k.Coupling;
            a[j, i] += k.Coupling;
        }

        return a;
    }

    /// <summary>The K elements grouped by the inductors they join (connected sets), each in netlist order.</summary>
    private static List<List<MutualInductanceCard>> Sets(List<MutualInductanceCard> couplings)
    {
        var group = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<List<MutualInductanceCard>>();
        foreach (var k in couplings)
        {
            var g1 = group.GetValueOrDefault(k.Inductor1, -1);
            var g2 = group.GetValueOrDefault(k.Inductor2, -1);
            var target = g1 >= 0 ? g1 : g2 >= 0 ? g2 : sets.Count;
            if (target == sets.Count)
            {
                sets.Add([]);
            }

            if (g1 >= 0 && g2 >= 0 && g1 != g2)
            {
                sets[g1].AddRange(sets[g2]);
                foreach (var name in group.Where(p => p.Value == g2).Select(p => p.Key).ToList())
                {
                    group[name] = g1;
                }

                sets[g2] = [];
            }

            sets[target].Add(k);
            group[k.Inductor1] = target;
            group[k.Inductor2] = target;
        }

        return [.. sets.Where(s => s.Count > 0).Select(s => s.OrderBy(couplings.IndexOf).ToList())];
    }
}
