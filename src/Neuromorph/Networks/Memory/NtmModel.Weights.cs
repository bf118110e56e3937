using Neuromorph.Compute;
using Neuromorph.Networks.Sequence;

namespace Neuromorph.Networks.Memory;

public sealed partial class NtmModel
{
    private IWeightSubstrate? _ih, _hh, _write, _read, _output;

    /// <summary>True while the weight matrices are bound to substrates (<see cref="BindWeights"/>).</summary>
    public bool IsBound => _ih is not null;

    /// <summary>
    /// Binds every weight matrix (controller W_ih and W_hh, the write and read heads, the output layer; the heads only
    /// with memory) to the substrate <paramref name="factory"/> makes from it, in <see cref="Parameters"/> order, so
    /// <see cref="Forward"/> computes their products on it (crossbars for inference); null binds the ideal weights
    /// again. Biases, gates, addressing and the memory stay exact. <see cref="Backward"/> always uses the ideal
    /// weights, so a bound model is for inference.
    /// </summary>
    public void BindWeights(Func<Parameter, IWeightSubstrate>? factory)
    {
        if (factory is null)
        {
            (_ih, _hh, _write, _read, _output) = (null, null, null, null, null);
            return;
        }

        _ih = factory(WeightIh);
        _hh = factory(WeightHh);
        _write = Spec.HasMemory ? factory(WriteWeight) : null;
        _read = Spec.HasMemory ? factory(ReadWeight) : null;
        _output = factory(OutputWeight);
        foreach (var (p, s) in new[] { (WeightIh, _ih), (WeightHh, _hh), (WriteWeight, _write), (ReadWeight, _read), (OutputWeight, _output) })
        {
            if (s is not null && (s.Rows != p.Rows || s.Columns != p.Columns))
            {
                throw new ArgumentException($"the substrate for {p.Name} is {s.Rows} × {s.Columns}, the matrix {p.Rows} × {p.Columns}", nameof(factory));
            }
        }
    }

    /// <summary>out = W v + b through the bound substrate, or exactly when unbound.</summary>
    private static void Affine(IWeightSubstrate? substrate, double[] weight, ReadOnlySpan<double> v, double[] bias, Span<double> output)
    {
        if (substrate is null)
        {
            Affine(weight, v, bias, output);
            return;
        }

        substrate.Multiply(v, output, 1);
        for (var k = 0; k < output.Length; k++)
        {
            output[k] += bias[k];
        }
    }

    /// <summary>out += W v through the bound substrate, or exactly when unbound.</summary>
    private static void AddProduct(IWeightSubstrate? substrate, double[] weight, ReadOnlySpan<double> v, Span<double> output)
    {
        if (substrate is null)
        {
            AddProduct(weight, v, output);
            return;
        }

        var product = new double[output.Length];
        substrate.Multiply(v, product, 1);
        for (var k = 0; k < output.Length; k++)
        {
            output[k] += product[k];
        }
    }
}
