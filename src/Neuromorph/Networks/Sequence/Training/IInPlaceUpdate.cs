namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// A weight update that the substrate holding the weights applies in place, replacing the optimiser step of
/// <see cref="Trainer"/>: training on crossbar tiles, where each step's outer products x_t·δ_tᵀ become device pulses.
/// <see cref="Bind"/> programs the substrates from the model's parameters and binds them for the forward and backward
/// passes; <see cref="Step"/> runs after each backward pass and leaves the effective weights it reached in the
/// parameters' values (so snapshots, model files and evaluation see what the substrate holds); <see cref="Unbind"/>
/// binds the ideal weights again.
/// </summary>
public interface IInPlaceUpdate
{
    /// <summary>Programs the substrates from the parameter values and binds them to <paramref name="model"/>.</summary>
    void Bind(SequenceModel model);

    /// <summary>
    /// Applies one update of learning rate <paramref name="learningRate"/> from the backward pass just run on
    /// <paramref name="trace"/> with output gradients <paramref name="dOutputs"/> (per-step deltas are read from the
    /// layers). The parameters' gradients are already clipped; the per-step deltas are not, and take
    /// <paramref name="gradientScale"/>, the factor clipping applied.
    /// </summary>
    void Step(SequenceModel model, ModelTrace trace, ReadOnlySpan<double> dOutputs, double learningRate, double gradientScale);

    /// <summary>Binds the ideal weights (the parameter values) again.</summary>
    void Unbind(SequenceModel model);
}
