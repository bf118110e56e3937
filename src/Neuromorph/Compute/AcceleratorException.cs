namespace Neuromorph.Compute;

/// <summary>
/// A driver or compiler call on an accelerator failed. The message names the native call and its error code (and,
/// for a failed kernel build, carries the build log). The command line prints it and exits 1.
/// </summary>
public sealed class AcceleratorException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AcceleratorException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public AcceleratorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception (for serializers).</summary>
    public AcceleratorException()
        : base("accelerator call failed")
    {
    }
}
