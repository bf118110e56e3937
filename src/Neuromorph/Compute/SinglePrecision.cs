namespace Neuromorph.Compute;

/// <summary>Host-side conversions between the library's doubles and single-precision device buffers.</summary>
public static class SinglePrecision
{
    /// <summary>The values as floats.</summary>
    public static float[] ToSingle(ReadOnlySpan<double> source)
    {
        var f = new float[source.Length];
        for (var i = 0; i < f.Length; i++)
        {
            f[i] = (float)source[i];
        }

        return f;
    }

    /// <summary>Widens floats into <paramref name="destination"/>.</summary>
    public static void ToDouble(ReadOnlySpan<float> source, Span<double> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i];
        }
    }
}
