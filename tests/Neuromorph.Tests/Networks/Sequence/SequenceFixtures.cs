using Neuromorph.Networks;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>Small random models and batches for the sequence-model tests.</summary>
internal static class SequenceFixtures
{
    public static readonly string[] Cells = ["rnn_tanh", "rnn_relu", "jordan", "lstm", "gru"];

    public static SequenceModel Model(string cell, int input, int hidden, int outputs, int layers, ulong seed, double scale = 1)
    {
        Assert.True(CellTypes.TryParse(cell, out var c));
        var m = SequenceModel.Create(new SequenceModelSpec(c, input, hidden, outputs, layers), seed);
        foreach (var p in m.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] *= scale;
            }
        }

        return m;
    }

    /// <summary>Uniform values in [-1, 1].</summary>
    public static double[] Uniform(int n, ulong seed)
    {
        var rng = new RandomStream(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (2 * rng.NextDouble()) - 1)];
    }

    /// <summary>Sequence b of a time-major batch x (T × B × I), as T rows.</summary>
    public static double[][] Sequence(double[] x, int steps, int batch, int width, int b) =>
        [.. Enumerable.Range(0, steps).Select(t => x.AsSpan(((t * batch) + b) * width, width).ToArray())];
}
