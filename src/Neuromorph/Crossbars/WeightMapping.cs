using Neuromorph.Diagnostics;

namespace Neuromorph.Crossbars;

/// <summary>How signed weights are carried by non-negative conductances.</summary>
public enum MappingScheme
{
    /// <summary>Two columns per output: G+ carries positive weights, G- negative; output = I+ - I-.</summary>
    Differential,

    /// <summary>One column per output plus one reference column at the middle conductance; output = I - I_ref.</summary>
    Offset,
}

/// <summary>
/// Maps a signed weight matrix W (rows = inputs, columns = outputs) onto conductances in [gMin, gMax] and reads the
/// products back in weight units: y = W^T x is recovered as (column currents combined) / scale with x in volts.
/// </summary>
public sealed class WeightMapping
{
    /// <summary>Creates the mapping for weights whose largest magnitude is <paramref name="wMax"/>.</summary>
    public WeightMapping(MappingScheme scheme, double gMin, double gMax, double wMax, int outputs)
    {
        if (!(gMin >= 0) || !(gMax > gMin))
        {
            throw new UserInputException($"g_min must be >= 0 and below g_max (got g_min = {gMin}, g_max = {gMax})");
        }

        Scheme = scheme;
        GMin = gMin;
        GMax = gMax;
        WMax = wMax > 0 ? wMax : 1;
        Outputs = outputs;
    }

    /// <summary>The scheme.</summary>
    public MappingScheme Scheme { get; }

    /// <summary>Lowest conductance, siemens.</summary>
    public double GMin { get; }

    /// <summary>Highest conductance, siemens.</summary>
    public double GMax { get; }

    /// <summary>Weight magnitude mapped to the full conductance range.</summary>
    public double WMax { get; }

    /// <summary>Number of logical outputs.</summary>
    public int Outputs { get; }

    /// <summary>Siemens per unit weight.</summary>
    public double Scale => Scheme == MappingScheme.Differential ? (GMax - GMin) / WMax : (GMax - GMin) / (2 * WMax);

    /// <summary>Target conductances: rows × (2 × outputs) for differential, rows × (outputs + 1) for offset.</summary>
    public double[,] Map(double[,] w)
    {
        ArgumentNullException.ThrowIfNull(w);
        int m = w.GetLength(0), n = w.GetLength(1);
        var g = new double[m, Scheme == MappingScheme.Differential ? 2 * n : n + 1];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var x = Math.Clamp(w[i, j], -WMax, WMax);
                if (Scheme == MappingScheme.Differential)
                {
                    g[i, 2 * j] = GMin + (Scale * Math.Max(x, 0));
                    g[i, (2 * j) + 1] = GMin + (Scale * Math.Max(-x, 0));
                }
                else
                {
                    g[i, j] = GMin + (Scale * (x + WMax));
                }
            }

            if (Scheme == MappingScheme.Offset)
            {
                g[i, n] = GMin + (Scale * WMax);
            }
        }

        return g;
    }

    /// <summary>How many weights of <paramref name="w"/> exceed <see cref="WMax"/> in magnitude (<see cref="Map"/> clips them to ±WMax).</summary>
    public int CountClipped(double[,] w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return w.Cast<double>().Count(x => Math.Abs(x) > WMax);
    }

    /// <summary>Combines column currents (amperes) into outputs in weight × volt units.</summary>
    public void Combine(ReadOnlySpan<double> columnCurrents, Span<double> outputs)
    {
        for (var j = 0; j < Outputs; j++)
        {
            outputs[j] = Scheme == MappingScheme.Differential
                ? (columnCurrents[2 * j] - columnCurrents[(2 * j) + 1]) / Scale
                : (columnCurrents[j] - columnCurrents[Outputs]) / Scale;
        }
    }
}
