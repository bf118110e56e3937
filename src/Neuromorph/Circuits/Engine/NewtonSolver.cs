using Neuromorph.Circuits.Engine.Elements;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Circuits.Engine;

/// <summary>Tolerances of the Newton iteration and time-step control (SPICE's names and defaults).</summary>
public sealed record SolverTolerances(double RelTol = 1e-3, double AbsTol = 1e-12, double VnTol = 1e-6, double TrTol = 7)
{
    /// <summary>Absolute tolerance of an unknown of the given kind.</summary>
    public double Absolute(UnknownKind kind, double stateTolerance) => kind switch
    {
        UnknownKind.Voltage => VnTol,
        UnknownKind.Current => AbsTol,
        _ => stateTolerance,
    };
}

/// <summary>
/// Newton–Raphson on the MNA system: load, factor (numeric refactorisation on the kept pattern whenever
/// possible), solve for the update, clamp device states into their ranges, and test convergence per unknown.
/// </summary>
public sealed class NewtonSolver(Circuit circuit, SolverTolerances tolerances)
{
    private readonly double[] _rhs = new double[circuit.System.Size];
    private readonly Memristor[] _memristors = [.. circuit.Elements.OfType<Memristor>()];
    private readonly bool _linear = !circuit.Elements.OfType<Memristor>().Any();
    private SparseLu? _lu;
    private bool _factored;

    /// <summary>Total Newton iterations so far.</summary>
    public int Iterations { get; private set; }

    /// <summary>Full factorisations (with pivot search) so far.</summary>
    public int Factorisations { get; private set; }

    /// <summary>Iterates from <paramref name="u"/> (updated in place); true when converged within <paramref name="maxIterations"/>.</summary>
    public bool Solve(LoadContext ctx, double[] u, int maxIterations)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(u);
        var system = circuit.System;
        ctx.Solution = u;
        for (var iter = 0; iter < maxIterations; iter++)
        {
            Iterations++;
            circuit.Load(ctx);
            if (!AllFinite(system.Matrix.Values) || !AllFinite(system.Residual))
            {
                return false;
            }

            Factor(ctx);
            var f = system.Residual;
            for (var i = 0; i < _rhs.Length; i++)
            {
                _rhs[i] = -f[i];
            }

            _lu!.Solve(_rhs);
            var converged = true;
            for (var i = 0; i < u.Length; i++)
            {
                var du = _rhs[i];
                if (!double.IsFinite(du))
                {
                    return false;
                }

                var next = u[i] + du;
                var tol = (tolerances.RelTol * Math.Max(Math.Abs(u[i]), Math.Abs(next))) + tolerances.Absolute(system.Kinds[i], system.StateTolerances[i]);
                if (Math.Abs(du) > tol)
                {
                    converged = false;
                }

                u[i] = next;
            }

            foreach (var m in _memristors)
            {
                u[m.State] = Math.Clamp(u[m.State], m.Model.MinState, m.Model.MaxState);
            }

            if (converged || (_linear && iter == 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private void Factor(LoadContext ctx)
    {
        var a = circuit.System.Matrix;
        _lu ??= new SparseLu(a);
        if (_factored && _lu.Refactor(a))
        {
            return;
        }

        Factorisations++;
        var bad = _lu.Factor(a);
        _factored = bad < 0;
        if (bad >= 0)
        {
            var name = circuit.System.Names[bad];
            throw new SimulationException($"singular matrix at {name} (t = {ctx.Time:G6} s): the circuit does not determine this unknown") { Time = ctx.Time };
        }
    }
}
