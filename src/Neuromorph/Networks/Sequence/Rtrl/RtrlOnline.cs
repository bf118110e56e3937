using Neuromorph.Networks.Sequence.Training;

namespace Neuromorph.Networks.Sequence.Rtrl;

/// <summary>What online training did on one mini-batch: loss sum and count over scored values, summed gradient norms and the number of updates.</summary>
internal readonly record struct OnlineBatch(double Sum, long Count, double NormSum, int Updates, bool Finite);

/// <summary>
/// Online training by RTRL (<see cref="TrainingMethod.Rtrl"/>): the sequences of a mini-batch run side by side, step by
/// step; the loss of each scored step (its mean over the batch's values) adds its exact gradient, and the optimiser
/// updates the parameters every <see cref="TrainingOptions.UpdateEvery"/> steps and at the end of the sequence, while
/// the sequence goes on with the new parameters. With one update at the end of the sequence the update is BPTT's.
/// </summary>
internal sealed class RtrlOnline
{
    private readonly SequenceModel _model;
    private readonly TrainingOptions _options;
    private readonly IOptimizer _optimizer;
    private readonly RtrlGradient _rtrl;
    private double[] _dy = [];

    public RtrlOnline(SequenceModel model, TrainingOptions options, IOptimizer optimizer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.UpdateEvery);
        if (options.Noise is { Sigma: > 0 })
        {
            throw new ArgumentException("weight noise is not supported with RTRL", nameof(options));
        }

        if (options.Truncation > 0)
        {
            throw new ArgumentException("truncation does not apply to RTRL: it carries the exact gradient over the whole sequence", nameof(options));
        }

        _model = model;
        _options = options;
        _optimizer = optimizer;
        _rtrl = new RtrlGradient(model);
    }

    /// <summary>Trains on the <paramref name="batch"/> sequences gathered in <paramref name="x"/> (T × B × I) and <paramref name="targets"/>.</summary>
    public OnlineBatch Train(double[] x, double[] targets, int batch, SequenceSet layout)
    {
        int o = _model.Spec.OutputSize, bi = batch * layout.InputSize, k = _options.UpdateEvery;
        if (_dy.Length < batch * o)
        {
            _dy = new double[batch * o];
        }

        double sum = 0, norms = 0;
        long count = 0;
        int updates = 0, pending = 0;
        _model.ZeroGradients();
        _rtrl.Reset(batch);
        for (var t = 0; t < layout.Steps; t++)
        {
            var y = _rtrl.Step(x.AsSpan(t * bi, bi));
            var (s, c) = Loss.Evaluate(_options.Loss, y, t, 1, batch, o, layout, targets, _dy);
            if (c > 0)
            {
                if (!double.IsFinite(s))
                {
                    return new OnlineBatch(sum, count, norms, updates, false);
                }

                _rtrl.Accumulate(_dy);
                sum += s;
                count += c;
                pending++;
            }

            if (pending > 0 && ((t + 1) % k == 0 || t == layout.Steps - 1))
            {
                norms += GradientClipping.Clip(_model.Parameters, _options.ClipNorm);
                _optimizer.Step(_model.Parameters);
                _model.ZeroGradients();
                updates++;
                pending = 0;
            }
        }

        return new OnlineBatch(sum, count, norms, updates, true);
    }
}
