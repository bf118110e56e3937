using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Experiments.Results;
using Neuromorph.Io;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// A netlist run as ngspice's binary raw file: one plot per analysis and per .step run, holding the scale (time, the
/// swept source, frequency; none for .op) and the printed columns under their .print names. An .ac plot is complex:
/// a magnitude/phase pair (<c>vm(x)</c>, <c>vp(x)</c>, phase in radians) or a real/imaginary pair (<c>vr(x)</c>,
/// <c>vi(x)</c>) becomes one complex <c>v(x)</c> (currents alike); any other .ac column keeps its name and real value
/// with a zero imaginary part.
/// </summary>
public static class RawPlots
{
    /// <summary>The raw file of <paramref name="result"/> at <paramref name="name"/> (relative to the output folder, or absolute), dated <paramref name="date"/>.</summary>
    public static ResultBinary File(NetlistResult result, string name, DateTime date)
    {
        ArgumentNullException.ThrowIfNull(result);
        var plots = Of(result.Analyses.Select(a => a.Output)).ToList();
        var title = result.Title;
        var stamp = SpiceRawFile.Date(date);
        return new ResultBinary(name, s => SpiceRawFile.Write(s, title, stamp, plots));
    }

    /// <summary>One plot per analysis and per .step run, in order.</summary>
    public static IEnumerable<RawPlot> Of(IEnumerable<AnalysisOutput> analyses)
    {
        ArgumentNullException.ThrowIfNull(analyses);
        return analyses.SelectMany(a => a.Runs.Select(r => Of(r.Result)));
    }

    /// <summary>The plot of one analysis run.</summary>
    public static RawPlot Of(AnalysisResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var columns = r.Columns.Select(c => (c.Header, Values: (IReadOnlyList<double>)c.Values)).ToList();
        return r.Kind switch
        {
            "op" => Real("Operating Point", columns),
            "tf" => Real("Transfer Function", columns),
            "sens" => Real("Sensitivity Analysis", columns),
            "tran" => Real("Transient Analysis", [("time", r.Independent), .. columns], scaleType: "time"),
            "dc" => Real("DC transfer characteristic", [(SweepName(r.IndependentName), r.Independent), .. columns], SweepType(r.IndependentName)),
            "ac" => AcPlot.Of(r),
            _ => Real(r.Kind, r.Independent.Length > 0 ? [(r.IndependentName, r.Independent), .. columns] : columns),
        };
    }

    private static RawPlot Real(string name, IReadOnlyList<(string Header, IReadOnlyList<double> Values)> columns, string? scaleType = null) =>
        new(name, [.. columns.Select((c, k) => new RawVariable(c.Header, k == 0 && scaleType is not null ? scaleType : RawVariable.TypeOf(c.Header)))], [.. columns.Select(c => c.Values)]);

    // ngspice names the scale of a source sweep v(v-sweep) or i(i-sweep); anything else keeps its own name
    private static string SweepName(string source) => char.ToLowerInvariant(source.FirstOrDefault()) switch
    {
        'v' => "v(v-sweep)",
        'i' => "i(i-sweep)",
        _ => source,
    };

    private static string SweepType(string source) => char.ToLowerInvariant(source.FirstOrDefault()) switch
    {
        'v' => "voltage",
        'i' => "current",
        _ => "notype",
    };
}
