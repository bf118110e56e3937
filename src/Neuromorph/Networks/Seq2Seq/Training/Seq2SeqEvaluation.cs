using Neuromorph.Networks.Seq2Seq.Tasks;

namespace Neuromorph.Networks.Seq2Seq.Training;

/// <summary>Token and sequence accuracy of decoded outputs.</summary>
/// <param name="TokenAccuracy">Fraction of output positions before the end token that match the target.</param>
/// <param name="SequenceAccuracy">Fraction of sequences whose every token, end token included, matches.</param>
public sealed record Seq2SeqScore(double TokenAccuracy, double SequenceAccuracy);

/// <summary>Decodes a data set (greedy in batches, or beam search per sequence) and scores it.</summary>
public static class Seq2SeqEvaluation
{
    /// <summary>Greedy outputs (N × target length) of every pair, in batches of <paramref name="batchSize"/>.</summary>
    public static int[] Greedy(Seq2SeqModel model, Seq2SeqData data, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var outputs = new int[data.Count * data.TargetLength];
        for (var start = 0; start < data.Count; start += batchSize)
        {
            var batch = Math.Min(batchSize, data.Count - start);
            var trace = model.Forward(data.Sources.AsSpan(start * data.SourceLength, batch * data.SourceLength), data.SourceLength, default, data.TargetLength, batch, 0);
            for (var b = 0; b < batch; b++)
            {
                trace.PredictedOf(b).CopyTo(outputs, (start + b) * data.TargetLength);
            }
        }

        return outputs;
    }

    /// <summary>Beam-search outputs of every pair, padded with −1 (or cut) to the target length.</summary>
    public static int[] Beam(Seq2SeqModel model, Seq2SeqData data, int width)
    {
        ArgumentNullException.ThrowIfNull(data);
        var outputs = new int[data.Count * data.TargetLength];
        Array.Fill(outputs, -1);
        for (var n = 0; n < data.Count; n++)
        {
            var tokens = BeamSearch.Decode(model, data.Source(n), data.TargetLength, width);
            tokens.AsSpan(0, Math.Min(tokens.Length, data.TargetLength)).CopyTo(outputs.AsSpan(n * data.TargetLength));
        }

        return outputs;
    }

    /// <summary>Scores outputs (N × target length) against the targets.</summary>
    public static Seq2SeqScore Score(Seq2SeqData data, ReadOnlySpan<int> outputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        int correctTokens = 0, correctSequences = 0, lt = data.TargetLength;
        for (var n = 0; n < data.Count; n++)
        {
            var target = data.Target(n);
            var output = outputs.Slice(n * lt, lt);
            var all = true;
            for (var t = 0; t < lt; t++)
            {
                var ok = output[t] == target[t];
                all &= ok;
                if (ok && t < lt - 1)
                {
                    correctTokens++;
                }
            }

            correctSequences += all ? 1 : 0;
        }

        return new Seq2SeqScore(correctTokens / (double)(data.Count * (lt - 1)), correctSequences / (double)data.Count);
    }
}
