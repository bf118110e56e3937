namespace Neuromorph.Networks.Memory;

public sealed partial class NtmModel
{
    /// <summary>
    /// Backpropagation through time of one sequence: adds ∂L/∂θ for every parameter to its gradient, given
    /// ∂L/∂logits (T × outputs) of the trace's forward pass. Read noise, if any, is a constant of that pass.
    /// </summary>
    public void Backward(NtmTrace trace, ReadOnlySpan<double> dLogits)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var s = Spec;
        int x = s.Inputs, h = s.Hidden, n = s.Rows, w = s.ReadWidth, u = x + w, y = s.Outputs;
        var dh = new double[h];
        var dc = new double[h];
        var dr = new double[w];
        var dM = new double[n * w];
        var dWrite = new double[n];
        var dRead = new double[n];
        var dReadRaw = new double[s.ReadHeadSize];
        var dWriteRaw = new double[s.WriteHeadSize];
        var da = new double[4 * h];
        for (var t = trace.Steps - 1; t >= 0; t--)
        {
            var hh = trace.Hidden[t + 1];
            var r = trace.ReadVector[t + 1];
            var memory = trace.Memory[t + 1];
            var previous = trace.Memory[t];

            // output layer
            for (var k = 0; k < y; k++)
            {
                var dz = dLogits[(t * y) + k];
                if (dz == 0)
                {
                    continue;
                }

                OutputBias.Gradient[k] += dz;
                var row = OutputWeight.Value.AsSpan(k * (h + w), h + w);
                var grad = OutputWeight.Gradient.AsSpan(k * (h + w), h + w);
                for (var j = 0; j < h; j++)
                {
                    grad[j] += dz * hh[j];
                    dh[j] += dz * row[j];
                }

                for (var j = 0; j < w; j++)
                {
                    grad[h + j] += dz * r[j];
                    dr[j] += dz * row[h + j];
                }
            }

            if (s.HasMemory)
            {
                // read r_t = wᵀ M_t
                var read = trace.Read[t];
                for (var i = 0; i < n; i++)
                {
                    double d = 0;
                    for (var j = 0; j < w; j++)
                    {
                        d += dr[j] * memory[(i * w) + j];
                        dM[(i * w) + j] += read.Weights[i] * dr[j];
                    }

                    dRead[i] += d;
                }

                var dReadPrevious = new double[n];
                read.Backward(dRead, memory, t == 0 ? trace.InitialWeights : trace.Read[t - 1].Weights, dReadRaw, dM, dReadPrevious);
                dRead = dReadPrevious;
                AddOuter(ReadWeight.Gradient, ReadBias.Gradient, dReadRaw, hh);
                AddTransposedProduct(ReadWeight.Value, dReadRaw, dh);

                // write M_t = M_{t−1} ∘ (1 − w eᵀ) + w aᵀ
                var write = trace.Write[t];
                var raw = trace.WriteRaw[t];
                var dPreviousMemory = new double[n * w];
                Array.Clear(dWriteRaw);
                for (var j = 0; j < w; j++)
                {
                    var e = Addressing.Sigmoid(raw[w + 6 + j]);
                    var add = Math.Tanh(raw[(2 * w) + 6 + j]);
                    double de = 0, dAdd = 0;
                    for (var i = 0; i < n; i++)
                    {
                        var g = dM[(i * w) + j];
                        var wi = write.Weights[i];
                        var m = previous[(i * w) + j];
                        dPreviousMemory[(i * w) + j] = g * (1 - (wi * e));
                        dWrite[i] += g * (add - (m * e));
                        de -= g * m * wi;
                        dAdd += g * wi;
                    }

                    dWriteRaw[w + 6 + j] = de * e * (1 - e);
                    dWriteRaw[(2 * w) + 6 + j] = dAdd * (1 - (add * add));
                }

                var dWritePrevious = new double[n];
                write.Backward(dWrite, previous, t == 0 ? trace.InitialWeights : trace.Write[t - 1].Weights, dWriteRaw, dPreviousMemory, dWritePrevious);
                dWrite = dWritePrevious;
                dM = dPreviousMemory;
                AddOuter(WriteWeight.Gradient, WriteBias.Gradient, dWriteRaw, hh);
                AddTransposedProduct(WriteWeight.Value, dWriteRaw, dh);
            }

            // LSTM controller
            var gates = trace.Gates[t];
            var c = trace.Cell[t + 1];
            var cp = trace.Cell[t];
            for (var j = 0; j < h; j++)
            {
                var (i, f, g, o) = (gates[j], gates[h + j], gates[(2 * h) + j], gates[(3 * h) + j]);
                var tc = Math.Tanh(c[j]);
                var dcj = dc[j] + (dh[j] * o * (1 - (tc * tc)));
                da[j] = dcj * g * i * (1 - i);
                da[h + j] = dcj * cp[j] * f * (1 - f);
                da[(2 * h) + j] = dcj * i * (1 - (g * g));
                da[(3 * h) + j] = dh[j] * tc * o * (1 - o);
                dc[j] = dcj * f;
            }

            AddOuter(WeightIh.Gradient, Bias.Gradient, da, trace.ControllerInput[t]);
            AddOuter(WeightHh.Gradient, null, da, trace.Hidden[t]);
            var du = new double[u];
            AddTransposedProduct(WeightIh.Value, da, du);
            du.AsSpan(x, w).CopyTo(dr);
            Array.Clear(dh);
            AddTransposedProduct(WeightHh.Value, da, dh);
        }
    }

    /// <summary>G += d vᵀ (row-major, d.Length × v.Length), b += d.</summary>
    private static void AddOuter(double[] gradient, double[]? bias, ReadOnlySpan<double> d, ReadOnlySpan<double> v)
    {
        var cols = v.Length;
        for (var k = 0; k < d.Length; k++)
        {
            var dk = d[k];
            if (bias is not null)
            {
                bias[k] += dk;
            }

            if (dk == 0)
            {
                continue;
            }

            var row = gradient.AsSpan(k * cols, cols);
            for (var j = 0; j < cols; j++)
            {
                row[j] += dk * v[j];
            }
        }
    }

    /// <summary>out += Wᵀ d for a row-major W of d.Length × out.Length.</summary>
    private static void AddTransposedProduct(double[] weight, ReadOnlySpan<double> d, Span<double> output)
    {
        var cols = output.Length;
        for (var k = 0; k < d.Length; k++)
        {
            var dk = d[k];
            if (dk == 0)
            {
                continue;
            }

            var row = weight.AsSpan(k * cols, cols);
            for (var j = 0; j < cols; j++)
            {
                output[j] += dk * row[j];
            }
        }
    }
}
