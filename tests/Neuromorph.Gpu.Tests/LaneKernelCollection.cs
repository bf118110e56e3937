namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The lane-kernel test classes run one after another, not in parallel: one of them makes a lane kernel fail to
/// compile on the shared accelerator on purpose, and a lane kernel launched on that accelerator at the same moment by
/// another class came back unwritten or crashed the ILGPU CPU runtime (seen when DeviceLaneTests was added beside
/// LaneKernelTests).
/// </summary>
[CollectionDefinition(Name)]
public sealed class LaneKernelCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "lane kernels";
}
