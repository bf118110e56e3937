using Neuromorph.Networks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks;

public class BamTests
{
    private static double[] Random(RandomStream rng, int n) => Enumerable.Range(0, n).Select(_ => rng.Next(2) == 0 ? -1.0 : 1.0).ToArray();

    [Fact]
    public void Stored_pairs_are_bidirectionally_stable_and_recalled_from_noisy_probes()
    {
        // m = 4 pairs, well below min(n, p) = 80 (Kosko 1988): reliable recall expected.
        var rng = new RandomStream(5);
        const int n = 100, p = 80;
        var pairs = Enumerable.Range(0, 4).Select(_ => (Random(rng, n), Random(rng, p))).ToList();
        var bam = new BidirectionalMemory(LearningRules.BamCorrelation(pairs));
        foreach (var (x, y) in pairs)
        {
            var a = (double[])x.Clone();
            var b = (double[])y.Clone();
            var e = bam.Recall(a, b);
            Assert.Equal(x, a);
            Assert.Equal(y, b);
            Assert.Equal(3, e.Count); // one full pass, no change

            // Noisy forward probe: 15 % of A flipped, B starts blank (zero input keeps it, so use random).
            var probe = x.Select(v => rng.NextDouble() < 0.15 ? -v : v).ToArray();
            var b2 = Random(rng, p);
            var energies = bam.Recall(probe, b2);
            Assert.Equal(x, probe);
            Assert.Equal(y, b2);
            for (var k = 1; k < energies.Count; k++)
            {
                Assert.True(energies[k] <= energies[k - 1] + 1e-9);
            }

            // Backward: from y alone recover x.
            var a3 = Random(rng, n);
            var y3 = (double[])y.Clone();
            bam.Weights.Multiply(y3, a3, 1);
            for (var i = 0; i < n; i++)
            {
                a3[i] = Math.Sign(a3[i]);
            }

            Assert.Equal(x, a3);
        }
    }

    [Fact]
    public void Zero_input_keeps_the_previous_state()
    {
        // M = x^T y with x = (1, -1): A = (1, 1) gives A M = 0, so B must keep its value.
        var m = LearningRules.BamCorrelation([([1.0, -1.0], [1.0, 1.0, -1.0])]);
        var bam = new BidirectionalMemory(m);
        double[] a = [1.0, 1.0];
        double[] b = [-1.0, 1.0, 1.0];
        bam.Recall(a, b, 1);
        Assert.Equal([-1.0, 1.0, 1.0], b);
    }
}
