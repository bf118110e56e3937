using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// Scores a decoder state (the query, B × query size) against every encoder output (the keys, T_s × B × key size,
/// time-major) of its own sequence. <see cref="Prepare"/> projects the keys once per source batch; <see cref="Score"/>
/// is called once per decoder step and keeps what <see cref="BackwardScores"/> needs for that step;
/// <see cref="FinishBackward"/> forms the weight gradients and the gradient at the keys after the last step back.
/// Products with the weight matrices go through <see cref="IWeightSubstrate"/>s (ideal or crossbars).
/// </summary>
public abstract class Attention(int querySize, int keySize, IGemm gemm)
{
    /// <summary>Length of a query (the decoder's hidden size).</summary>
    public int QuerySize { get; } = querySize;

    /// <summary>Length of a key (the encoder's hidden size).</summary>
    public int KeySize { get; } = keySize;

    /// <summary>The GEMM used for weight gradients.</summary>
    protected IGemm Gemm { get; } = gemm ?? throw new ArgumentNullException(nameof(gemm));

    /// <summary>Source steps T_s of the prepared keys.</summary>
    protected int SourceSteps { get; private set; }

    /// <summary>Sequences B of the prepared keys.</summary>
    protected int Batch { get; private set; }

    /// <summary>The prepared keys, T_s × B × key size (not copied).</summary>
    protected double[] Keys { get; private set; } = [];

    /// <summary>The parameters with their names in the model file (<c>attention.…</c>).</summary>
    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Points every weight matrix at <paramref name="make"/>'s substrate.</summary>
    public abstract void BindWeights(Func<Parameter, IWeightSubstrate> make);

    /// <summary>Takes the keys of a batch (T_s × B × key size) for up to <paramref name="maxSteps"/> decoder steps.</summary>
    public virtual void Prepare(double[] keys, int sourceSteps, int batch, int maxSteps)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
        SourceSteps = sourceSteps;
        Batch = batch;
    }

    /// <summary>Writes the scores (B × T_s) of the queries (B × query size) at decoder step <paramref name="step"/>.</summary>
    public abstract void Score(ReadOnlySpan<double> query, Span<double> scores, int step);

    /// <summary>From dLoss/dscores (B × T_s) of step <paramref name="step"/>, adds dLoss/dquery into <paramref name="dQuery"/> and keeps the key and weight terms.</summary>
    public abstract void BackwardScores(ReadOnlySpan<double> dScores, int step, Span<double> dQuery);

    /// <summary>After the last <see cref="BackwardScores"/>: adds the weight gradients and dLoss/dkeys into <paramref name="dKeys"/> (T_s × B × key size).</summary>
    public abstract void FinishBackward(Span<double> dKeys, int steps);

    /// <summary>Zeroes what the backward pass accumulates over steps (called by <see cref="Prepare"/> in subclasses).</summary>
    protected static double[] Zeroed(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new double[length];
        }
        else
        {
            Array.Clear(buffer, 0, length);
        }

        return buffer;
    }
}
