namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>
/// The published equations (PyTorch's documentation of torch.nn.RNN/LSTM/GRU, Jordan 1986), written out element by
/// element for one sequence with Math.Tanh and 1/(1+e^-x), independently of the library's batched code.
/// Parameters are looked up by PyTorch name; matrices are row-major.
/// </summary>
internal static class ReferenceRecurrence
{
    /// <summary>Outputs y_t (T × O) for one sequence x (T × I).</summary>
    public static double[][] Run(string cell, int layers, int hidden, int outputs, Func<string, double[]> p, double[][] x)
    {
        var seq = x;
        double[]? yPrev = null;
        for (var l = 0; l < layers; l++)
        {
            var wih = p($"weight_ih_l{l}");
            var whh = p($"weight_hh_l{l}");
            var bih = p($"bias_ih_l{l}");
            var bhh = p($"bias_hh_l{l}");
            var inSize = seq[0].Length;
            var h = new double[hidden];
            var c = new double[hidden];
            var next = new double[seq.Length][];
            yPrev = new double[outputs];
            for (var t = 0; t < seq.Length; t++)
            {
                double Pre(int row, double[] feedback) => Dot(wih, row, inSize, seq[t]) + bih[row] + Dot(whh, row, feedback.Length, feedback) + bhh[row];
                var hn = new double[hidden];
                switch (cell)
                {
                    case "rnn_tanh":
                        for (var j = 0; j < hidden; j++) { hn[j] = Math.Tanh(Pre(j, h)); }
                        break;
                    case "rnn_relu":
                        for (var j = 0; j < hidden; j++) { hn[j] = Math.Max(0, Pre(j, h)); }
                        break;
                    case "jordan":
                        for (var j = 0; j < hidden; j++) { hn[j] = Math.Tanh(Pre(j, yPrev)); }
                        break;
                    case "lstm":
                        for (var j = 0; j < hidden; j++)
                        {
                            var i = Sigma(Pre(j, h));
                            var f = Sigma(Pre(hidden + j, h));
                            var g = Math.Tanh(Pre((2 * hidden) + j, h));
                            var o = Sigma(Pre((3 * hidden) + j, h));
                            c[j] = (f * c[j]) + (i * g);
                            hn[j] = o * Math.Tanh(c[j]);
                        }

                        break;
                    case "gru":
                        for (var j = 0; j < hidden; j++)
                        {
                            var r = Sigma(Pre(j, h));
                            var z = Sigma(Pre(hidden + j, h));
                            var row = (2 * hidden) + j;
                            var n = Math.Tanh(Dot(wih, row, inSize, seq[t]) + bih[row] + (r * (Dot(whh, row, hidden, h) + bhh[row])));
                            hn[j] = ((1 - z) * n) + (z * h[j]);
                        }

                        break;
                    default:
                        throw new ArgumentException(cell);
                }

                h = hn;
                next[t] = h;
                if (cell == "jordan")
                {
                    yPrev = Linear(p("weight"), p("bias"), h);
                }
            }

            seq = next;
        }

        return [.. seq.Select(h => Linear(p("weight"), p("bias"), h))];
    }

    private static double[] Linear(double[] w, double[] b, double[] h) =>
        [.. Enumerable.Range(0, b.Length).Select(o => Dot(w, o, h.Length, h) + b[o])];

    private static double Sigma(double a) => 1 / (1 + Math.Exp(-a));

    private static double Dot(double[] w, int row, int n, double[] v)
    {
        var s = 0.0;
        for (var k = 0; k < n; k++)
        {
            s += w[(row * n) + k] * v[k];
        }

        return s;
    }
}
