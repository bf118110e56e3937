using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars;

/// <summary>
/// Turns target conductances into the conductances a real array holds: finite levels, device-to-device variability,
/// programming noise (or IBM's PCM model), stuck-at faults and drift. Seeded: the same seed gives the same array.
/// </summary>
public static class Programming
{
    /// <summary>aihwkit PCM model constant: maximum conductance the normalised target refers to, siemens.</summary>
    public const double PcmGmax = 25e-6;

    /// <summary>
    /// Applies the programming-time non-idealities to <paramref name="target"/> (siemens) within [gMin, gMax]. Variability
    /// on R_on/R_off gives every device its own window [1/R_off,d, 1/R_on,d] around the nominal window [gMin, gMax]
    /// (gMin = 0: the smallest target) and keeps each target at the same relative place in it.
    /// </summary>
    public static double[,] Apply(double[,] target, NonIdealities n, double gMin, double gMax, int levels, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(rng);
        if (levels == 1 || levels < 0)
        {
            throw new UserInputException($"levels must be 0 (continuous) or at least 2, got {levels}");
        }

        int m = target.GetLength(0), c = target.GetLength(1);
        var g = new double[m, c];
        var windowMin = gMin > 0 ? gMin : target.Cast<double>().Min();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < c; j++)
            {
                var t = target[i, j];
                if (levels >= 2)
                {
                    var step = (gMax - gMin) / (levels - 1);
                    t = gMin + (Math.Round((Math.Clamp(t, gMin, gMax) - gMin) / step) * step);
                }

                if (n.Variability > 0 && n.VariabilityOn == VariabilityTarget.Conductance)
                {
                    var z = Gaussian(rng);
                    t = n.VariabilityDistribution == VariabilityDistribution.Lognormal ? t * Math.Exp(n.Variability * z) : Math.Max(0, t * (1 + (n.Variability * z)));
                }
                else if (n.Variability > 0)
                {
                    t = DeviceWindow(t, windowMin, gMax, n, rng);
                }

                if (n.PcmModel)
                {
                    t = Math.Max(0, t + (PcmProgrammingSigma(t / PcmGmax) * PcmGmax * Gaussian(rng)));
                }
                else if (n.ProgrammingNoise > 0)
                {
                    t = Math.Max(0, t + (n.ProgrammingNoise * Gaussian(rng)));
                }

                var u = rng.NextDouble();
                if (u < n.StuckAtLrs)
                {
                    t = gMax;
                }
                else if (u < n.StuckAtLrs + n.StuckAtHrs)
                {
                    t = gMin;
                }

                var nu = n.PcmModel ? PcmDriftNu(t / PcmGmax, rng) : n.DriftNu;
                if (nu > 0 && n.DriftTime > n.DriftT0)
                {
                    t *= Math.Pow(n.DriftTime / n.DriftT0, -nu);
                }

                g[i, j] = t;
            }
        }

        return g;
    }

    /// <summary>
    /// Target <paramref name="t"/> in the nominal window [lo, hi] (siemens) moved into a device window whose R_on = 1/hi and/or
    /// R_off = 1/lo are drawn from the variability distribution: G = G_off,d + w (G_on,d − G_off,d), w = (t − lo)/(hi − lo).
    /// </summary>
    private static double DeviceWindow(double t, double lo, double hi, NonIdealities n, RandomStream rng)
    {
        var onFactor = n.VariabilityOn is VariabilityTarget.Ron or VariabilityTarget.Both ? ResistanceFactor(n, rng) : 1;
        var offFactor = n.VariabilityOn is VariabilityTarget.Roff or VariabilityTarget.Both ? ResistanceFactor(n, rng) : 1;
        var w = hi > lo ? Math.Clamp((t - lo) / (hi - lo), 0, 1) : 1;
        double gOn = hi / onFactor, gOff = lo / offFactor;
        return gOff + (w * (gOn - gOff));
    }

    /// <summary>R_d / R: exp(σ z) (lognormal) or 1 + σ z redrawn until positive (normal).</summary>
    private static double ResistanceFactor(NonIdealities n, RandomStream rng)
    {
        if (n.VariabilityDistribution == VariabilityDistribution.Lognormal)
        {
            return Math.Exp(n.Variability * Gaussian(rng));
        }

        double f;
        do
        {
            f = 1 + (n.Variability * Gaussian(rng));
        }
        while (f <= 0);
        return f;
    }

    /// <summary>aihwkit programming noise σ (in units of gmax) for normalised target gT: max(-1.1731 gT² + 1.9650 gT + 0.2635, 0) µS / 25 µS.</summary>
    public static double PcmProgrammingSigma(double gT) => Math.Max((-1.1731 * gT * gT) + (1.9650 * gT) + 0.2635, 0) * 1e-6 / PcmGmax;

    /// <summary>aihwkit drift exponent: ν ~ N(μ, s), μ = clip(-0.0155 ln gT + 0.0244, 0.049, 0.1), s = clip(-0.0125 ln gT - 0.0059, 0.008, 0.045).</summary>
    public static double PcmDriftNu(double gT, RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var lg = Math.Log(Math.Max(gT, 1e-12));
        var mu = Math.Clamp((-0.0155 * lg) + 0.0244, 0.049, 0.1);
        var s = Math.Clamp((-0.0125 * lg) - 0.0059, 0.008, 0.045);
        return Math.Max(0, mu + (s * Gaussian(rng)));
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Gaussian(RandomStream rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var u1 = 1 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
