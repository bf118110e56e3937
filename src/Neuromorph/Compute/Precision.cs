namespace Neuromorph.Compute;

/// <summary>Floating-point width of an accelerator's buffers and kernels.</summary>
public enum Precision
{
    /// <summary>32-bit float (the GPU default).</summary>
    Single,

    /// <summary>64-bit double (the CPU default; on GPUs only where the device supports it).</summary>
    Double,
}
