using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Memory.Training;

/// <summary>Bit errors of an NTM on held-out examples of a memory task (copy, associative recall) of one size (with the model's read noise, if any).</summary>
public static class CopyEvaluation
{
    /// <summary>Mean wrong bits per sequence over <paramref name="count"/> sequences of length <paramref name="length"/> drawn from <paramref name="seed"/>.</summary>
    public static double BitErrorsPerSequence(NtmModel model, IMemoryTask task, int length, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(task);
        var rng = new RandomStream(seed);
        double errors = 0;
        for (var k = 0; k < count; k++)
        {
            var example = task.Make(length, rng);
            errors += CopyLoss.BitErrors(model.Forward(example.Inputs, example.Steps).Outputs, example);
        }

        return errors / count;
    }
}
