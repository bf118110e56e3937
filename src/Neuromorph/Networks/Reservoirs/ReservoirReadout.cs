using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// The trained linear readout of a reservoir, y_t = W_out [1; u_t; x_t] (the input part only when
/// <see cref="IncludeInput"/>), fitted by ridge regression on states after a washout. W_out is used through a
/// substrate, so it too can live on a crossbar.
/// </summary>
public sealed class ReservoirReadout
{
    /// <summary>Wraps fitted weights (outputs × features, row-major).</summary>
    public ReservoirReadout(double[] weights, int outputs, int units, int inputSize, bool includeInput)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Outputs = outputs;
        Units = units;
        InputSize = inputSize;
        IncludeInput = includeInput;
        Weights = weights;
        if (weights.Length != outputs * Features)
        {
            throw new ArgumentException($"{weights.Length} weights, expected {outputs} × {Features}", nameof(weights));
        }

        Substrate = new GemmWeights(weights, outputs, Features, CpuGemm.Shared);
    }

    /// <summary>O.</summary>
    public int Outputs { get; }

    /// <summary>N.</summary>
    public int Units { get; }

    /// <summary>I.</summary>
    public int InputSize { get; }

    /// <summary>Whether u_t is part of the features.</summary>
    public bool IncludeInput { get; }

    /// <summary>1 + (I) + N.</summary>
    public int Features => 1 + (IncludeInput ? InputSize : 0) + Units;

    /// <summary>W_out, outputs × features.</summary>
    public double[] Weights { get; }

    /// <summary>What computes W_out f (default: the ideal weights).</summary>
    public IWeightSubstrate Substrate { get; set; }

    /// <summary>Fits W_out on steps [washout, length) of states (length × N), inputs (length × I) and targets (length × O).</summary>
    public static ReservoirReadout Fit(double[] states, double[] inputs, double[] targets, int length, int units, int inputSize, int outputs,
        int washout, double ridge, bool includeInput)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var probe = new ReservoirReadout(new double[outputs * (1 + (includeInput ? inputSize : 0) + units)], outputs, units, inputSize, includeInput);
        var n = length - washout;
        var x = probe.BuildFeatures(states, inputs, washout, n);
        var w = RidgeRegression.Fit(x, targets.AsSpan(washout * outputs, n * outputs), n, probe.Features, outputs, ridge);
        return new ReservoirReadout(w, outputs, units, inputSize, includeInput);
    }

    /// <summary>Features [1; u_t; x_t] of steps [start, start + count), count × features.</summary>
    public double[] BuildFeatures(ReadOnlySpan<double> states, ReadOnlySpan<double> inputs, int start, int count)
    {
        var f = Features;
        var x = new double[count * f];
        for (var t = 0; t < count; t++)
        {
            var row = x.AsSpan(t * f, f);
            row[0] = 1;
            var o = 1;
            if (IncludeInput)
            {
                inputs.Slice((start + t) * InputSize, InputSize).CopyTo(row[1..]);
                o += InputSize;
            }

            states.Slice((start + t) * Units, Units).CopyTo(row[o..]);
        }

        return x;
    }

    /// <summary>Outputs (count × O) for steps [start, start + count).</summary>
    public double[] Predict(ReadOnlySpan<double> states, ReadOnlySpan<double> inputs, int start, int count)
    {
        var y = new double[count * Outputs];
        Substrate.Multiply(BuildFeatures(states, inputs, start, count), y, count);
        return y;
    }
}
