using System.Diagnostics;
using System.Globalization;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Netlist;
using Neuromorph.Experiments.Results;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Experiments.Netlist;

/// <summary>A netlist run as ngspice's binary raw file, and ngspice reading it back.</summary>
public sealed class RawPlotsTests : IDisposable
{
    private const string Rc = "rc charging\nv1 in 0 pulse(0 1 0 1n 1n 1 2) ac 1\nr1 in out 1k\nc1 out 0 1u\n.tran 10u 5m\n.ac dec 5 1 10k\n.dc v1 0 1 0.25\n.op\n.end\n";

    private readonly TempDirectory _dir = new("nm-raw");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Every_analysis_becomes_a_plot_with_its_scale_first_and_ac_complex()
    {
        var result = Run(Rc);
        var plots = RawPlots.Of(result.Analyses.Select(a => a.Output)).ToList();
        Assert.Equal(["Transient Analysis", "AC Analysis", "DC transfer characteristic", "Operating Point"], plots.Select(p => p.Name));
        Assert.Equal(["time:time", "v(in):voltage", "v(out):voltage", "i(v1):current"], plots[0].Variables.Select(v => $"{v.Name}:{v.Type}"));
        Assert.Equal(["frequency:frequency", "v(in):voltage", "v(out):voltage"], plots[1].Variables.Select(v => $"{v.Name}:{v.Type}"));
        Assert.Equal(["v(v-sweep):voltage", "v(in):voltage", "v(out):voltage", "i(v1):current"], plots[2].Variables.Select(v => $"{v.Name}:{v.Type}"));
        Assert.Equal(["v(in):voltage", "v(out):voltage", "i(v1):current"], plots[3].Variables.Select(v => $"{v.Name}:{v.Type}"));
        Assert.False(plots[0].Complex);
        Assert.True(plots[1].Complex);

        // v(out) of the RC low-pass rebuilt from vm and vp: 1 / (1 + j w RC)
        var ac = plots[1];
        for (var i = 0; i < ac.Points; i++)
        {
            var w = 2 * Math.PI * ac.Real[0][i] * 1e-3;
            Assert.Equal(1 / (1 + (w * w)), ac.Real[2][i], 1e-9);
            Assert.Equal(-w / (1 + (w * w)), ac.Imaginary![2][i], 1e-9);
        }
    }

    [Trait("Category", "peer")]
    [SkippableFact]
    public void Ngspice_loads_the_raw_file_and_reads_our_values()
    {
        Requires.Ngspice();
        var result = Run(Rc);
        var raw = ResultWriter.Write(RawPlots.File(result, "rc.raw", DateTime.Now), _dir);
        var tran = result.Analyses[0].Table;
        var loaded = Load(raw, "tran1", "v(in) v(out)");
        Assert.Equal(tran.Rows, loaded.Count);
        for (var i = 0; i < tran.Rows; i++)
        {
            Close(tran.Column("time")[i], loaded[i][0]);
            Close(tran.Column("v(in)")[i], loaded[i][1]);
            Close(tran.Column("v(out)")[i], loaded[i][3]);
        }

        // the .ac plot is complex: wrdata writes frequency, then real and imaginary parts
        var ac = RawPlots.Of(result.Analyses[1].Output.Runs[0].Result);
        var acLoaded = Load(raw, "ac1", "v(out)");
        Assert.Equal(ac.Points, acLoaded.Count);
        for (var i = 0; i < ac.Points; i++)
        {
            Close(ac.Real[0][i], acLoaded[i][0]);
            Close(ac.Real[2][i], acLoaded[i][1]);
            Close(ac.Imaginary![2][i], acLoaded[i][2]);
        }
    }

    private static void Close(double ours, double theirs) =>
        Assert.True(Math.Abs(ours - theirs) <= 1e-12 * Math.Max(Math.Abs(ours), 1e-300), $"ours {ours:R}, ngspice read {theirs:R}");

    /// <summary>ngspice's <c>load</c> of <paramref name="raw"/>, then wrdata of <paramref name="vectors"/> in <paramref name="plot"/>, rows of numbers.</summary>
    private List<double[]> Load(string raw, string plot, string vectors)
    {
        var data = Path.Combine(_dir, $"{plot}.txt");
        var deck = $"* load\n.control\nset numdgt=17\nload {raw}\nsetplot {plot}\nwrdata {data} {vectors}\n.endc\n.end\n";
        File.WriteAllText(Path.Combine(_dir, "load.sp"), deck);
        using var p = Process.Start(new ProcessStartInfo("ngspice", ["-b", "load.sp"]) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "ngspice did not finish in 60 s");
        Assert.True(File.Exists(data), $"ngspice wrote no data: {output.Result}\n{error.Result}");
        return [.. File.ReadAllLines(data).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray())];
    }

    private NetlistResult Run(string deck)
    {
        var path = Path.Combine(_dir, "rc.cir");
        File.WriteAllText(path, deck);
        return NetlistExperiment.Run(new NetlistSpec(path), new ExperimentContext(null, TextWriter.Null));
    }
}
