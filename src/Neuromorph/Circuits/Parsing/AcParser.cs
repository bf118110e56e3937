using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Diagnostics;

namespace Neuromorph.Circuits.Parsing;

/// <summary>Reads <c>.ac dec|oct|lin n fstart fstop</c>.</summary>
public static class AcParser
{
    /// <summary>The usage line.</summary>
    public const string Usage = ".ac dec|oct|lin points fstart fstop";

    /// <summary>Parses the line (a dot-command or a control-block <c>ac</c>).</summary>
    public static AcCard Parse(NetlistLine line, ParameterScope scope)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(scope);
        var r = new LineReader(line, Usage);
        var kind = r.Next("dec, oct or lin");
        var spacing = kind.Text switch
        {
            "dec" => AcSpacing.Decade,
            "oct" => AcSpacing.Octave,
            "lin" => AcSpacing.Linear,
            _ => throw new UserInputException(kind.Location, $"unknown .ac sweep '{kind.Text}'", "use dec (points per decade), oct (per octave) or lin (total points)"),
        };
        var pointsToken = r.Next("number of points");
        var points = scope.Evaluate(pointsToken);
        double start = scope.Evaluate(r.Next("start frequency")), stop = scope.Evaluate(r.Next("stop frequency"));
        r.End();
        if (points < 1 || points != Math.Floor(points))
        {
            throw new UserInputException(pointsToken.Location, $".ac needs a whole number of points >= 1, got {points}", $"expected: {Usage}");
        }

        // ngspice-39 sweeps lin from 0 Hz (tests/regression/misc/ac-zero.cir: ac lin 1 0Hz 0Hz), and refuses dec/oct from 0 ("AC startfreq <= 0")
        if (spacing == AcSpacing.Linear && start == 0 && stop >= 0)
        {
            return new AcCard(spacing, (int)points, start, stop, line.Location);
        }

        if (!(start > 0) || stop < start)
        {
            throw new UserInputException(line.Location, $".ac needs 0 < fstart <= fstop (got {start}, {stop})", start > 0 && stop > 0 ? "an .ac sweep always runs up in frequency: swap fstart and fstop" : "e.g. .ac dec 10 1 1meg; only a lin sweep may start at 0 Hz, as in ngspice");
        }

        return new AcCard(spacing, (int)points, start, stop, line.Location);
    }
}
