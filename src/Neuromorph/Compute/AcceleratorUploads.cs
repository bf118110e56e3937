namespace Neuromorph.Compute;

/// <summary>Host values into a new device buffer in one call.</summary>
public static class AcceleratorUploads
{
    /// <summary>A buffer of <paramref name="values"/>.Length reals holding <paramref name="values"/> (converted to the device precision).</summary>
    public static RealBuffer Upload(this IAccelerator accelerator, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        var buffer = accelerator.Allocate(values.Length);
        accelerator.Write(buffer, values);
        return buffer;
    }
}
