using System.Numerics.Tensors;

namespace Neuromorph.Networks.Seq2Seq.Training;

/// <summary>
/// Beam-search decoding of one source sequence: keeps the <c>width</c> partial outputs of highest total log-probability,
/// extends each by every token, and stops when every kept hypothesis has emitted the end token or after the given
/// number of steps. Width 1 is greedy decoding.
/// </summary>
public static class BeamSearch
{
    private sealed record Hypothesis(int[] Tokens, double[] State, double LogProbability, bool Done);

    /// <summary>The best output token sequence (end token included when emitted) of <paramref name="source"/>, at most <paramref name="maxSteps"/> tokens.</summary>
    public static int[] Decode(Seq2SeqModel model, ReadOnlySpan<int> source, int maxSteps, int width)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var s = model.Spec;
        int ts = source.Length, h = s.DecoderHidden, v = s.Vocabulary, k = s.KeySize;
        var encoder = model.Encode(source, ts, 1);
        var keys = encoder.Keys;
        model.Attention.Prepare(keys, ts, 1, 1);
        var beams = new List<Hypothesis> { new([], encoder.InitialState, 0, false) };
        double[] alpha = new double[ts], input = new double[v + k], gates = new double[3 * h], cache = new double[4 * h], features = new double[h + k], logits = new double[v], logp = new double[v];
        for (var t = 0; t < maxSteps && beams.Any(b => !b.Done); t++)
        {
            var candidates = new List<Hypothesis>();
            foreach (var beam in beams)
            {
                if (beam.Done)
                {
                    candidates.Add(beam);
                    continue;
                }

                var next = new double[h];
                int[] fed = [beam.Tokens.Length == 0 ? s.StartToken : beam.Tokens[^1]];
                model.Step(0, 1, ts, keys, beam.State, fed, alpha, input, gates, cache, next, features, logits);
                var max = TensorPrimitives.Max<double>(logits);
                TensorPrimitives.Subtract(logits, max, logp);
                TensorPrimitives.Exp(logp, logp);
                var log = Math.Log(TensorPrimitives.Sum<double>(logp));
                for (var token = 0; token < v; token++)
                {
                    var lp = logits[token] - max - log;
                    candidates.Add(new Hypothesis([.. beam.Tokens, token], next, beam.LogProbability + lp, token == s.EndToken));
                }
            }

            beams = [.. candidates.OrderByDescending(c => c.LogProbability).Take(width)];
        }

        return beams[0].Tokens;
    }
}
