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

    /// <summary>
    /// Checks every parameter's BPTT gradient of L = Σ w ⊙ y (so dL/dy = w) against central differences (h = 1e-5):
    /// the largest difference must stay within 1e-6 of the largest numeric gradient, which must not vanish.
    /// </summary>
    public static void AssertGradientsMatchCentralDifferences(SequenceModel model, double[] x, double[] w, int steps, int batch, ModelState? initial, string label)
    {
        double Loss()
        {
            var y = model.Forward(x, steps, batch, initial).Outputs;
            return w.Select((wi, i) => wi * y[i]).Sum();
        }

        model.ZeroGradients();
        model.Backward(model.Forward(x, steps, batch, initial), w);
        foreach (var p in model.Parameters)
        {
            var analytic = (double[])p.Gradient.Clone();
            var numeric = new double[p.Value.Length];
            for (var i = 0; i < p.Value.Length; i++)
            {
                var v = p.Value[i];
                const double h = 1e-5;
                p.Value[i] = v + h;
                var up = Loss();
                p.Value[i] = v - h;
                var down = Loss();
                p.Value[i] = v;
                numeric[i] = (up - down) / (2 * h);
            }

            var scale = numeric.Max(Math.Abs);
            Assert.True(scale > 1e-6, $"{p.Name}: gradient vanishes, the check would be empty");
            var worst = analytic.Zip(numeric, (a, n) => Math.Abs(a - n)).Max();
            Assert.True(worst <= 1e-6 * scale, $"{label} {p.Name}: max |BPTT - FD| = {worst:E2}, max |FD| = {scale:E2}");
        }
    }
}
