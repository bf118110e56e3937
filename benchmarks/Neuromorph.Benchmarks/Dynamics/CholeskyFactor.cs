using BenchmarkDotNet.Attributes;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics.Sparse;

namespace Neuromorph.Benchmarks.Dynamics;

/// <summary>
/// Numeric Cholesky factorisation of a weighted lattice Laplacian (the CTD and crossbar kernel): the column
/// (up-looking) phase against the supernodal phase on the same symbolic analysis. <see cref="SparseCholesky"/> picks
/// supernodes from <see cref="SparseCholesky.SupernodalOperations"/> multiply-adds; this shows where that pays.
/// Run: dotnet run -c Release --project benchmarks/Neuromorph.Benchmarks -- --filter '*CholeskyFactor*' --job short
/// </summary>
public class CholeskyFactor
{
    private CsrMatrix _a = null!;
    private SparseCholesky _column = null!;
    private SparseCholesky _supernodal = null!;

    /// <summary>Lattice side (side² nodes, 2·side·(side − 1) memristors).</summary>
    [Params(71, 150, 224)]
    public int Side { get; set; }

    /// <summary>Builds the Laplacian with random conductances and both analyses.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var g = MemristorGraph.Lattice(Side, Side);
        var rng = new RandomStream(1);
        _a = g.GroundedLaplacian([.. Enumerable.Range(0, g.Edges).Select(_ => 1 / (100 * (1 + (9 * rng.NextDouble()))))]);
        _column = new SparseCholesky(_a, supernodal: false);
        _supernodal = new SparseCholesky(_a, supernodal: true);
    }

    /// <summary>Column (up-looking) numeric factorisation.</summary>
    [Benchmark(Baseline = true)]
    public void Column() => _column.Factor(_a);

    /// <summary>Supernodal numeric factorisation (including the copy to the column layout).</summary>
    [Benchmark]
    public void Supernodal() => _supernodal.Factor(_a);
}
