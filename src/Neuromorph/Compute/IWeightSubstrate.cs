namespace Neuromorph.Compute;

/// <summary>
/// Whatever stores a network's weights and computes products with them: an ideal dense matrix here, a memristive
/// crossbar elsewhere. Rows are outputs, columns inputs; <c>Multiply</c> computes y = W x for a batch of state
/// vectors and <c>MultiplyTransposed</c> y = W^T x (BAM backward pass). It lives in Compute, below Networks, beside
/// its accelerator implementation <see cref="DeviceWeights"/>.
/// </summary>
public interface IWeightSubstrate
{
    /// <summary>Number of outputs (rows of W).</summary>
    int Rows { get; }

    /// <summary>Number of inputs (columns of W).</summary>
    int Columns { get; }

    /// <summary>
    /// For each of <c>count</c> vectors stored back to back in <paramref name="inputs"/> (length Columns each),
    /// writes W x into <paramref name="outputs"/> (length Rows each).
    /// </summary>
    void Multiply(ReadOnlySpan<double> inputs, Span<double> outputs, int count);

    /// <summary>Batched W^T x: inputs have length Rows each, outputs length Columns each.</summary>
    void MultiplyTransposed(ReadOnlySpan<double> inputs, Span<double> outputs, int count);

    /// <summary>Weight W_ij as stored (for energies and inspection).</summary>
    double Weight(int row, int column);
}
