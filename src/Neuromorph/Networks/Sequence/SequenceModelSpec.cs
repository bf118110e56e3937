namespace Neuromorph.Networks.Sequence;

/// <summary>
/// The shape of a sequence model: a stack of <paramref name="Layers"/> recurrent layers of <paramref name="Cell"/>
/// with <paramref name="HiddenSize"/> units over <paramref name="InputSize"/> input features, and a linear readout
/// to <paramref name="OutputSize"/> outputs at every step. <see cref="Bidirectional"/> adds a reverse direction to every
/// layer (PyTorch's <c>bidirectional=True</c>).
/// </summary>
public sealed record SequenceModelSpec(CellType Cell, int InputSize, int HiddenSize, int OutputSize, int Layers = 1)
{
    /// <summary>Gate blocks per layer (4 LSTM, 3 GRU, 1 otherwise).</summary>
    public int Gates => CellTypes.GateCount(Cell);

    /// <summary>
    /// True for a bidirectional model (torch.nn.RNN/LSTM/GRU with <c>bidirectional=True</c>): every layer has a forward
    /// direction and a reverse one that reads the sequence back to front; their outputs are concatenated [forward,
    /// reverse] at every step, so layers above the first and the readout read 2·H values.
    /// </summary>
    public bool Bidirectional { get; init; }

    /// <summary>Directions per layer: 2 for a bidirectional model, else 1.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>Width of a layer's output (what the next layer and the readout read): H, or 2·H when bidirectional.</summary>
    public int LayerOutputSize => Directions * HiddenSize;

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

        if (Cell == CellType.Jordan && Bidirectional)
        {
            throw new ArgumentException("a Jordan network cannot be bidirectional (its output feeds back into it)");
        }
    }
}
