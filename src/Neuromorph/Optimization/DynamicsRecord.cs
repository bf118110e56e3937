namespace Neuromorph.Optimization;

/// <summary>
/// Samples of one restart's continuous state over time, for plots: the states of selected devices (memristor states
/// x_i for CTD, voltages v_i for memcomputing) and named memory series (memcomputing: statistics of x_s and x_l and a
/// few clauses' memories). Rows share one time axis (model time, and wall-clock seconds since the run started).
/// </summary>
public sealed class DynamicsRecord
{
    /// <summary>Creates an empty record.</summary>
    public DynamicsRecord(int restart, IReadOnlyList<string> stateLabels, IReadOnlyList<string> memoryLabels)
    {
        Restart = restart;
        StateLabels = stateLabels;
        MemoryLabels = memoryLabels;
    }

    /// <summary>Restart index.</summary>
    public int Restart { get; }

    /// <summary>Column names of <see cref="States"/> (e.g. v_17).</summary>
    public IReadOnlyList<string> StateLabels { get; }

    /// <summary>Column names of <see cref="Memory"/> (empty for solvers without memory variables).</summary>
    public IReadOnlyList<string> MemoryLabels { get; }

    /// <summary>Model time of each sample.</summary>
    public List<double> Times { get; } = [];

    /// <summary>Wall-clock seconds of each sample since the run started.</summary>
    public List<double> WallSeconds { get; } = [];

    /// <summary>Selected device states per sample.</summary>
    public List<double[]> States { get; } = [];

    /// <summary>Memory series per sample.</summary>
    public List<double[]> Memory { get; } = [];

    /// <summary>Up to <paramref name="count"/> evenly spaced indices of 0..<paramref name="size"/>-1.</summary>
    public static int[] Pick(int size, int count) =>
        size <= count ? [.. Enumerable.Range(0, size)] : [.. Enumerable.Range(0, count).Select(k => (int)((long)k * size / count))];

    /// <summary>Appends one sample.</summary>
    public void Add(double time, double wallSeconds, double[] states, double[] memory)
    {
        Times.Add(time);
        WallSeconds.Add(wallSeconds);
        States.Add(states);
        Memory.Add(memory);
    }
}
