using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Dynamics;

public class LoopAnalysisTests
{
    /// <summary>A connected sparse random graph: a random spanning path plus G(n, p) edges (few loops per node).</summary>
    private static MemristorGraph Sparse(int n, double p, int seed) => MemristorGraph.Random(n, p, seed);

    [Fact]
    public void Fundamental_loops_are_closed_independent_and_span_the_cycle_space()
    {
        var g = Sparse(40, 0.06, 2);
        var basis = new CycleBasis(g);
        Assert.Equal(g.CycleRank, basis.Count);
        var a = Matrix<double>.Build.Dense(basis.Count, g.Edges);
        for (var l = 0; l < basis.Count; l++)
        {
            // Kirchhoff: a closed loop enters and leaves every node equally often
            var net = new int[g.Nodes];
            foreach (var (e, sign) in basis.Loops[l])
            {
                a[l, e] = sign;
                net[g.From[e]] += sign;
                net[g.To[e]] -= sign;
            }

            Assert.All(net, v => Assert.Equal(0, v));
        }

        Assert.Equal(basis.Count, a.Rank());
        // loop form A^T (A A^T)^-1 A equals the incidence form I - B^T (B B^T)^+ B (MemristorGraph.Omega)
        var loopOmega = a.Transpose() * (a * a.Transpose()).Inverse() * a;
        var incidenceOmega = Matrix<double>.Build.DenseOfArray(g.Omega());
        Assert.True((loopOmega - incidenceOmega).FrobeniusNorm() < 1e-10);
    }

    [Theory]
    [InlineData(CtdConvention.A, false)]
    [InlineData(CtdConvention.B, false)]
    [InlineData(CtdConvention.A, true)]
    [InlineData(CtdConvention.B, true)]
    public void Loop_and_node_analysis_give_the_same_rates_with_sources_and_injections(CtdConvention convention, bool inject)
    {
        var g = Sparse(120, 0.012, 7);
        var rng = new RandomStream(3);
        var s = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var x = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble()).ToArray();
        double[]? j = null;
        if (inject)
        {
            j = Enumerable.Range(0, g.Nodes).Select(_ => 1e-3 * (rng.NextDouble() - 0.5)).ToArray();
            j[0] -= j.Sum();
        }

        var p = new CtdParameters(100, 1600, 0.4, 0.8, convention);
        var node = new GraphCtd(g, p, s, j, analysis: CircuitAnalysis.Node);
        var loop = new GraphCtd(g, p, s, j, analysis: CircuitAnalysis.Loop);
        Assert.Equal(CircuitAnalysis.Loop, loop.Analysis);
        Assert.Equal(g.CycleRank, loop.Unknowns);
        Assert.Equal(g.Nodes - 1, node.Unknowns);
        double[] a = new double[g.Edges], b = new double[g.Edges];
        node.Rate(x, a);
        loop.Rate(x, b);
        var scale = a.Max(Math.Abs);
        Assert.True(scale > 1e-3);
        Assert.True(a.Zip(b).Max(t => Math.Abs(t.First - t.Second)) < 1e-12 * Math.Max(1, scale));
        var v = Enumerable.Range(0, g.Edges).Select(_ => rng.NextDouble()).ToArray();
        Assert.True(node.ApplyOmega(v).Zip(loop.ApplyOmega(v)).Max(t => Math.Abs(t.First - t.Second)) < 1e-12);
        Assert.Equal(node.Lyapunov(x), loop.Lyapunov(x), 1e-12);
    }

    [Fact]
    public void Automatic_choice_takes_loops_for_chains_of_devices_and_nodes_for_meshes()
    {
        var p = new CtdParameters(100, 1000, 0.1, 1, CtdConvention.A);
        // a necklace: 50 rings of 20 devices, each ring joined to the next (1000 nodes, 51 loops); node analysis
        // needs 999 unknowns and fills more, loop analysis 51
        var f = new List<int>();
        var t = new List<int>();
        for (var r = 0; r < 50; r++)
        {
            for (var k = 0; k < 20; k++)
            {
                f.Add((r * 20) + k);
                t.Add((r * 20) + ((k + 1) % 20));
            }

            f.Add(r * 20);
            t.Add((((r + 1) % 50) * 20) + 10);
        }

        var necklace = new MemristorGraph(1000, f, t);
        var chosen = new GraphCtd(necklace, p, new double[necklace.Edges]);
        Assert.Equal(CircuitAnalysis.Loop, chosen.Analysis);
        Assert.Equal(51, chosen.Unknowns);
        // a lattice has as many loops as nodes, and a sparse random graph's fundamental loops overlap near the tree's root
        var lattice = MemristorGraph.Lattice(20, 20);
        Assert.Equal(CircuitAnalysis.Node, new GraphCtd(lattice, p, new double[lattice.Edges]).Analysis);
        var random = Sparse(2000, 0.0003, 4);
        Assert.True(random.CycleRank < random.Nodes / 2);
        Assert.Equal(CircuitAnalysis.Node, new GraphCtd(random, p, new double[random.Edges]).Analysis);
    }

    [Fact]
    public void Loop_analysis_integrates_the_same_trajectory_as_node_analysis()
    {
        var g = Sparse(300, 0.004, 11);
        var s = Enumerable.Range(0, g.Edges).Select(e => 0.5 * Math.Sin(e + 1.0)).ToArray();
        var x0 = Enumerable.Range(0, g.Edges).Select(e => 0.5 + (0.3 * Math.Cos(e))).ToArray();
        var p = new CtdParameters(100, 1000, 0.1, 1, CtdConvention.A);
        var options = new OdeOptions { RelTol = 1e-9, AbsTol = 1e-11 };
        double[] Run(CircuitAnalysis analysis)
        {
            var sys = new GraphCtd(g, p, s, analysis: analysis);
            return new DormandPrince54().Integrate((t, x, d) => sys.Rate(x, d), 0, x0, 1, options).Final;
        }

        var node = Run(CircuitAnalysis.Node);
        var loop = Run(CircuitAnalysis.Loop);
        Assert.True(node.Zip(x0).Max(t => Math.Abs(t.First - t.Second)) > 1e-3);
        Assert.All(node, v => Assert.InRange(v, 0, 1)); // smooth right-hand side throughout (no device reached a bound)
        Assert.True(node.Zip(loop).Max(t => Math.Abs(t.First - t.Second)) < 1e-10);
    }
}
