using Neuromorph.Circuits.Analyses;
using Neuromorph.Io;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// An .ac run as a complex raw plot: frequency, then each complex quantity rebuilt from the printed parts (magnitude and
/// phase in radians, or real and imaginary); a column without its partner is written as it is, imaginary part zero.
/// </summary>
internal static class AcPlot
{
    public static RawPlot Of(AnalysisResult r)
    {
        var byHeader = r.Columns.GroupBy(c => c.Header, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Values, StringComparer.OrdinalIgnoreCase);
        var variables = new List<RawVariable> { new("frequency", "frequency") };
        var re = new List<IReadOnlyList<double>> { r.Independent };
        var zero = new double[r.Independent.Length];
        var im = new List<IReadOnlyList<double>> { zero };
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in r.Columns)
        {
            if (done.Contains(c.Header))
            {
                continue;
            }

            if (Pair(c.Header) is { } p && byHeader.TryGetValue(p.Partner, out var partner))
            {
                var (first, second) = p.First ? (c.Values, partner) : (partner, c.Values);
                var (x, y) = p.Polar
                    ? (first.Select((m, i) => m * Math.Cos(second[i])).ToArray(), first.Select((m, i) => m * Math.Sin(second[i])).ToArray())
                    : (first, second);
                variables.Add(new RawVariable(p.Name, RawVariable.TypeOf(p.Name)));
                re.Add(x);
                im.Add(y);
                done.Add(p.Partner);
            }
            else
            {
                variables.Add(new RawVariable(c.Header, RawVariable.TypeOf(c.Header)));
                re.Add(c.Values);
                im.Add(zero);
            }

            done.Add(c.Header);
        }

        return new RawPlot("AC Analysis", variables, re, im);
    }

    /// <summary>For <c>vm(x)</c>: name <c>v(x)</c>, partner <c>vp(x)</c>, polar, this one first (magnitude or real part); null for a column of no pair.</summary>
    private static (string Name, string Partner, bool Polar, bool First)? Pair(string header)
    {
        var h = header.ToLowerInvariant();
        if (h.Length < 4 || h[0] is not ('v' or 'i') || h[2] != '(')
        {
            return null;
        }

        var (q, part, rest) = (h[0], h[1], h[2..]);
        return part switch
        {
            'm' => ($"{q}{rest}", $"{q}p{rest}", true, true),
            'p' => ($"{q}{rest}", $"{q}m{rest}", true, false),
            'r' => ($"{q}{rest}", $"{q}i{rest}", false, true),
            'i' => ($"{q}{rest}", $"{q}r{rest}", false, false),
            _ => null,
        };
    }
}
