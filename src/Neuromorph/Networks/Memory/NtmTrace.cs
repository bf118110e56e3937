namespace Neuromorph.Networks.Memory;

/// <summary>Everything one forward pass of one sequence keeps for the backward pass and for pictures.</summary>
public sealed class NtmTrace
{
    internal NtmTrace(NtmModelSpec spec, int steps)
    {
        Steps = steps;
        int h = spec.Hidden, n = spec.Rows, w = spec.Width;
        ControllerInput = new double[steps][];
        Gates = new double[steps][];
        Cell = new double[steps + 1][];
        Hidden = new double[steps + 1][];
        WriteRaw = new double[steps][];
        Write = new Addressing[steps];
        Read = new Addressing[steps];
        Memory = new double[steps + 1][];
        ReadVector = new double[steps + 1][];
        Logits = new double[steps * spec.Outputs];
        Outputs = new double[steps * spec.Outputs];
        Cell[0] = new double[h];
        Hidden[0] = new double[h];
        ReadVector[0] = new double[spec.ReadWidth];
        Memory[0] = spec.HasMemory ? new double[n * w] : [];
        Array.Fill(Memory[0], spec.InitialMemory);
        InitialWeights = new double[n];
        InitialWeights[0] = 1;
    }

    /// <summary>Steps T.</summary>
    public int Steps { get; }

    /// <summary>[x_t; r_{t−1}] per step.</summary>
    public double[][] ControllerInput { get; }

    /// <summary>Activated gates i, f, g, o per step (4H).</summary>
    public double[][] Gates { get; }

    /// <summary>c_t for t = 0..T (c_0 = 0).</summary>
    public double[][] Cell { get; }

    /// <summary>h_t for t = 0..T (h_0 = 0).</summary>
    public double[][] Hidden { get; }

    /// <summary>The write head's raw outputs per step (3W + 6).</summary>
    public double[][] WriteRaw { get; }

    /// <summary>The write head's addressing per step (null entries without memory).</summary>
    public Addressing[] Write { get; }

    /// <summary>The read head's addressing per step.</summary>
    public Addressing[] Read { get; }

    /// <summary>M_t, N × W row-major, for t = 0..T.</summary>
    public double[][] Memory { get; }

    /// <summary>r_t for t = 0..T (r_0 = 0).</summary>
    public double[][] ReadVector { get; }

    /// <summary>The weighting both heads start from (one-hot on row 0).</summary>
    public double[] InitialWeights { get; }

    /// <summary>Output logits, T × outputs.</summary>
    public double[] Logits { get; }

    /// <summary>σ(logits), T × outputs.</summary>
    public double[] Outputs { get; }

    /// <summary>Write weightings, T × N.</summary>
    public double[,] WriteWeightings() => Stack(Write);

    /// <summary>Read weightings, T × N.</summary>
    public double[,] ReadWeightings() => Stack(Read);

    private double[,] Stack(Addressing[] heads)
    {
        var n = heads[0].Weights.Length;
        var map = new double[Steps, n];
        for (var t = 0; t < Steps; t++)
        {
            for (var i = 0; i < n; i++)
            {
                map[t, i] = heads[t].Weights[i];
            }
        }

        return map;
    }
}
