namespace Neuromorph.Compute;

/// <summary>
/// An NDRange: global work size in one or two dimensions and an optional work-group (block) size. Backends round
/// the global size up to a multiple of the local size; kernels check their bounds. Local size 0 lets the backend
/// choose (OpenCL: the driver; CUDA: 256 in 1-D, 16 x 16 in 2-D).
/// </summary>
/// <param name="GlobalX">Work items along x.</param>
/// <param name="GlobalY">Work items along y.</param>
/// <param name="LocalX">Work-group size along x (0: backend's choice).</param>
/// <param name="LocalY">Work-group size along y (0: backend's choice).</param>
public readonly record struct LaunchGrid(int GlobalX, int GlobalY = 1, int LocalX = 0, int LocalY = 0)
{
    /// <summary>Whether the grid is two-dimensional.</summary>
    public bool TwoDimensional => GlobalY > 1 || LocalY > 1;

    /// <summary>Work-group size along x actually used when the backend must choose (CUDA, or reductions).</summary>
    public int BlockX => LocalX > 0 ? LocalX : (TwoDimensional ? 16 : 256);

    /// <summary>Work-group size along y actually used when the backend must choose.</summary>
    public int BlockY => LocalY > 0 ? LocalY : (TwoDimensional ? 16 : 1);

    /// <summary><paramref name="n"/> rounded up to a multiple of <paramref name="block"/>.</summary>
    public static int RoundUp(int n, int block) => (n + block - 1) / block * block;
}
