using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Tests.Diagnostics;

/// <summary>
/// Each class of numerical failure reaches the caller of the library as a <see cref="SimulationException"/> (the one type
/// the command line and the Python binding turn into "simulation failed" and exit code 1), naming where it happened.
/// </summary>
public class NumericalFailureTests
{
    [Fact]
    public void A_singular_circuit_matrix_names_the_unknown()
    {
        // a voltage source that drives its own control node: the MNA matrix does not determine v(a)
        var netlist = NetlistParser.Parse("singular\ne1 a 0 a 0 1\nr1 a 0 1k\n.op\n.end\n", "s.cir");
        var ex = Assert.Throws<SimulationException>(() => CircuitSimulator.Run(netlist).ToList());
        Assert.Contains("singular matrix at", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_indefinite_matrix_in_a_factorisation_names_the_pivot_and_carries_a_hint()
    {
        var b = new CooBuilder(2, 2);
        b.Add(0, 0, 1);
        b.Add(1, 1, -1);
        var a = b.ToCsr();
        var sparse = Assert.Throws<SimulationException>(() => new SparseCholesky(a).Factor(a));
        Assert.Contains("not positive definite", sparse.Message, StringComparison.Ordinal);
        Assert.Equal(SimulationHints.PositiveDefinite, sparse.Hint);
        var dense = Assert.Throws<SimulationException>(() => new DenseCholesky([1.0, 0, 0, -1], 2));
        Assert.Contains("column 1", dense.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_step_too_small_names_the_time()
    {
        // y' = y², y(0) = 1 is 1/(1 − t): it blows up at t = 1, where the steps shrink below the representable size
        var ex = Assert.Throws<SimulationException>(() => new DormandPrince54().Integrate((t, y, d) => d[0] = y[0] * y[0], 0, [1.0], 2));
        Assert.Contains("step size underflow", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.Time);
        Assert.InRange(ex.Time!.Value, 0.999, 1.001); // the numerical solution blows up within the tolerance of t = 1
        Assert.Equal(SimulationHints.Integration, ex.Hint);
    }

    [Fact]
    public void A_NaN_state_names_the_time_and_says_so()
    {
        // the rate is NaN from t = 0.5 on: every step across it is rejected until the step underflows there
        var ex = Assert.Throws<SimulationException>(() => new DormandPrince54().Integrate((t, y, d) => d[0] = t < 0.5 ? -y[0] : double.NaN, 0, [1.0], 1));
        Assert.Contains("NaN or infinite", ex.Message, StringComparison.Ordinal);
        Assert.InRange(ex.Time!.Value, 0.49, 0.5);
    }
}
