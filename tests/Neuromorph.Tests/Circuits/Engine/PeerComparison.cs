using Neuromorph.Circuits.Analyses;
using Neuromorph.Tests.Peers;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Circuits.Engine;

/// <summary>Runs a deck body in ngspice and in Neuromorph (or two decks in Neuromorph) and bounds the waveform difference relative to the range.</summary>
internal static class PeerComparison
{
    /// <summary>ngspice vs Neuromorph on <paramref name="body"/> (title first, analysis included, no .print/.end); returns the worst error per vector.</summary>
    public static double[] AgainstNgspice(string body, string[] vectors, double bound = 1e-3, string kind = "tran")
    {
        Requires.Ngspice();
        var netlist = body.TrimEnd() + "\n";
        var (x, cols) = Ngspice.RunTransient(netlist, vectors);
        var ours = Sim.Run($"{netlist}.print {kind} {string.Join(" ", vectors)}\n.end\n").First(r => r.Kind == kind);
        return Check(x, cols, ours, vectors, bound, "ngspice");
    }

    /// <summary>Two Neuromorph decks (e.g. a behavioural subcircuit and the built-in device) must give the same waveforms.</summary>
    public static double[] Between(string reference, string[] referenceVectors, string candidate, string[] candidateVectors, double bound = 1e-3)
    {
        var a = Sim.Tran($"{reference.TrimEnd()}\n.print tran {string.Join(" ", referenceVectors)}\n.end\n");
        var b = Sim.Tran($"{candidate.TrimEnd()}\n.print tran {string.Join(" ", candidateVectors)}\n.end\n");
        var renamed = b with { Columns = [.. b.Columns.Select((c, k) => new ResultColumn(referenceVectors[k], c.Values))] };
        return Check(a.Independent, [.. referenceVectors.Select(v => a.Col(v))], renamed, referenceVectors, bound, "reference deck");
    }

    private static double[] Check(IReadOnlyList<double> x, double[][] reference, AnalysisResult ours, string[] vectors, double bound, string peer)
    {
        var errors = new double[vectors.Length];
        var ox = ours.Independent;
        var flip = ox.Length > 1 && ox[^1] < ox[0];
        for (var k = 0; k < vectors.Length; k++)
        {
            var y = ours.Col(vectors[k]);
            errors[k] = flip
                ? WaveformComparison.MaxErrorRelativeToRange(x, reference[k], [.. ox.Reverse()], [.. y.Reverse()])
                : WaveformComparison.MaxErrorRelativeToRange(x, reference[k], ox, y);
            Assert.True(errors[k] < bound, $"{vectors[k]}: max difference from the {peer} {errors[k]:P4} of range (bound {bound:P2})");
        }

        return errors;
    }
}
