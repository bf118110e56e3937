using Neuromorph.Numerics.Randomness;
namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// Short-term memory capacity (Jaeger 2002): drive the reservoir with i.i.d. input u_t uniform in [−1, 1], train one
/// linear readout per delay k to reproduce u_{t−k}, and sum the squared correlations r²(u_{t−k}, y_k(t)) on held-out
/// steps. For N units MC ≤ N; linear reservoirs with orthogonal W come close to N.
/// </summary>
public static class MemoryCapacity
{
    /// <summary>Total capacity and r² per delay 1..maxDelay.</summary>
    public sealed record Result(double Total, double[] PerDelay);

    /// <summary>Measures the capacity of <paramref name="esn"/> (one input) from its current state; the input is drawn with <paramref name="seed"/>.</summary>
    public static Result Measure(EchoStateNetwork esn, int maxDelay, int washout, int trainLength, int testLength, double ridge, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(esn);
        if (esn.Spec.InputSize != 1)
        {
            throw new ArgumentException("memory capacity is measured with one input", nameof(esn));
        }

        return Measure(u => esn.Run(u, u.Length), esn.Units, maxDelay, washout, trainLength, testLength, ridge, seed);
    }

    /// <summary>
    /// Measures the capacity of any reservoir: <paramref name="drive"/> maps the input series (one value per step) to
    /// <paramref name="width"/> features per step (a memristive reservoir's conductance reads, for instance).
    /// </summary>
    public static Result Measure(Func<double[], double[]> drive, int width, int maxDelay, int washout, int trainLength, int testLength, double ridge, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(drive);
        ArgumentOutOfRangeException.ThrowIfLessThan(washout, maxDelay);
        var length = washout + trainLength + testLength;
        var rng = new RandomStream(seed);
        var u = Enumerable.Range(0, length).Select(_ => (2 * rng.NextDouble()) - 1).ToArray();
        var states = drive(u);
        var targets = new double[length * maxDelay];
        for (var t = maxDelay; t < length; t++)
        {
            for (var k = 1; k <= maxDelay; k++)
            {
                targets[(t * maxDelay) + k - 1] = u[t - k];
            }
        }

        var readout = ReservoirReadout.Fit(states[..((washout + trainLength) * width)], u, targets, washout + trainLength, width, 1, maxDelay, washout, ridge, includeInput: false);
        var start = washout + trainLength;
        var y = readout.Predict(states, u, start, testLength);
        var perDelay = new double[maxDelay];
        for (var k = 0; k < maxDelay; k++)
        {
            var predicted = Enumerable.Range(0, testLength).Select(t => y[(t * maxDelay) + k]).ToArray();
            var actual = Enumerable.Range(0, testLength).Select(t => u[start + t - k - 1]).ToArray();
            var r = MathNet.Numerics.Statistics.Correlation.Pearson(predicted, actual);
            perDelay[k] = double.IsFinite(r) ? r * r : 0;
        }

        return new Result(perDelay.Sum(), perDelay);
    }
}
