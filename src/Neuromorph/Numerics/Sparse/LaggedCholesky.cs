using Neuromorph.Diagnostics;

namespace Neuromorph.Numerics.Sparse;

/// <summary>
/// Solves a sequence of symmetric positive definite systems that share one pattern and whose values change a little
/// from one to the next (the Laplacians of successive right-hand-side evaluations of an ODE): conjugate gradients
/// preconditioned with the Cholesky factor of an earlier matrix of the sequence, warm-started from the previous
/// solution. The factor is renewed once a preconditioned solve costs more than the average per solve since the last
/// factorisation (which counts as <see cref="Budget"/> iterations, from the symbolic analysis's operation counts), or
/// when a solve does not converge within twice the budget; then the current matrix is factorised and solved directly, and
/// that factor preconditions the following systems. Decisions depend only on iteration counts, so runs are reproducible.
/// </summary>
public sealed class LaggedCholesky : IPreconditioner
{
    /// <summary>Relative residual of the preconditioned solves (a direct solve is exact to rounding).</summary>
    public const double Tolerance = 1e-13;

    private readonly CsrMatrix _a;
    private readonly SparseCholesky _chol;
    private readonly ConjugateGradient _cg;
    private readonly double[] _x;
    private bool _factored;
    private bool _refactorNext;
    private double _costSinceFactor;
    private int _solvesSinceFactor;

    /// <summary>Analyses <paramref name="a"/>, whose values will change in place between solves (pattern fixed).</summary>
    public LaggedCholesky(CsrMatrix a, SparseCholesky? analysis = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        _a = a;
        _chol = analysis ?? new SparseCholesky(a);
        // one iteration: a forward and a backward solve with L and a product with A; measured on lattice Laplacians a
        // factorisation costs about 2.5x what this operation-count ratio says relative to an iteration, so budget a third
        var perIteration = (2.0 * _chol.FactorNonZeros) + a.NonZeroCount + (10.0 * a.RowCount);
        Budget = (int)Math.Min(50, _chol.FactorOperations / perIteration / 3);
        // a solve may go past the break-even budget (the average rule then renews the factor), but not without bound
        _cg = new ConjugateGradient(a, this) { Tolerance = Tolerance, MaxIterations = Math.Max(2 * Budget, 4) };
        _x = new double[a.RowCount];
    }

    /// <summary>
    /// Most preconditioned iterations a solve may take before factorising is cheaper. Below 3 every solve is direct
    /// (small systems, whose factorisation costs about as much as an iteration).
    /// </summary>
    public int Budget { get; }

    /// <summary>Numeric factorisations so far.</summary>
    public int Factorisations { get; private set; }

    /// <summary>Preconditioned CG iterations so far.</summary>
    public long Iterations { get; private set; }

    /// <summary>The symbolic analysis.</summary>
    public SparseCholesky Analysis => _chol;

    /// <summary>Solves A x = b for the current values of A; <paramref name="b"/> is overwritten with x.</summary>
    public void Solve(Span<double> b)
    {
        if (_factored && !_refactorNext && Budget >= 3)
        {
            try
            {
                var k = _cg.Solve(b, _x);
                Iterations += k;
                // cost in iteration units since the factorisation (the factorisation counts as Budget iterations):
                // refactorise once a solve costs more than the running average, which keeps the average per solve lowest
                _costSinceFactor += k;
                _solvesSinceFactor++;
                _refactorNext = k > _costSinceFactor / _solvesSinceFactor;
                _x.CopyTo(b);
                return;
            }
            catch (SimulationException)
            {
                // no convergence within twice the budget: factorise this matrix instead
                Iterations += _cg.LastIterations;
            }
        }

        _chol.Factor(_a);
        Factorisations++;
        _factored = true;
        _refactorNext = false;
        _costSinceFactor = Budget;
        _solvesSinceFactor = 1;
        _chol.Solve(b);
        b.CopyTo(_x);
    }

    /// <inheritdoc />
    void IPreconditioner.Apply(ReadOnlySpan<double> r, Span<double> z)
    {
        r.CopyTo(z);
        _chol.Solve(z);
    }
}
