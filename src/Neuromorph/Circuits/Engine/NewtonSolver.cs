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
        UnknownKind.Current or UnknownKind.SourceCurrent => AbsTol,
        _ => stateTolerance,
    };
}

/// <summary>
/// Newton–Raphson on the MNA system: load, factor (numeric refactorisation on the kept pattern whenever
/// possible), solve for the update, clamp device states into their ranges, and test convergence per unknown.
/// An iterate at which an element limited a junction voltage or switched is never accepted as converged.
/// </summary>
public sealed class NewtonSolver(Circuit circuit, SolverTolerances tolerances)
{
    private readonly double[] _rhs = new double[circuit.System.Size];
    private SparseLu? _lu;
    private bool _factored;

    /// <summary>Total Newton iterations so far.</summary>
    public int Iterations { get; private set; }

    /// <summary>Full factorisations (with pivot search) so far.</summary>
    public int Factorisations { get; private set; }

    /// <summary>Why the last failed solve failed, naming the unknown or element (for messages).</summary>
    public string LastFailure { get; private set; } = "";

    /// <summary>
    /// After a <see cref="Solve"/> with <c>acceptSettledVoltages</c> that returned on settled voltages while a branch
    /// current still flipped: the unknown that flipped; otherwise null.
    /// </summary>
    public string? SettledOnVoltages { get; private set; }

    /// <summary>The unknown of largest magnitude (non-finite first), for a message: <c>v(out) = 1E+300</c>.</summary>
    private string Largest(double[] u)
    {
        var k = 0;
        for (var i = 1; i < u.Length; i++)
        {
            if (!double.IsFinite(u[i]) ? double.IsFinite(u[k]) : double.IsFinite(u[k]) && Math.Abs(u[i]) > Math.Abs(u[k]))
            {
                k = i;
            }
        }

        return u.Length == 0 ? "no unknowns" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{circuit.Describe(k)} = {u[k]:G3}");
    }

    /// <summary>
    /// Iterates from <paramref name="u"/> (updated in place); true when converged within <paramref name="maxIterations"/>,
    /// or, with <paramref name="acceptSettledVoltages"/>, when every voltage has settled and only branch currents still
    /// flip (<see cref="SettledOnVoltages"/> names the one).
    /// </summary>
    public bool Solve(LoadContext ctx, double[] u, int maxIterations, bool acceptSettledVoltages = false)
    {
        SettledOnVoltages = null;
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(u);
        var system = circuit.System;
        ctx.Solution = u;
        var worst = -1;
        for (var iter = 0; iter < maxIterations; iter++)
        {
            Iterations++;
            ctx.InitialIteration = iter == 0;
            circuit.Load(ctx);
            if (!AllFinite(system.Matrix.Values) || !AllFinite(system.Residual))
            {
                var bad = circuit.FindNonFinite(ctx);
                LastFailure = bad is null or { IsLinear: true } ? $"the iterate ran away ({Largest(u)})" : $"element {bad.Name} evaluates to a non-finite value";
                return false;
            }

            Factor(ctx);
            var f = system.Residual;
            for (var i = 0; i < _rhs.Length; i++)
            {
                _rhs[i] = -f[i];
            }

            _lu!.Solve(_rhs);
            var converged = ctx.NonConvergence == 0;
            var voltagesSettled = true;
            double worstRatio = 0;
            for (var i = 0; i < u.Length; i++)
            {
                var du = _rhs[i];
                if (!double.IsFinite(du))
                {
                    LastFailure = $"the update of {circuit.Describe(i)} is not finite";
                    return false;
                }

                var next = u[i] + du;
                var tol = (tolerances.RelTol * Math.Max(Math.Abs(u[i]), Math.Abs(next))) + tolerances.Absolute(system.Kinds[i], system.StateTolerances[i]);
                if (Math.Abs(du) > tol)
                {
                    converged = false;
                    voltagesSettled &= system.Kinds[i] is UnknownKind.Current or UnknownKind.SourceCurrent;
                    if (Math.Abs(du) / tol > worstRatio)
                    {
                        worstRatio = Math.Abs(du) / tol;
                        worst = i;
                    }
                }

                u[i] = next;
            }

            circuit.Clamp(u);
            if (converged || (circuit.IsLinear && iter == 0))
            {
                return true;
            }

            if (acceptSettledVoltages && voltagesSettled && iter >= 2)
            {
                // every voltage (node and state) is within tolerance and only branch currents still flip: a model whose
                // right-hand side jumps at a threshold (a conditional B source at a memristor's bound) has no exact
                // solution of the step's equations, as at a Zeno point; ngspice gets past such points by luck of exact
                // arithmetic. The caller decides whether to take it.
                SettledOnVoltages = worst >= 0 ? circuit.Describe(worst) : "a branch current";
                return true;
            }
        }

        LastFailure = worst >= 0 ? $"no convergence at {circuit.Describe(worst)}" : "no convergence (an element keeps limiting or switching)";
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
            throw new SimulationException($"singular matrix at {circuit.Describe(bad)} (t = {ctx.Time:G6} s): the circuit does not determine this unknown") { Time = ctx.Time };
        }
    }
}
