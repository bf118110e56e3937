namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// Stochastic gradient descent with momentum exactly as torch.optim.SGD (dampening 0): g += λ p; b = g on the first
/// step, then b = μ b + g; p −= lr (g + μ b) with Nesterov momentum, else p −= lr b.
/// </summary>
public sealed class Sgd(double learningRate, double momentum = 0, double weightDecay = 0, bool nesterov = false) : IOptimizer
{
    private double[][]? _buffer;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; } = learningRate;

    /// <inheritdoc />
    public void Step(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var first = _buffer is null;
        _buffer ??= [.. parameters.Select(p => new double[p.Value.Length])];
        for (var k = 0; k < parameters.Count; k++)
        {
            double[] p = parameters[k].Value, g = parameters[k].Gradient, b = _buffer[k];
            for (var i = 0; i < p.Length; i++)
            {
                var gi = g[i] + (weightDecay * p[i]);
                if (momentum != 0)
                {
                    b[i] = first ? gi : (momentum * b[i]) + gi;
                    gi = nesterov ? gi + (momentum * b[i]) : b[i];
                }

                p[i] -= LearningRate * gi;
            }
        }
    }
}
