namespace Neuromorph.Compute;

/// <summary>Which implementation of <see cref="IAccelerator"/> runs the kernels.</summary>
public enum BackendKind
{
    /// <summary>Managed code on the host CPU (SIMD, multi-threaded); always present; double precision.</summary>
    Cpu,

    /// <summary>OpenCL through libOpenCL.so.1 (a GPU, or the CPU through PoCL).</summary>
    OpenCl,

    /// <summary>CUDA driver API through libcuda.so.1, kernels compiled at run time by NVRTC.</summary>
    Cuda,
}
