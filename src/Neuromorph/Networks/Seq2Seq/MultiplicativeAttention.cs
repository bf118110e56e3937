using System.Numerics.Tensors;
using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// Luong's "general" attention: score(s, h) = sᵀ W h with W query × key (<c>attention.weight</c>, the weight of a
/// torch.nn.Linear(key, query, bias=False) applied to the keys). The projected keys k_i = W h_i are formed once per
/// batch; a step's scores are the dot products s_b · k_{i,b}.
/// </summary>
public sealed class MultiplicativeAttention : Attention
{
    private double[]? _projected, _dProjected, _queries, _dKeysScratch;

    /// <summary>Creates the module with zero weights.</summary>
    public MultiplicativeAttention(int querySize, int keySize, IGemm gemm)
        : base(querySize, keySize, gemm)
    {
        Weight = new Parameter("attention.weight", querySize, keySize);
        Weights = new GemmWeights(Weight, gemm);
    }

    /// <summary>W, query × key.</summary>
    public Parameter Weight { get; }

    /// <summary>What computes products with W.</summary>
    public IWeightSubstrate Weights { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [Weight];

    /// <inheritdoc />
    public override void BindWeights(Func<Parameter, IWeightSubstrate> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        Weights = make(Weight);
    }

    /// <inheritdoc />
    public override void Prepare(double[] keys, int sourceSteps, int batch, int maxSteps)
    {
        base.Prepare(keys, sourceSteps, batch, maxSteps);
        var n = sourceSteps * batch;
        var k = Zeroed(ref _projected, n * QuerySize);
        Weights.Multiply(keys.AsSpan(0, n * KeySize), k.AsSpan(0, n * QuerySize), n);
        Zeroed(ref _dProjected, n * QuerySize);
        Zeroed(ref _queries, maxSteps * batch * QuerySize);
    }

    /// <inheritdoc />
    public override void Score(ReadOnlySpan<double> query, Span<double> scores, int step)
    {
        int q = QuerySize, b = Batch, ts = SourceSteps;
        query[..(b * q)].CopyTo(_queries.AsSpan(step * b * q, b * q));
        for (var s = 0; s < b; s++)
        {
            var qs = query.Slice(s * q, q);
            for (var i = 0; i < ts; i++)
            {
                scores[(s * ts) + i] = TensorPrimitives.Dot(qs, _projected.AsSpan(((i * b) + s) * q, q));
            }
        }
    }

    /// <inheritdoc />
    public override void BackwardScores(ReadOnlySpan<double> dScores, int step, Span<double> dQuery)
    {
        int q = QuerySize, b = Batch, ts = SourceSteps;
        var queries = _queries.AsSpan(step * b * q, b * q);
        for (var s = 0; s < b; s++)
        {
            var dq = dQuery.Slice(s * q, q);
            for (var i = 0; i < ts; i++)
            {
                var g = dScores[(s * ts) + i];
                var row = ((i * b) + s) * q;
                for (var j = 0; j < q; j++)
                {
                    dq[j] += g * _projected![row + j];
                    _dProjected![row + j] += g * queries[(s * q) + j];
                }
            }
        }
    }

    /// <inheritdoc />
    public override void FinishBackward(Span<double> dKeys, int steps)
    {
        int n = SourceSteps * Batch, q = QuerySize, k = KeySize;
        Gemm.Multiply(true, false, q, k, n, 1, _dProjected, q, Keys, k, 1, Weight.Gradient, k);
        var dk = Zeroed(ref _dKeysScratch, n * k);
        Weights.MultiplyTransposed(_dProjected.AsSpan(0, n * q), dk.AsSpan(0, n * k), n);
        TensorPrimitives.Add(dKeys[..(n * k)], dk.AsSpan(0, n * k), dKeys[..(n * k)]);
    }
}
