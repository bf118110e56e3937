namespace Neuromorph.Networks.Sequence.Training;

/// <summary>Updates parameters from their accumulated gradients (one call per mini-batch or truncated-BPTT chunk).</summary>
public interface IOptimizer
{
    /// <summary>Applies one update to every parameter of <paramref name="parameters"/> (always the same list, in the same order).</summary>
    void Step(IReadOnlyList<Parameter> parameters);
}
