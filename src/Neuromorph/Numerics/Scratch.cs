namespace Neuromorph.Numerics;

/// <summary>Reusable work arrays: a layer keeps its buffers between calls instead of allocating per batch.</summary>
internal static class Scratch
{
    /// <summary>Returns <paramref name="buffer"/> if it holds at least <paramref name="length"/> values, else a new array; optionally zeroes the first <paramref name="length"/>.</summary>
    public static double[] Ensure(ref double[]? buffer, int length, bool clear = false)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new double[length];
        }
        else if (clear)
        {
            Array.Clear(buffer, 0, length);
        }

        return buffer;
    }
}
