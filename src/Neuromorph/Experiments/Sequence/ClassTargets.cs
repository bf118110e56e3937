using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Experiments.Sequence;

/// <summary>Checks, before training, that a task's targets are what cross-entropy needs: one column of class indices 0 .. classes − 1.</summary>
public static class ClassTargets
{
    /// <summary>Throws at <paramref name="at"/> (the loss key) when the data's targets are not class indices in [0, <paramref name="classes"/>).</summary>
    public static void Check(TaskData data, int classes, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Train.TargetSize != 1)
        {
            throw new UserInputException(at, $"cross-entropy needs one target column (the class index), the data has {data.Train.TargetSize} ({string.Join(", ", data.TargetNames)})",
                "name one target column whose values are 0, 1, ..., classes - 1");
        }

        if (classes < 2)
        {
            throw new UserInputException(at, $"cross-entropy needs a model with at least 2 outputs (one per class), this one has {classes}", "use loss: mse for a model with one output");
        }

        foreach (var set in new[] { data.Train, data.Test })
        {
            foreach (var v in set.Targets)
            {
                if (v >= 0 && v < classes && v == Math.Floor(v))
                {
                    continue;
                }

                var hint = v >= classes && v == Math.Floor(v) && v < 1 << 20
                    ? string.Create(CultureInfo.InvariantCulture, $"set classes: {v + 1} in the model section (classes are numbered from 0)")
                    : "class indices are whole numbers 0, 1, ..., classes - 1; use loss: mse for real-valued targets";
                throw new UserInputException(at, string.Create(CultureInfo.InvariantCulture, $"cross-entropy needs class indices in [0, {classes}) as targets; column '{data.TargetNames[0]}' holds {v:G6}"), hint);
            }
        }
    }
}
