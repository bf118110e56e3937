using Neuromorph.Circuits.Engine;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Circuits.Analyses;

/// <summary>
/// The circuit solved at its DC operating point and its Jacobian there factored once: what SPICE's DC small-signal
/// analyses (<c>.tf</c>, <c>.sens</c>) solve with (ngspice reuses the last operating-point matrix the same way).
/// </summary>
internal sealed class DcLinearisation
{
    private readonly SparseLu _lu;

    private DcLinearisation(Circuit circuit, SparseLu lu, double[] solution, LoadContext context, int newtonIterations)
    {
        Circuit = circuit;
        _lu = lu;
        Solution = solution;
        Context = context;
        NewtonIterations = newtonIterations;
    }

    /// <summary>The circuit.</summary>
    public Circuit Circuit { get; }

    /// <summary>The operating point.</summary>
    public double[] Solution { get; }

    /// <summary>The load context at the operating point.</summary>
    public LoadContext Context { get; }

    /// <summary>Newton iterations the operating point took.</summary>
    public int NewtonIterations { get; }

    /// <summary>Number of unknowns.</summary>
    public int Size => Solution.Length;

    /// <summary>Solves the operating point of <paramref name="circuit"/> and factors the Jacobian there (<paramref name="what"/> names it in messages).</summary>
    public static DcLinearisation At(Circuit circuit, SimulationSettings settings, string what)
    {
        var newton = new NewtonSolver(circuit, settings.Tolerances);
        var ctx = settings.Context(useDcValues: true);
        var u = OperatingPointAnalysis.Solve(circuit, settings, newton, ctx, $"operating point of the {what}");
        circuit.Load(ctx);
        var matrix = circuit.System.Matrix;
        var lu = new SparseLu(matrix);
        var bad = lu.Factor(matrix);
        return bad >= 0
            ? throw new SimulationException($"singular small-signal matrix at {circuit.Describe(bad)} ({what})")
            : new DcLinearisation(circuit, lu, u, ctx, newton.Iterations);
    }

    /// <summary>Solves J x = <paramref name="rhs"/> in place.</summary>
    public void Solve(double[] rhs) => _lu.Solve(rhs);

    /// <summary>A zero right-hand side with +<paramref name="plus"/> at <paramref name="a"/> and -<paramref name="plus"/> at <paramref name="b"/> (ground, -1, skipped).</summary>
    public double[] Excitation(int a, int b, double plus = 1)
    {
        var rhs = new double[Size];
        if (a >= 0)
        {
            rhs[a] += plus;
        }

        if (b >= 0)
        {
            rhs[b] -= plus;
        }

        return rhs;
    }

    /// <summary>x[a] - x[b], ground (-1) reading 0.</summary>
    public static double Difference(double[] x, int a, int b) => (a >= 0 ? x[a] : 0) - (b >= 0 ? x[b] : 0);
}
