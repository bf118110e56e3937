namespace Neuromorph.Networks.Sequence.Training;

/// <summary>When a sequence has targets.</summary>
public enum TargetTiming
{
    /// <summary>A target at every step (prediction, filtering): many-to-many.</summary>
    EveryStep,

    /// <summary>One target after the last step (the adding problem, classification of a sequence): many-to-one.</summary>
    FinalStep,
}
