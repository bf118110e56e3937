namespace Neuromorph.Crossbars;

/// <summary>
/// The crossbar periphery's data converters (DAC on the inputs, ADC on the column outputs): clip to ±range and round
/// to the nearest of 2^bits evenly spaced levels, ties to even. The one quantiser of the project: the crossbar reader,
/// hardware-aware solvers and the compute kernels all use this rule.
/// </summary>
public static class DataConverter
{
    /// <summary>Quantises <paramref name="x"/> to <paramref name="bits"/> bits over [−range, range]; bits ≤ 0 or range ≤ 0 is ideal (x unchanged).</summary>
    public static double Quantize(double x, int bits, double range)
    {
        if (bits <= 0 || range <= 0)
        {
            return x;
        }

        var step = 2 * range / ((1 << bits) - 1);
        var c = Math.Min(Math.Max(x, -range), range); // not Math.Clamp: GPU kernels call this, and Clamp can throw
        return (-range) + (Math.Round((c + range) / step) * step);
    }
}
