namespace Neuromorph.Networks;

/// <summary>Shape of an annealing schedule for injected noise amplitude (or temperature).</summary>
public enum NoiseShape
{
    /// <summary>Amplitude stays at the start value.</summary>
    Constant,

    /// <summary>Amplitude falls linearly from start to end.</summary>
    Linear,

    /// <summary>Amplitude falls geometrically from start to end (both must be positive).</summary>
    Exponential,
}

/// <summary>
/// Noise amplitude (or temperature) as a function of progress through a run, used to anneal
/// Hopfield/Ising-machine dynamics the way Cai et al. (2020) anneal with memristor noise.
/// </summary>
public sealed record NoiseSchedule(NoiseShape Shape, double Start, double End)
{
    /// <summary>No noise at all.</summary>
    public static NoiseSchedule None { get; } = new(NoiseShape.Constant, 0, 0);

    /// <summary>Amplitude at fraction <paramref name="progress"/> in [0, 1] of the run.</summary>
    public double At(double progress)
    {
        var p = Math.Clamp(progress, 0, 1);
        return Shape switch
        {
            NoiseShape.Constant => Start,
            NoiseShape.Linear => Start + ((End - Start) * p),
            _ => Start * Math.Pow(End / Start, p),
        };
    }
}
