using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks.Memory;

/// <summary>Backpropagation through the whole NTM (controller, both heads' addressing, erase/add writes, reads, output) against central finite differences, in float64.</summary>
public class NtmGradientTests
{
    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.05, true)]
    [InlineData(0.0, false)] // the memoryless LSTM baseline
    public void Gradients_of_every_parameter_match_central_differences(double readNoise, bool hasMemory)
    {
        // N = 8, W = 4, controller 6, copy sequence of length 3 (7 steps), 2 bits + delimiter
        var model = NtmModel.Create(new NtmModelSpec(3, 2, 6, 8, 4) { InitialMemory = 0.05, HasMemory = hasMemory }, 11);
        foreach (var p in model.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                p.Value[i] *= 2; // larger weights: sharper weightings, saturating gates
            }
        }

        var example = new CopyTask(2, 3, 3).Next(new RandomStream(5));
        double Loss()
        {
            model.NoiseStream = new RandomStream(9); // the same noise draws in every pass
            return CopyLoss.CrossEntropy(model.Forward(example.Inputs, example.Steps).Logits, example, default);
        }

        model.ReadNoise = readNoise;
        model.NoiseStream = new RandomStream(9);
        var trace = model.Forward(example.Inputs, example.Steps);
        var dLogits = new double[trace.Logits.Length];
        CopyLoss.CrossEntropy(trace.Logits, example, dLogits);
        model.ZeroGradients();
        model.Backward(trace, dLogits);
        // five-point stencil, h = 1e-4: truncation O(h⁴), round-off ~1e-12, so the 1e-6 relative bound holds
        // down to gradients of ~1e-6 (below 1e-4 the bound is on the absolute error, 1e-10)
        const double eps = 1e-4;
        var worst = 0.0;
        foreach (var p in model.Parameters)
        {
            for (var i = 0; i < p.Value.Length; i++)
            {
                var keep = p.Value[i];
                double At(double offset)
                {
                    p.Value[i] = keep + offset;
                    return Loss();
                }

                var numeric = ((8 * (At(eps) - At(-eps))) - (At(2 * eps) - At(-2 * eps))) / (12 * eps);
                p.Value[i] = keep;
                var error = Math.Abs(numeric - p.Gradient[i]) / Math.Max(Math.Max(Math.Abs(numeric), Math.Abs(p.Gradient[i])), 1e-4);
                worst = Math.Max(worst, error);
                Assert.True(error < 1e-6, $"{p.Name}[{i}]: backprop {p.Gradient[i]:G10}, finite difference {numeric:G10}, relative error {error:G3}");
            }
        }

        Assert.True(worst > 0, "no parameter was compared");
        Assert.Equal(hasMemory ? 9 : 5, model.Parameters.Count);
    }
}
