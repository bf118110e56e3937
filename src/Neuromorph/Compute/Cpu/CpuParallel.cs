namespace Neuromorph.Compute.Cpu;

/// <summary>How the managed kernels spread work over cores: one thread below 200 000 operations, all cores above.</summary>
internal static class CpuParallel
{
    /// <summary>Options for a parallel loop doing about <paramref name="work"/> operations in all.</summary>
    public static ParallelOptions Options(long work) =>
        new() { MaxDegreeOfParallelism = work < 200_000 ? 1 : Environment.ProcessorCount };
}
