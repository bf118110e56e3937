using Neuromorph.Optimization.Problems;

namespace Neuromorph.Optimization.Memcomputing;

/// <summary>
/// Right-hand side of the digital memcomputing machine for a CNF formula (Bearden, Pei, Di Ventra 2020). Voltages
/// v_i ∈ [−1, 1] (v_i &gt; 0: variable true), per clause m a short-term memory x_s ∈ [0, 1] and a long-term memory
/// x_l ∈ [1, 10⁴ M]. With literals q_{m,i} = ±1 on variables v_i of clause m,
/// <code>
/// C_m        = ½ min_i (1 − q_{m,i} v_i)                       (clause function: 0 satisfied … 1 all literals false)
/// G_{n,m}    = ½ q_{n,m} min_{i≠n} (1 − q_{m,i} v_i)            (gradient-like term)
/// R_{n,m}    = ½ (q_{n,m} − v_n) if n is the argmin in C_m, else 0 (rigidity term)
/// dv_n/dt    = Σ_m w_m [x_l x_s G_{n,m} + (1 + ζ x_l)(1 − x_s) R_{n,m}]
/// dx_s,m/dt  = β (x_s + ε)(C_m − γ)
/// dx_l,m/dt  = α (C_m − δ)
/// </code>
/// w_m is the clause weight divided by the largest weight (1 for plain CNF; weighted clauses are our extension, so that
/// heavier clauses push harder). A unit clause has no other literal: its G takes the value 1 that a false partner
/// would give. One call evaluates one system; a batch calls it per restart on its own contiguous slice.
/// </summary>
public static class DmmEquations
{
    /// <summary>
    /// Writes dv/dt, dx_s/dt, dx_l/dt and the clause functions C_m for state (v, x_s, x_l), and returns the total
    /// <paramref name="weight"/> of clauses the sign read-out s_i = sgn v_i (s_i = +1 at v_i = 0) leaves unsatisfied.
    /// </summary>
    public static double Rates(SatFormula f, ReadOnlySpan<double> drive, ReadOnlySpan<double> weight, DmmParameters p,
        ReadOnlySpan<double> v, ReadOnlySpan<double> xs, ReadOnlySpan<double> xl,
        Span<double> dv, Span<double> dxs, Span<double> dxl, Span<double> clause)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(p);
        dv.Clear();
        var start = f.ClauseStart;
        var variable = f.Variable;
        var polarity = f.Polarity;
        double alpha = p.Alpha, beta = p.Beta, gamma = p.Gamma, delta = p.Delta, eps = p.Epsilon, zeta = p.Zeta;
        var unsat = 0.0;
        for (var m = 0; m < weight.Length; m++)
        {
            int k0 = start[m], k1 = start[m + 1];
            if (k1 - k0 == 2)
            {
                unsat += TwoLiteral(variable[k0], polarity[k0], variable[k0 + 1], polarity[k0 + 1], drive[m], weight[m], xs[m], xl[m], p, v, dv,
                    out clause[m], out dxs[m], out dxl[m]);
                continue;
            }

            double min = double.MaxValue, second = double.MaxValue;
            var arg = k0;
            var satisfied = false;
            for (var k = k0; k < k1; k++)
            {
                var vi = v[variable[k]];
                var q = polarity[k];
                var t = 1 - (q * vi);
                satisfied |= (vi >= 0 ? q : -q) > 0;
                if (t < min)
                {
                    second = min;
                    min = t;
                    arg = k;
                }
                else if (t < second)
                {
                    second = t;
                }
            }

            if (!satisfied)
            {
                unsat += weight[m];
            }

            var c = 0.5 * min;
            clause[m] = c;
            var s = xs[m];
            var l = xl[m];
            var w = drive[m];
            var g = w * l * s;
            var gOther = k1 - k0 > 1 ? 0.5 * second : 1.0;
            for (var k = k0; k < k1; k++)
            {
                dv[variable[k]] += g * polarity[k] * (k == arg ? gOther : c);
            }

            // R = ½ (q − v) = q C on the literal that sets C_m
            dv[variable[arg]] += w * (1 + (zeta * l)) * (1 - s) * polarity[arg] * c;
            dxs[m] = beta * (s + eps) * (c - gamma);
            dxl[m] = alpha * (c - delta);
        }

        return unsat;
    }

    /// <summary>The same terms for a two-literal clause (the Ising encoding's clauses), without the general loops.</summary>
    private static double TwoLiteral(int a, sbyte qa, int b, sbyte qb, double w, double weight, double s, double l, DmmParameters p,
        ReadOnlySpan<double> v, Span<double> dv, out double c, out double dxs, out double dxl)
    {
        double va = v[a], vb = v[b];
        double ta = 1 - (qa * va), tb = 1 - (qb * vb);
        var satisfied = (va >= 0 ? qa : -qa) > 0 || (vb >= 0 ? qb : -qb) > 0;
        var g = w * l * s;
        var rigid = w * (1 + (p.Zeta * l)) * (1 - s);
        if (ta <= tb)
        {
            c = 0.5 * ta;
            dv[a] += qa * ((g * 0.5 * tb) + (rigid * c));
            dv[b] += g * qb * c;
        }
        else
        {
            c = 0.5 * tb;
            dv[b] += qb * ((g * 0.5 * ta) + (rigid * c));
            dv[a] += g * qa * c;
        }

        dxs = p.Beta * (s + p.Epsilon) * (c - p.Gamma);
        dxl = p.Alpha * (c - p.Delta);
        return satisfied ? 0 : weight;
    }
}
