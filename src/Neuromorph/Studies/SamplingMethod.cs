namespace Neuromorph.Studies;

/// <summary>How a study combines its parameter axes into points.</summary>
public enum SamplingMethod
{
    /// <summary>Full grid: the Cartesian product of every axis's values.</summary>
    Grid,

    /// <summary>Independent uniform draws in each axis's [low, high] (log-uniform for log axes).</summary>
    Random,

    /// <summary>Latin-hypercube samples: each axis's range cut into N strata, one draw per stratum, strata shuffled per axis.</summary>
    LatinHypercube,
}
