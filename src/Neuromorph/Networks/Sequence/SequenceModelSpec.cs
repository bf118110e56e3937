namespace Neuromorph.Networks.Sequence;

/// <summary>
/// The shape of a sequence model: a stack of <paramref name="Layers"/> recurrent layers of <paramref name="Cell"/>
/// with <paramref name="HiddenSize"/> units over <paramref name="InputSize"/> input features, and a linear readout
/// to <paramref name="OutputSize"/> outputs at every step.
/// </summary>
public sealed record SequenceModelSpec(CellType Cell, int InputSize, int HiddenSize, int OutputSize, int Layers = 1)
{
    /// <summary>Gate blocks per layer (4 LSTM, 3 GRU, 1 otherwise).</summary>
    public int Gates => CellTypes.GateCount(Cell);

    /// <summary>Throws <see cref="ArgumentException"/> for sizes no model can have (readers report user errors with locations first).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(OutputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Layers);
        if (Cell == CellType.Jordan && Layers != 1)
        {
            throw new ArgumentException("a Jordan network has one layer (its output feeds back into it)");
        }
    }
}
