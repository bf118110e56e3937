using Neuromorph.Circuits.Engine;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// Finds a DC operating point as SPICE does: <c>.nodeset</c> nodes are first held at their guesses, then released;
/// Newton from the start, then gmin stepping, then source stepping for hard circuits. <c>.ic</c> nodes (without
/// <c>uic</c>) stay held for the whole solve, and so (unless the caller says otherwise) are capacitors with <c>IC=</c>,
/// as Xyce holds them.
/// </summary>
public static class OperatingPoint
{
    /// <summary>Solves into <paramref name="u"/> (<paramref name="holdCapacitorIc"/>: hold capacitors at their <c>IC=</c>); throws <see cref="SimulationException"/> naming the element when every strategy fails.</summary>
    public static void Solve(NewtonSolver newton, LoadContext ctx, double[] u, string what, IReadOnlyList<(int Node, double Value)>? held = null, IReadOnlyList<(int Node, double Value)>? nodesets = null,
        bool holdCapacitorIc = true)
    {
        ArgumentNullException.ThrowIfNull(newton);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(u);
        ctx.IsDc = true;
        ctx.HoldCapacitorVoltages = holdCapacitorIc;
        held ??= [];
        if (nodesets is { Count: > 0 })
        {
            foreach (var (n, v) in nodesets)
            {
                u[n] = v;
            }

            ctx.HeldNodes = [.. held, .. nodesets];
            var guess = (double[])u.Clone();
            if (!newton.Solve(ctx, u, 100))
            {
                Array.Copy(guess, u, u.Length);
            }
        }

        ctx.HeldNodes = held;
        try
        {
            SolveFrom(newton, ctx, u, what);
        }
        finally
        {
            ctx.HeldNodes = [];
            ctx.HoldCapacitorVoltages = false;
        }
    }

    private static void SolveFrom(NewtonSolver newton, LoadContext ctx, double[] u, string what)
    {
        var start = (double[])u.Clone();
        var gmin = ctx.Gmin;
        if (newton.Solve(ctx, u, 100))
        {
            return;
        }

        var first = newton.LastFailure;
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
            throw new SimulationException($"no convergence for the {what} at t = {ctx.Time:G6} s: {first} (Newton, gmin stepping and source stepping all failed)") { Time = ctx.Time };
        }
    }
}
