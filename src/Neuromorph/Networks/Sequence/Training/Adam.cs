namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// Adam (Kingma and Ba 2015) exactly as torch.optim.Adam computes it: g += λ p; m = β1 m + (1 − β1) g;
/// v = β2 v + (1 − β2) g²; p −= (lr / (1 − β1^t)) m / (√v / √(1 − β2^t) + ε).
/// </summary>
public sealed class Adam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8, double weightDecay = 0) : IOptimizer
{
    private double[][]? _m, _v;
    private int _t;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; } = learningRate;

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _m ??= [.. parameters.Select(p => new double[p.Value.Length])];
        _v ??= [.. parameters.Select(p => new double[p.Value.Length])];
        _t++;
        var c1 = 1 - Math.Pow(beta1, _t);
        var c2 = Math.Sqrt(1 - Math.Pow(beta2, _t));
        var stepSize = LearningRate / c1;
        for (var k = 0; k < parameters.Count; k++)
        {
            double[] p = parameters[k].Value, g = parameters[k].Gradient, m = _m[k], v = _v[k];
            for (var i = 0; i < p.Length; i++)
            {
                var gi = g[i] + (weightDecay * p[i]);
                m[i] = (beta1 * m[i]) + ((1 - beta1) * gi);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * gi * gi);
                p[i] -= stepSize * m[i] / ((Math.Sqrt(v[i]) / c2) + epsilon);
            }
        }
    }
}
