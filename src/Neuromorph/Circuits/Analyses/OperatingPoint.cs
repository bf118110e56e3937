using Neuromorph.Circuits.Elements.Passive;
using Neuromorph.Circuits.Engine;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// Finds a DC operating point as SPICE does: <c>.nodeset</c> nodes are first held at their guesses, then released;
/// Newton from the start, then gmin stepping, then source stepping for hard circuits. <c>.ic</c> nodes (without
/// <c>uic</c>) stay held for the whole solve. Capacitor <c>IC=</c> values are ignored as ngspice does, unless the
/// operating point cannot be found without them (a node reached only through capacitors makes the DC matrix singular):
/// then, when the caller asks for it (<see cref="HasCapacitorIc"/>), the solve is repeated with every capacitor held at its <c>IC=</c>, as Xyce
/// holds them, so Xyce decks that store a state on a capacitor-only node run.
/// </summary>
public static class OperatingPoint
{
    /// <summary>Solves into <paramref name="u"/> (<paramref name="holdCapacitorIc"/>: when the plain solve fails, retry with capacitors held at their <c>IC=</c>); throws <see cref="SimulationException"/> naming the element when every strategy fails.</summary>
    public static void Solve(NewtonSolver newton, LoadContext ctx, double[] u, string what, IReadOnlyList<(int Node, double Value)>? held = null, IReadOnlyList<(int Node, double Value)>? nodesets = null,
        bool holdCapacitorIc = false)
    {
        ArgumentNullException.ThrowIfNull(newton);
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(u);
        ctx.IsDc = true;
        ctx.HoldCapacitorVoltages = false;
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
        var start = holdCapacitorIc ? (double[])u.Clone() : null;
        try
        {
            SolveFrom(newton, ctx, u, what);
        }
        catch (SimulationException) when (start is not null)
        {
            // Xyce's semantics as the fallback: hold each capacitor at its IC=
            Array.Copy(start, u, u.Length);
            ctx.HoldCapacitorVoltages = true;
            SolveFrom(newton, ctx, u, what);
        }
        finally
        {
            ctx.HeldNodes = [];
            ctx.HoldCapacitorVoltages = false;
        }
    }

    /// <summary>True when <paramref name="circuit"/> has a capacitor with <c>IC=</c>, so a failed operating point is worth the held retry.</summary>
    public static bool HasCapacitorIc(Circuit circuit) =>
        (circuit ?? throw new ArgumentNullException(nameof(circuit))).Elements.OfType<Capacitor>().Any(c => c.InitialVoltage is not null);

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
