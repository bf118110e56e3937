using Neuromorph.Networks;

namespace Neuromorph.Tests.Networks;

/// <summary>Overlap with the stored pattern recorded per update during recall (the data of the overlap figure).</summary>
public class RecallOverlapTests
{
    [Fact]
    public void Hopfield_overlap_starts_at_one_minus_twice_the_noise_and_ends_at_the_tabled_overlap()
    {
        var spec = new RecallSpec { Neurons = 400, Loads = [0.05, 0.3], Noise = [0.0, 0.2], Probes = 10, Seed = 7 };
        var result = AssociativeRecall.Run(spec);
        Assert.Equal(result.Hopfield.Count, result.Trajectories.Count);
        foreach (var (cell, path) in result.Hopfield.Zip(result.Trajectories))
        {
            Assert.Equal((cell.Load, cell.ProbeNoise), (path.Load, path.ProbeNoise));
            // a noisy probe flips each bit with probability q: E[m] = 1 - 2q, std over 10 probes of 400 bits ~ 0.01
            Assert.Equal(1 - (2 * cell.ProbeNoise), path.Overlap[0], 0.05);
            Assert.Equal(cell.Overlap, path.Overlap[^1], 12);
        }

        // at low load a noisy probe is pulled back to the pattern; a clean one stays there from the start
        var low = result.Trajectories.Single(t => t.Load == 0.05 && t.ProbeNoise == 0.2);
        Assert.True(low.Overlap[^1] > 0.99 && low.Overlap.Count >= 2, string.Join(", ", low.Overlap));
        Assert.All(result.Trajectories.Single(t => t.Load == 0.05 && t.ProbeNoise == 0).Overlap, m => Assert.Equal(1, m, 12));
    }

    [Fact]
    public void Bam_overlap_of_b_starts_near_zero_from_a_random_b_and_reaches_the_stored_pair()
    {
        var spec = new RecallSpec { Network = RecallNetwork.Bam, Neurons = 200, OutputNeurons = 60, Pairs = [1, 4], Noise = [0.1], Probes = 4, Seed = 3 };
        var result = AssociativeRecall.Run(spec);
        Assert.Equal(2, result.Trajectories.Count);
        foreach (var (cell, path) in result.Bam.Zip(result.Trajectories))
        {
            Assert.Equal(cell.Pairs, path.Load);
            Assert.InRange(path.Overlap[0], -0.35, 0.35); // B starts random
            Assert.Equal(cell.OverlapB, path.Overlap[^1], 12);
        }

        Assert.Equal(1, result.Trajectories[0].Overlap[^1], 12); // one stored pair is always recalled
    }
}
