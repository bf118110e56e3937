namespace Neuromorph.Networks.Sequence.Training;

/// <summary>Global gradient-norm clipping as torch.nn.utils.clip_grad_norm_ does it.</summary>
public static class GradientClipping
{
    /// <summary>The L2 norm of all gradients together.</summary>
    public static double Norm(IReadOnlyList<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var s = 0.0;
        foreach (var p in parameters)
        {
            var n = System.Numerics.Tensors.TensorPrimitives.Norm<double>(p.Gradient);
            s += n * n;
        }

        return Math.Sqrt(s);
    }

    /// <summary>Scales every gradient by max_norm / (norm + 1e-6) when that is below 1; returns the norm before clipping.</summary>
    public static double Clip(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        var norm = Norm(parameters);
        var coefficient = maxNorm / (norm + 1e-6);
        if (maxNorm > 0 && coefficient < 1)
        {
            foreach (var p in parameters)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(p.Gradient, coefficient, p.Gradient);
            }
        }

        return norm;
    }
}
