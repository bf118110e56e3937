using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Engine;

/// <summary>
/// Finds a DC operating point: Newton from the given start, then gmin stepping, then source stepping,
/// as SPICE does for hard circuits.
/// </summary>
public static class OperatingPoint
{
    /// <summary>Solves into <paramref name="u"/>; throws <see cref="SimulationException"/> when every strategy fails.</summary>
    public static void Solve(NewtonSolver newton, LoadContext ctx, double[] u, string what)
    {
        ArgumentNullException.ThrowIfNull(newton);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(u);
        ctx.IsDc = true;
        var start = (double[])u.Clone();
        var gmin = ctx.Gmin;
        if (newton.Solve(ctx, u, 100))
        {
            return;
        }

        Array.Copy(start, u, u.Length);
        var ok = true;
        for (var g = 1e-2; g >= 1e-12 && ok; g /= 10)
        {
            ctx.Gmin = Math.Max(g, gmin);
            ok = newton.Solve(ctx, u, 100);
        }

        ctx.Gmin = gmin;
        if (ok && newton.Solve(ctx, u, 100))
        {
            return;
        }

        Array.Copy(start, u, u.Length);
        ok = true;
        for (var k = 1; k <= 20 && ok; k++)
        {
            ctx.SourceFactor = k / 20.0;
            ok = newton.Solve(ctx, u, 100);
        }

        ctx.SourceFactor = 1;
        if (!ok)
        {
            throw new SimulationException($"no convergence for the {what} (Newton, gmin stepping and source stepping all failed)") { Time = ctx.Time };
        }
    }
}
