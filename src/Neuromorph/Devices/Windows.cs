namespace Neuromorph.Devices;

/// <summary>
/// Window functions f(x) that keep a memristor's normalised state x in [0, 1] (Joglekar 2009, Biolek 2009,
/// Prodromakis 2011), with their derivatives df/dx. The forms are the published ones; note that some public
/// libraries get Joglekar and Prodromakis wrong (see docs/devices.md).
/// </summary>
public static class Windows
{
    /// <summary>Joglekar: f = 1 - (2x - 1)^(2p).</summary>
    public static (double F, double DfDx) Joglekar(double x, double p)
    {
        var u = (2 * x) - 1;
        var up = Math.Pow(Math.Abs(u), (2 * p) - 1) * Sign(u);
        return (1 - (up * u), -2 * p * up * 2);
    }

    /// <summary>Biolek: f = 1 - (x - stp(-i))^(2p), with stp(z) = 1 for z &gt;= 0; it depends on the current's sign.</summary>
    public static (double F, double DfDx) Biolek(double x, double p, double current)
    {
        var u = x - (current <= 0 ? 1.0 : 0.0);
        var up = Math.Pow(Math.Abs(u), (2 * p) - 1) * Sign(u);
        return (1 - (up * u), -2 * p * up);
    }

    /// <summary>Prodromakis: f = j (1 - ((x - 0.5)^2 + 0.75)^p).</summary>
    public static (double F, double DfDx) Prodromakis(double x, double p, double j)
    {
        var u = x - 0.5;
        var b = (u * u) + 0.75;
        var bp = Math.Pow(b, p - 1);
        return (j * (1 - (bp * b)), -j * p * bp * 2 * u);
    }

    /// <summary>The sign of <paramref name="u"/> as a number (0 for 0 and NaN): Math.Sign throws on NaN, which kernels cannot.</summary>
    internal static double Sign(double u) => u > 0 ? 1 : u < 0 ? -1 : 0;
}
