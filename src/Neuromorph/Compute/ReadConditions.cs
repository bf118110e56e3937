namespace Neuromorph.Compute;

/// <summary>
/// How a weight array is read in one product: every element w is read as w (1 + σ ξ), with ξ a standard normal
/// deviate drawn from Philox at counter (column, row, vector, <see cref="Read"/>) under <see cref="Seed"/>, optionally
/// clipped at zero (conductances), and every output passes the crossbar's ADC (Numerics.DataConverter:
/// <see cref="AdcBits"/> bits over ±<see cref="AdcRange"/>; 0 bits is ideal). The default reads the ideal matrix
/// exactly. Blittable, so kernels take it as an argument.
/// </summary>
public readonly struct ReadConditions : IEquatable<ReadConditions>
{
    private readonly int _clip;

    /// <summary>Creates the conditions.</summary>
    /// <param name="noise">Relative read noise σ (0: none).</param>
    /// <param name="clipAtZero">Clip noisy weights at zero.</param>
    /// <param name="seed">Seed of the read noise.</param>
    /// <param name="read">Read counter: each product draws fresh noise by advancing it.</param>
    /// <param name="adcBits">Output ADC resolution in bits (0: ideal).</param>
    /// <param name="adcRange">Output ADC full scale (clip to ±range).</param>
    public ReadConditions(double noise, bool clipAtZero, ulong seed, uint read, int adcBits, double adcRange)
    {
        Noise = noise;
        _clip = clipAtZero ? 1 : 0;
        Seed = seed;
        Read = read;
        AdcBits = adcBits;
        AdcRange = adcRange;
    }

    /// <summary>Relative read noise σ (0: none).</summary>
    public double Noise { get; }

    /// <summary>Clip noisy weights at zero.</summary>
    public bool ClipAtZero => _clip != 0;

    /// <summary>Seed of the read noise.</summary>
    public ulong Seed { get; }

    /// <summary>Read counter.</summary>
    public uint Read { get; }

    /// <summary>Output ADC resolution in bits (0: ideal).</summary>
    public int AdcBits { get; }

    /// <summary>Output ADC full scale.</summary>
    public double AdcRange { get; }

    /// <summary>Equality of every field.</summary>
    public static bool operator ==(ReadConditions left, ReadConditions right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ReadConditions left, ReadConditions right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(ReadConditions other) =>
        Noise.Equals(other.Noise) && _clip == other._clip && Seed == other.Seed && Read == other.Read && AdcBits == other.AdcBits && AdcRange.Equals(other.AdcRange);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReadConditions r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Noise, _clip, Seed, Read, AdcBits, AdcRange);
}
