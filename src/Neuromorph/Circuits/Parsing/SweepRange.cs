using System.Globalization;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>
/// Checks a linear sweep <c>start stop step</c> (.dc, .step): the step must be non-zero and its sign must match the
/// direction from start to stop. The error sits at the step and its hint names the step that would work.
/// </summary>
public static class SweepRange
{
    /// <summary>Throws a located <see cref="UserInputException"/> when <paramref name="step"/> cannot lead from start to stop.</summary>
    /// <param name="what">The sweep, for the message (e.g. <c>.dc sweep of v1</c>).</param>
    /// <param name="start">First value.</param>
    /// <param name="stop">Last value.</param>
    /// <param name="step">Increment.</param>
    /// <param name="stepToken">The step's token, where the error points.</param>
    public static void Check(string what, double start, double stop, double step, Token stepToken)
    {
        if (step == 0)
        {
            throw new UserInputException(stepToken.Location, $"{what}: the step is zero", start == stop ? "a single point needs a non-zero step too, e.g. 1" : $"use a step of the sign of stop - start, e.g. {Format((stop - start) / 10)}");
        }

        if (Math.Sign(stop - start) * Math.Sign(step) < 0)
        {
            var direction = stop > start ? "up" : "down";
            var sign = stop > start ? "positive" : "negative";
            throw new UserInputException(stepToken.Location, $"{what}: step {Format(step)} does not lead from {Format(start)} to {Format(stop)}",
                $"the sign of the step must match the direction of the sweep ({direction} from start to stop): use a {sign} step ({Format(-step)}), or swap start and stop");
        }
    }

    private static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
