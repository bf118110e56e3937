namespace Neuromorph.Numerics;

/// <summary>
/// The rule of the crossbar periphery's data converters (DAC on the inputs, ADC on the column outputs): clip to ±range
/// and round to the nearest of 2^bits evenly spaced levels, ties to even. The one quantiser of the project, pure number
/// code in Numerics so that every layer can use it: the crossbar readout, hardware-aware solvers, the CPU compute
/// kernels and the GPU kernels.
/// </summary>
public static class DataConverter
{
    /// <summary>
    /// The widest converter modelled exactly: 2^53 − 1 is the largest level count a double holds exactly (readers refuse
    /// wider converters; <see cref="Quantize"/> treats them as this width, already finer than a double's resolution).
    /// </summary>
    public const int MaxBits = 53;

    /// <summary>
    /// Quantises <paramref name="x"/> to <paramref name="bits"/> bits over [−range, range]; bits ≤ 0 or range ≤ 0 is
    /// ideal (x unchanged), bits above <see cref="MaxBits"/> count as <see cref="MaxBits"/>.
    /// </summary>
    public static double Quantize(double x, int bits, double range)
    {
        if (bits <= 0 || range <= 0)
        {
            return x;
        }

        // 2^bits − 1 intervals, exact in a double up to 53 bits; a 32-bit shift wraps (1 << 32 == 1, 1 << 53 == 1 << 21)
        var intervals = (double)((1UL << Math.Min(bits, MaxBits)) - 1);
        var step = 2 * range / intervals;
        var c = Math.Min(Math.Max(x, -range), range); // not Math.Clamp: GPU kernels call this, and Clamp can throw
        return (-range) + (Math.Round((c + range) / step) * step);
    }
}
