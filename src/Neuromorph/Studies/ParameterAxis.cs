using Neuromorph.Diagnostics;

namespace Neuromorph.Studies;

/// <summary>
/// One varied parameter of a study: its key (a <c>.param</c> name for a netlist base, a dotted key
/// path for a YAML base) and the values it takes, already expanded from list/linspace/logspace/range.
/// For random and Latin-hypercube sampling, <see cref="Low"/>/<see cref="High"/> bound the draws and
/// <see cref="Logarithmic"/> says whether to draw uniformly in log space.
/// </summary>
public sealed record ParameterAxis(string Key, IReadOnlyList<double> Values, double Low, double High, bool Logarithmic)
{
    /// <summary>Where the parameter is declared in the study file.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Evenly spaced values from <paramref name="start"/> to <paramref name="stop"/> inclusive.</summary>
    public static double[] Linspace(double start, double stop, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count == 1)
        {
            return [start];
        }

        var v = new double[count];
        for (var i = 0; i < count; i++)
        {
            v[i] = start + ((stop - start) * i / (count - 1));
        }

        v[count - 1] = stop;
        return v;
    }

    /// <summary>Values evenly spaced in log10 from <paramref name="start"/> to <paramref name="stop"/> inclusive (both &gt; 0).</summary>
    public static double[] Logspace(double start, double stop, int count)
    {
        if (start <= 0 || stop <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "logspace bounds must be positive");
        }

        var exps = Linspace(Math.Log10(start), Math.Log10(stop), count);
        var v = exps.Select(e => Math.Pow(10, e)).ToArray();
        v[0] = start;
        v[^1] = stop;
        return v;
    }

    /// <summary>SPICE <c>.step</c>-style range: start, start+step, ... up to and including stop (within rounding).</summary>
    public static double[] Range(double start, double stop, double step)
    {
        if (step == 0 || Math.Sign(stop - start) * Math.Sign(step) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), "step must move from start towards stop");
        }

        var n = (int)Math.Floor(((stop - start) / step) + 1e-9) + 1;
        var v = new double[n];
        for (var i = 0; i < n; i++)
        {
            v[i] = start + (i * step);
        }

        return v;
    }
}
