using System.Numerics.Tensors;
using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;
using Neuromorph.Numerics.Dense;

namespace Neuromorph.Networks.Seq2Seq;

/// <summary>
/// Bahdanau's additive attention: score(s, h) = vᵀ tanh(W_q s + W_k h), with W_q size × query
/// (<c>attention.query.weight</c>), W_k size × key (<c>attention.key.weight</c>) and v 1 × size
/// (<c>attention.v.weight</c>), each a torch.nn.Linear without bias. W_k h_i is formed once per batch.
/// </summary>
public sealed class AdditiveAttention : Attention
{
    private double[]? _projectedKeys, _dProjectedKeys, _queries, _projectedQueries, _dProjectedQueries, _u, _du, _dq, _dKeysScratch;

    /// <summary>Creates the module with zero weights and <paramref name="size"/> hidden units.</summary>
    public AdditiveAttention(int querySize, int keySize, int size, IGemm gemm)
        : base(querySize, keySize, gemm)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        QueryWeight = new Parameter("attention.query.weight", size, querySize);
        KeyWeight = new Parameter("attention.key.weight", size, keySize);
        V = new Parameter("attention.v.weight", 1, size);
        QueryWeights = new GemmWeights(QueryWeight, gemm);
        KeyWeights = new GemmWeights(KeyWeight, gemm);
        VWeights = new GemmWeights(V, gemm);
    }

    /// <summary>Hidden units of the scoring network.</summary>
    public int Size { get; }

    /// <summary>W_q, size × query.</summary>
    public Parameter QueryWeight { get; }

    /// <summary>W_k, size × key.</summary>
    public Parameter KeyWeight { get; }

    /// <summary>v, 1 × size.</summary>
    public Parameter V { get; }

    /// <summary>What computes products with W_q.</summary>
    public IWeightSubstrate QueryWeights { get; set; }

    /// <summary>What computes products with W_k.</summary>
    public IWeightSubstrate KeyWeights { get; set; }

    /// <summary>What computes products with v.</summary>
    public IWeightSubstrate VWeights { get; set; }

    /// <inheritdoc />
    public override IReadOnlyList<Parameter> Parameters => [QueryWeight, KeyWeight, V];

    /// <inheritdoc />
    public override void BindWeights(Func<Parameter, IWeightSubstrate> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        QueryWeights = make(QueryWeight);
        KeyWeights = make(KeyWeight);
        VWeights = make(V);
    }

    /// <inheritdoc />
    public override void Prepare(double[] keys, int sourceSteps, int batch, int maxSteps)
    {
        base.Prepare(keys, sourceSteps, batch, maxSteps);
        var n = sourceSteps * batch;
        var k = Zeroed(ref _projectedKeys, n * Size);
        KeyWeights.Multiply(keys.AsSpan(0, n * KeySize), k.AsSpan(0, n * Size), n);
        Zeroed(ref _dProjectedKeys, n * Size);
        Zeroed(ref _queries, maxSteps * batch * QuerySize);
        Zeroed(ref _projectedQueries, maxSteps * batch * Size);
        Zeroed(ref _dProjectedQueries, maxSteps * batch * Size);
        Zeroed(ref _u, maxSteps * n * Size);
        Zeroed(ref _du, n * Size);
        Zeroed(ref _dq, batch * QuerySize);
    }

    /// <inheritdoc />
    public override void Score(ReadOnlySpan<double> query, Span<double> scores, int step)
    {
        int a = Size, b = Batch, ts = SourceSteps, n = ts * b;
        query[..(b * QuerySize)].CopyTo(_queries.AsSpan(step * b * QuerySize, b * QuerySize));
        var pq = _projectedQueries.AsSpan(step * b * a, b * a);
        QueryWeights.Multiply(query[..(b * QuerySize)], pq, b);
        var u = _u.AsSpan(step * n * a, n * a);
        for (var s = 0; s < b; s++)
        {
            for (var i = 0; i < ts; i++)
            {
                var row = u.Slice(((s * ts) + i) * a, a);
                TensorPrimitives.Add(pq.Slice(s * a, a), _projectedKeys.AsSpan(((i * b) + s) * a, a), row);
                TensorPrimitives.Tanh(row, row);
            }
        }

        VWeights.Multiply(u, scores[..n], n);
    }

    /// <inheritdoc />
    public override void BackwardScores(ReadOnlySpan<double> dScores, int step, Span<double> dQuery)
    {
        int a = Size, b = Batch, ts = SourceSteps, n = ts * b;
        var u = _u.AsSpan(step * n * a, n * a);
        Gemm.Multiply(true, false, 1, a, n, 1, dScores, 1, u, a, 1, V.Gradient, a);
        var du = _du.AsSpan(0, n * a);
        VWeights.MultiplyTransposed(dScores[..n], du, n);
        var dpq = _dProjectedQueries.AsSpan(step * b * a, b * a);
        for (var s = 0; s < b; s++)
        {
            for (var i = 0; i < ts; i++)
            {
                int r = ((s * ts) + i) * a, kr = ((i * b) + s) * a;
                for (var j = 0; j < a; j++)
                {
                    var g = du[r + j] * (1 - (u[r + j] * u[r + j]));
                    dpq[(s * a) + j] += g;
                    _dProjectedKeys![kr + j] += g;
                }
            }
        }

        var dq = _dq.AsSpan(0, b * QuerySize);
        QueryWeights.MultiplyTransposed(dpq, dq, b);
        TensorPrimitives.Add(dQuery[..(b * QuerySize)], dq, dQuery[..(b * QuerySize)]);
    }

    /// <inheritdoc />
    public override void FinishBackward(Span<double> dKeys, int steps)
    {
        int n = SourceSteps * Batch, a = Size, k = KeySize, rows = steps * Batch;
        Gemm.Multiply(true, false, a, QuerySize, rows, 1, _dProjectedQueries, a, _queries, QuerySize, 1, QueryWeight.Gradient, QuerySize);
        Gemm.Multiply(true, false, a, k, n, 1, _dProjectedKeys, a, Keys, k, 1, KeyWeight.Gradient, k);
        var dk = Zeroed(ref _dKeysScratch, n * k);
        KeyWeights.MultiplyTransposed(_dProjectedKeys.AsSpan(0, n * a), dk.AsSpan(0, n * k), n);
        TensorPrimitives.Add(dKeys[..(n * k)], dk.AsSpan(0, n * k), dKeys[..(n * k)]);
    }
}
