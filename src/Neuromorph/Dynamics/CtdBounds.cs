namespace Neuromorph.Dynamics;

/// <summary>How CTD states are kept in [0, 1].</summary>
public enum CtdBoundMode
{
    /// <summary>
    /// A device at a bound whose own rate points outwards is held there; the others follow their equations unchanged.
    /// This is what a physical device does; the Lyapunov function can rise while devices are held.
    /// </summary>
    Hold,

    /// <summary>
    /// The gradient flow of L projected onto the box in its own metric M = X + ξXΩX: held devices are frozen and the
    /// free ones solve M_FF ẋ_F = −∇L_F, so dL/dt = −ẋ_Fᵀ M_FF ẋ_F ≤ 0 at every instant, saturated or not. Identical to
    /// <see cref="Hold"/> while no device is held.
    /// </summary>
    Projected,
}

/// <summary>
/// The metric projection of the CTD flow at the box [0, 1]^M (<see cref="CtdBoundMode.Projected"/>). With
/// r = αx + αξΩ(x²) − ΩS/β (convention A parameters) the unconstrained flow is (I + ξΩX) ẋ = r and −∇L = X r, so on
/// the free set F the projected flow solves (I + ξ Ω_FF X_F) ẋ_F = r_F. That system is solved by conjugate gradients
/// on its symmetric form (I + ξ D Ω_FF D) u = D r_F with D = X_F^½ (eigenvalues in [1, 1 + ξ]), then
/// ẋ_F = r_F − ξ Ω_FF D u; Ω products come from <see cref="ICtdSystem.ApplyOmega"/>, so circuits still never form Ω.
/// </summary>
public static class CtdBounds
{
    /// <summary>Relative residual at which the projected system's conjugate-gradient solve stops.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>
    /// Replaces <paramref name="dxdt"/> (the system's own rate at <paramref name="x"/>) by the projected flow when a
    /// device sits at a bound with an outward rate; returns the number of devices held (0: rate unchanged).
    /// </summary>
    /// <param name="system">The CTD system (its rate is already in <paramref name="dxdt"/>).</param>
    /// <param name="p">Its parameters.</param>
    /// <param name="x">The state.</param>
    /// <param name="dxdt">The system's rate on entry, the projected rate on exit.</param>
    /// <param name="warm">
    /// Optional buffer of length M kept by the caller across the evaluations of one trajectory: the previous solve's
    /// solution, which starts the next conjugate-gradient solve (consecutive states are close).
    /// </param>
    public static int Project(ICtdSystem system, CtdParameters p, ReadOnlySpan<double> x, Span<double> dxdt, double[]? warm = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(p);
        var m = x.Length;
        var held = new bool[m];
        var count = 0;
        for (var i = 0; i < m; i++)
        {
            if (Outward(x[i], dxdt[i]))
            {
                held[i] = true;
                count++;
            }
        }

        if (count == 0)
        {
            return 0;
        }

        // r = αx + αξΩ(x²) − ΩS/β
        var x2 = new double[m];
        for (var i = 0; i < m; i++)
        {
            x2[i] = x[i] * x[i];
        }

        var ox2 = system.ApplyOmega(x2);
        var os = system.OmegaS;
        var r = new double[m];
        for (var i = 0; i < m; i++)
        {
            r[i] = (p.AlphaA * x[i]) + (p.AlphaA * p.Xi * ox2[i]) - (os[i] / p.Beta);
        }

        var d = new double[m];
        // active set: hold what points outwards, solve for the rest, and hold more if the projected rate of a device
        // at a bound now points outwards (at most M rounds; the final round's rate descends L)
        for (var round = 0; round <= m; round++)
        {
            Solve(system, p, x, r, held, d, warm);
            var added = false;
            for (var i = 0; i < m; i++)
            {
                if (!held[i] && Outward(x[i], d[i]))
                {
                    held[i] = true;
                    count++;
                    added = true;
                }
            }

            if (!added)
            {
                break;
            }
        }

        d.CopyTo(dxdt);
        return count;
    }

    private static bool Outward(double x, double rate) => (x <= 0 && rate < 0) || (x >= 1 && rate > 0);

    /// <summary>d_F solving (I + ξ Ω_FF X_F) d_F = r_F (<see cref="CtdMetricSolve"/>); d = 0 on the held set.</summary>
    private static void Solve(ICtdSystem system, CtdParameters p, ReadOnlySpan<double> x, double[] r, bool[] held, double[] d, double[]? warm)
    {
        var m = x.Length;
        var sqrtX = new double[m];
        var u = new double[m];
        for (var i = 0; i < m; i++)
        {
            if (!held[i])
            {
                sqrtX[i] = Math.Sqrt(Math.Max(x[i], 0));
                u[i] = warm?[i] ?? 0;
            }
        }

        // D = X_F^½ is zero on held devices, so the solve couples only the free ones
        new CtdMetricSolve(m, Tolerance).Solve((v, into) => system.ApplyOmega(v).CopyTo(into, 0), p.Xi, sqrtX, r, u, d);
        if (warm is not null)
        {
            u.CopyTo(warm, 0);
        }

        for (var i = 0; i < m; i++)
        {
            if (held[i])
            {
                d[i] = 0;
            }
        }
    }
}
