namespace Neuromorph.Networks.Reservoirs;

/// <summary>
/// Free-running generation: after teacher forcing (the true series as input), the readout's prediction of the next
/// input is fed back as the input, so the network generates the series on its own (outputs must equal inputs in number).
/// </summary>
public static class FreeRun
{
    /// <summary>Generates <paramref name="steps"/> outputs starting with input <paramref name="first"/>, from the reservoir's current state.</summary>
    public static double[] Generate(EchoStateNetwork esn, ReservoirReadout readout, ReadOnlySpan<double> first, int steps)
    {
        ArgumentNullException.ThrowIfNull(esn);
        ArgumentNullException.ThrowIfNull(readout);
        var io = esn.Spec.InputSize;
        if (readout.Outputs != io)
        {
            throw new ArgumentException($"free-running generation feeds {readout.Outputs} outputs back into {io} inputs", nameof(readout));
        }

        var u = first.ToArray();
        var y = new double[steps * io];
        for (var t = 0; t < steps; t++)
        {
            var x = esn.Step(u);
            var yt = readout.Predict(x, u, 0, 1);
            yt.CopyTo(y, t * io);
            u = yt;
        }

        return y;
    }
}
