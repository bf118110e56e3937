using System.Globalization;

namespace Neuromorph.Tests.Support;

/// <summary>
/// Xyce's TEAM regression circuit and its output (shared reference data, xyce/memristorTEAM_test.cir and .prn): the
/// rows of the .prn (index, time, v(n1), v(n2), i(rptg), x, R) and the times where a waveform crosses a level (the
/// state's switching events), for every test that compares a TEAM transient with Xyce.
/// </summary>
public static class XyceTeamReference
{
    /// <summary>The reference folder; skips (or, in CI, fails) the test without the shared reference data.</summary>
    public static string Directory => Path.Combine(Requires.SharedReference(), "xyce");

    /// <summary>The netlist Xyce ran.</summary>
    public static string Netlist => Path.Combine(Directory, "memristorTEAM_test.cir");

    /// <summary>The data rows of Xyce's .prn.</summary>
    public static List<double[]> Rows() => [.. File.ReadAllLines(Netlist + ".prn").Skip(1).Where(l => char.IsDigit(l.TrimStart()[0]))
        .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray())];

    /// <summary>The times where <paramref name="x"/> crosses <paramref name="level"/>, linearly interpolated.</summary>
    public static List<double> Crossings(IReadOnlyList<double> t, IReadOnlyList<double> x, double level)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(x);
        var list = new List<double>();
        for (var i = 1; i < t.Count; i++)
        {
            if ((x[i - 1] - level) * (x[i] - level) < 0)
            {
                list.Add(t[i - 1] + ((t[i] - t[i - 1]) * (level - x[i - 1]) / (x[i] - x[i - 1])));
            }
        }

        return list;
    }
}
