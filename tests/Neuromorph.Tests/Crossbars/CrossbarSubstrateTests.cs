using Neuromorph.Crossbars;
using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class CrossbarSubstrateTests
{
    [Theory]
    [InlineData(MappingScheme.Differential, 0.0)]
    [InlineData(MappingScheme.Offset, 0.0)]
    [InlineData(MappingScheme.Differential, 1e-9)]
    public void Ideal_crossbar_substrate_computes_the_same_products_as_the_dense_matrix(MappingScheme scheme, double wire)
    {
        var rng = new RandomStream(3);
        var w = new double[7, 5];
        for (var i = 0; i < 7; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                w[i, j] = rng.NextDouble() - 0.5;
            }
        }

        var dense = new DenseWeights(w);
        var xbar = new CrossbarSubstrate(w, CrossbarSubstrateSpec.Default with { Scheme = scheme, WireResistance = wire }, 1);
        var x = Enumerable.Range(0, 10).Select(_ => rng.NextDouble() < 0.5 ? -1.0 : 1.0).ToArray(); // two inputs of 5
        double[] a = new double[14], b = new double[14];
        dense.Multiply(x, a, 2);
        xbar.Multiply(x, b, 2);
        for (var k = 0; k < 14; k++)
        {
            Assert.Equal(a[k], b[k], 1e-6 * Math.Max(1, Math.Abs(a[k])));
        }

        var y = Enumerable.Range(0, 7).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double[] c = new double[5], d = new double[5];
        dense.MultiplyTransposed(y, c, 1);
        xbar.MultiplyTransposed(y, d, 1);
        for (var k = 0; k < 5; k++)
        {
            Assert.Equal(c[k], d[k], 1e-6 * Math.Max(1, Math.Abs(c[k])));
        }

        Assert.Equal(w[3, 2], xbar.Weight(3, 2), 1e-9);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Recall_on_a_crossbar_runs_and_the_hardware_study_sweeps()
    {
        using var dir = new TempDirectory("nm-recall");
        var (code, output, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "recall_crossbar.yaml"), "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("on a crossbar substrate", output, StringComparison.Ordinal);
        var (scode, _, serror) = CliHarness.Run("sweep", RepoPaths.InRepo("circuits", "study_recall.yaml"), "-o", Path.Combine(dir, "study"));
        Assert.True(scode == 0, serror);
        var lines = File.ReadAllLines(Path.Combine(dir, "study", "results.csv"));
        Assert.Equal(1 + 36, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains(",ok,", l, StringComparison.Ordinal));
    }
}
