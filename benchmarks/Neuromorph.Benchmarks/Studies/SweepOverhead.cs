using System.Diagnostics;
using Neuromorph.Io.Yaml;
using Neuromorph.Studies;

namespace Neuromorph.Benchmarks.Studies;

/// <summary>
/// Runner overhead per study point, excluding the physics: a 10^4-point grid whose evaluator returns at once, with
/// the real results store (one flushed, fsynced line per run). Run: dotnet run -c Release --project benchmarks/Neuromorph.Benchmarks -- sweep-overhead
/// </summary>
public static class SweepOverhead
{
    /// <summary>Runs the measurement and prints the result.</summary>
    public static void Run()
    {
        var dir = Directory.CreateTempSubdirectory("nm-overhead").FullName;
        File.WriteAllText(Path.Combine(dir, "base.cir"), "t\nr1 a 0 1\n.end\n");
        var text = "base: { netlist: base.cir }\nparameters:\n  - { name: a, linspace: [0, 1, 100] }\n  - { name: b, linspace: [0, 1, 100] }\nmetrics: [ { name: m, final: v(a) } ]\n";
        File.WriteAllText(Path.Combine(dir, "s.yaml"), text);
        var spec = StudySpecReader.Read(YamlSection.LoadFile(Path.Combine(dir, "s.yaml")), text);
        foreach (var jobs in new[] { 1, 2 })
        {
            var outDir = Path.Combine(dir, $"out{jobs}");
            var clock = Stopwatch.StartNew();
            using (var store = ResultsStore.Open(outDir, spec, ShardSpec.All, resume: false))
            {
                StudyRunner.Run(spec, store, ShardSpec.All, (run, _) => new Dictionary<string, double> { ["m"] = run.Parameters["a"] * run.Parameters["b"] }, jobs);
            }

            var rows = ResultsStore.ReadRows(Path.Combine(outDir, "results.csv"), ResultsStore.Header(spec), ["a", "b"], ["m"]);
            File.WriteAllText(Path.Combine(outDir, "summary.csv"), SummaryTable.ToCsv(spec, rows));
            var perPoint = clock.Elapsed.TotalMilliseconds / 10_000;
            Console.WriteLine($"jobs={jobs}: 10000 points in {clock.Elapsed.TotalSeconds:0.00} s, {perPoint:0.000} ms per point (store, fsync, summary included)");
        }
    }
}
