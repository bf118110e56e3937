using System.Diagnostics;
using System.Globalization;
using Neuromorph.Studies;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Peers;

/// <summary>Runs ngspice (Debian's package) in batch mode on a netlist and reads its results at full precision.</summary>
public static class Ngspice
{
    /// <summary>True when an ngspice executable is on the PATH.</summary>
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Reason used when skipping.</summary>
    public const string Missing = "ngspice is not installed (scripts/test.sh installs it with apt)";

    /// <summary>
    /// Runs <paramref name="netlist"/> (title line first, no .end) with a .control block that writes
    /// <paramref name="vectors"/> for the transient; returns time and one column per vector.
    /// </summary>
    public static (double[] Time, double[][] Columns) RunTransient(string netlist, params string[] vectors)
    {
        ArgumentNullException.ThrowIfNull(netlist);
        using var dir = new TempDirectory("nm-ngspice");
        var data = Path.Combine(dir, "out.txt");
        var deck = $"{netlist.TrimEnd()}\n.control\nset wr_singlescale\nset wr_vecnames\noption numdgt=15\nrun\nwrdata {data} {string.Join(" ", vectors)}\n.endc\n.end\n";
        File.WriteAllText(Path.Combine(dir, "deck.cir"), deck);
        var psi = new ProcessStartInfo("ngspice", ["-b", "deck.cir"]) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill();
            throw new TimeoutException("ngspice did not finish in 60 s");
        }

        if (!File.Exists(data))
        {
            throw new InvalidOperationException($"ngspice wrote no data: {stdout.Result}\n{stderr.Result}");
        }

        var rows = File.ReadAllLines(data).Skip(1).Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray()).ToList();
        var time = rows.Select(r => r[0]).ToArray();
        var cols = Enumerable.Range(1, vectors.Length).Select(k => rows.Select(r => r[k]).ToArray()).ToArray();
        return (time, cols);
    }

    /// <summary>Runs an operating point and returns the values of <paramref name="vectors"/> (16 significant digits).</summary>
    public static double[] RunOp(string netlist, params string[] vectors)
    {
        var (_, cols) = RunTransient(netlist.Replace("option numdgt=15", "", StringComparison.Ordinal), vectors);
        return [.. cols.Select(c => c[0])];
    }

    /// <summary>Runs <paramref name="deck"/> (a whole deck, .end included) with <c>ngspice -b</c>; returns what it printed (stdout, then stderr).</summary>
    public static string RunBatch(string deck)
    {
        ArgumentNullException.ThrowIfNull(deck);
        using var dir = new TempDirectory("nm-ngspice-batch");
        File.WriteAllText(Path.Combine(dir, "deck.cir"), deck);
        var psi = new ProcessStartInfo("ngspice", ["-b", "deck.cir"]) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill();
            throw new TimeoutException("ngspice did not finish in 60 s");
        }

        return stdout.Result + "\n" + stderr.Result;
    }

    /// <summary>The <c>name = value</c> lines of ngspice's output (first of each name, names lower case): meas results, <c>print</c> of scalars, .tf and .sens tables.</summary>
    public static Dictionary<string, double> Assignments(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in output.Split('\n'))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var name = line[..eq].Trim();
            var rest = line[(eq + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (name.Length > 0 && !name.Contains(' ', StringComparison.Ordinal) && rest.Length > 0
                && double.TryParse(rest[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                values.TryAdd(name, v);
            }
        }

        return values;
    }

    private static bool Probe()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("ngspice", ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            p!.WaitForExit(10_000);
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>Compares waveforms sampled at different times.</summary>
public static class WaveformComparison
{
    /// <summary>max |y(t_ref) - y_ref| / (max y_ref - min y_ref), with y linearly interpolated onto the reference times.</summary>
    public static double MaxErrorRelativeToRange(IReadOnlyList<double> refT, IReadOnlyList<double> refY, IReadOnlyList<double> t, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(refY);
        var range = refY.Max() - refY.Min();
        double worst = 0;
        for (var i = 0; i < refT.Count; i++)
        {
            worst = Math.Max(worst, Math.Abs(Interpolate(t, y, refT[i]) - refY[i]));
        }

        return worst / range;
    }

    /// <summary>Linear interpolation (clamped at the ends).</summary>
    public static double Interpolate(IReadOnlyList<double> t, IReadOnlyList<double> y, double at) =>
        WaveformMetrics.Interpolate(t, y, at);
}
