namespace Neuromorph.Networks.Memory;

public sealed partial class NtmModel
{
    /// <summary>
    /// Runs one sequence: <paramref name="inputs"/> is T × <see cref="NtmModelSpec.Inputs"/> row-major. With
    /// <see cref="ReadNoise"/> &gt; 0 both heads' similarities get fresh Gaussian noise from <see cref="NoiseStream"/>.
    /// </summary>
    public NtmTrace Forward(ReadOnlySpan<double> inputs, int steps)
    {
        var s = Spec;
        int x = s.Inputs, h = s.Hidden, n = s.Rows, w = s.ReadWidth, u = x + w, y = s.Outputs;
        if (inputs.Length != steps * x)
        {
            throw new ArgumentException($"expected {steps} × {x} inputs, got {inputs.Length}", nameof(inputs));
        }

        if (ReadNoise > 0 && NoiseStream is null)
        {
            throw new InvalidOperationException("read noise needs a NoiseStream");
        }

        var trace = new NtmTrace(s, steps);
        var a = new double[4 * h];
        var noise = ReadNoise > 0 ? new double[n] : [];
        for (var t = 0; t < steps; t++)
        {
            var input = new double[u];
            inputs.Slice(t * x, x).CopyTo(input);
            trace.ReadVector[t].CopyTo(input, x);
            trace.ControllerInput[t] = input;
            var hp = trace.Hidden[t];
            var cp = trace.Cell[t];
            Affine(_ih, WeightIh.Value, input, Bias.Value, a);
            AddProduct(_hh, WeightHh.Value, hp, a);
            var gates = new double[4 * h];
            var c = new double[h];
            var hh = new double[h];
            for (var j = 0; j < h; j++)
            {
                var i = Addressing.Sigmoid(a[j]);
                var f = Addressing.Sigmoid(a[h + j]);
                var g = Math.Tanh(a[(2 * h) + j]);
                var o = Addressing.Sigmoid(a[(3 * h) + j]);
                (gates[j], gates[h + j], gates[(2 * h) + j], gates[(3 * h) + j]) = (i, f, g, o);
                c[j] = (f * cp[j]) + (i * g);
                hh[j] = o * Math.Tanh(c[j]);
            }

            trace.Gates[t] = gates;
            trace.Cell[t + 1] = c;
            trace.Hidden[t + 1] = hh;

            if (!s.HasMemory)
            {
                trace.Memory[t + 1] = trace.Memory[t];
                trace.ReadVector[t + 1] = trace.ReadVector[t];
                Output(trace, t, hh, trace.ReadVector[t + 1]);
                continue;
            }

            // write head on M_{t−1}
            var raw = new double[s.WriteHeadSize];
            Affine(_write, WriteWeight.Value, hh, WriteBias.Value, raw);
            trace.WriteRaw[t] = raw;
            var previous = trace.Memory[t];
            var write = new Addressing(n, w);
            Draw(noise);
            write.Forward(raw, previous, t == 0 ? trace.InitialWeights : trace.Write[t - 1].Weights, noise, Keys);
            trace.Write[t] = write;
            var memory = new double[n * w];
            for (var i = 0; i < n; i++)
            {
                var wi = write.Weights[i];
                for (var j = 0; j < w; j++)
                {
                    var e = Addressing.Sigmoid(raw[w + 6 + j]);
                    var add = Math.Tanh(raw[(2 * w) + 6 + j]);
                    memory[(i * w) + j] = (previous[(i * w) + j] * (1 - (wi * e))) + (wi * add);
                }
            }

            trace.Memory[t + 1] = memory;

            // read head on M_t
            var readRaw = new double[s.ReadHeadSize];
            Affine(_read, ReadWeight.Value, hh, ReadBias.Value, readRaw);
            var read = new Addressing(n, w);
            Draw(noise);
            read.Forward(readRaw, memory, t == 0 ? trace.InitialWeights : trace.Read[t - 1].Weights, noise, Keys);
            trace.Read[t] = read;
            var r = new double[w];
            for (var i = 0; i < n; i++)
            {
                var wi = read.Weights[i];
                for (var j = 0; j < w; j++)
                {
                    r[j] += wi * memory[(i * w) + j];
                }
            }

            trace.ReadVector[t + 1] = r;

            Output(trace, t, hh, r);
        }

        return trace;
    }

    /// <summary>y_t = σ(W_o [h_t; r_t] + b_o) into the trace.</summary>
    private void Output(NtmTrace trace, int t, double[] hh, double[] r)
    {
        int h = Spec.Hidden, w = r.Length, y = Spec.Outputs;
        if (_output is not null)
        {
            var hr = new double[h + w];
            hh.CopyTo(hr, 0);
            r.CopyTo(hr, h);
            var z = new double[y];
            Affine(_output, OutputWeight.Value, hr, OutputBias.Value, z);
            for (var k = 0; k < y; k++)
            {
                trace.Logits[(t * y) + k] = z[k];
                trace.Outputs[(t * y) + k] = Addressing.Sigmoid(z[k]);
            }

            return;
        }

        for (var k = 0; k < y; k++)
        {
            var row = OutputWeight.Value.AsSpan(k * (h + w), h + w);
            var z = OutputBias.Value[k];
            for (var j = 0; j < h; j++)
            {
                z += row[j] * hh[j];
            }

            for (var j = 0; j < w; j++)
            {
                z += row[h + j] * r[j];
            }

            trace.Logits[(t * y) + k] = z;
            trace.Outputs[(t * y) + k] = Addressing.Sigmoid(z);
        }
    }

    private void Draw(double[] noise)
    {
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = ReadNoise * NoiseStream!.NextGaussian();
        }
    }

    /// <summary>out = W v + b for a row-major W of out.Length × v.Length.</summary>
    private static void Affine(double[] weight, ReadOnlySpan<double> v, double[] bias, Span<double> output)
    {
        bias.AsSpan(0, output.Length).CopyTo(output);
        AddProduct(weight, v, output);
    }

    /// <summary>out += W v.</summary>
    private static void AddProduct(double[] weight, ReadOnlySpan<double> v, Span<double> output)
    {
        var cols = v.Length;
        for (var k = 0; k < output.Length; k++)
        {
            var row = weight.AsSpan(k * cols, cols);
            double z = 0;
            for (var j = 0; j < cols; j++)
            {
                z += row[j] * v[j];
            }

            output[k] += z;
        }
    }
}
