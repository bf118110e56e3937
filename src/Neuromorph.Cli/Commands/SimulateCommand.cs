using System.CommandLine;
using System.Diagnostics;
using Neuromorph.Circuits.Engine;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Diagnostics;
using Neuromorph.Io;

namespace Neuromorph.Cli.Commands;

/// <summary><c>neuromorph simulate FILE.cir [-o DIR] [--plot "Y vs X"]</c>: runs a SPICE netlist's analyses and writes CSV and SVG.</summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("netlist") { Description = "SPICE netlist (.cir); Xyce and ngspice memristor syntax both work" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "output directory (default: named after the netlist)" };
        var engine = new Option<string>("--engine") { Description = "mna (full circuit, default) or ctd (reduced Caravelli-Traversa-Di Ventra equation for LEVEL=7 memristor networks)", DefaultValueFactory = _ => "mna" };
        engine.AcceptOnlyFromAmong("mna", "ctd");
        var plots = new Option<string[]>("--plot") { Description = "extra plot \"Y vs X\" from .print columns, e.g. \"i(rs) vs v(in,mid)\" for an I-V loop (repeatable)", AllowMultipleArgumentsPerToken = false };
        var command = new Command("simulate", "Simulate a SPICE netlist (.op, .dc, .tran) and write CSV tables and SVG plots.") { file, output, plots, engine };
        var backend = new BackendOptions();
        backend.AddTo(command);
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            if (backend.Named(parse) is { } named && Kernels.Backends.AcceleratorCatalog.Parse(named).Name is not ("cpu" or "auto"))
            {
                throw new UserInputException(
                    $"--backend {named}: the circuit engines (MNA with sparse LU, CTD on sparse graphs) run on the CPU",
                    "drop --backend; accelerators serve 'run' (recall, dense CTD), 'sweep' and 'minimize --solver hopfield'");
            }

            if (backend.Named(parse) == "auto")
            {
                log.WriteLine("backend: auto: the circuit engines run on the CPU");
            }

            var path = parse.GetRequiredValue(file).FullName;
            var clock = Stopwatch.StartNew();
            var netlist = NetlistParser.ParseFile(path);
            foreach (var w in netlist.Warnings)
            {
                parse.InvocationConfiguration.Error.WriteLine(w.ToString());
            }

            var dir = parse.GetValue(output)?.FullName ?? Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(path));
            Directory.CreateDirectory(dir);
            var progress = new ConsoleProgress(parse.InvocationConfiguration.Error, "transient");
            if (netlist.Steps.Count > 0)
            {
                SteppedRun.Run(path, netlist, dir, log);
                log.WriteLine($"  total {clock.Elapsed.TotalSeconds:0.00} s");
                return CommandRunner.Success;
            }

            var results = parse.GetValue(engine) == "ctd" ? [Neuromorph.Dynamics.CtdNetlist.Run(netlist, progress)] : CircuitSimulator.Run(netlist, progress);
            log.WriteLine($"{netlist.Title}");
            foreach (var r in results)
            {
                var csv = Path.Combine(dir, $"{r.Kind}.csv");
                var headers = (r.Kind == "op" ? Array.Empty<string>() : [r.IndependentName]).Concat(r.Columns.Select(c => c.Header)).ToList();
                var columns = (r.Kind == "op" ? Array.Empty<double[]>() : [r.Independent]).Concat(r.Columns.Select(c => c.Values)).ToList<IReadOnlyList<double>>();
                CsvTable.Write(csv, headers, columns);
                var plotFiles = ResultPlots.Write(r, dir, parse.GetValue(plots) ?? []);
                var s = r.Statistics;
                log.WriteLine($"  {r.Kind,-4} {s.Points} points, {s.AcceptedSteps} steps accepted, {s.RejectedSteps} rejected, {s.NewtonIterations} Newton iterations, {s.Wall.TotalMilliseconds:0.0} ms");
                log.WriteLine($"       wrote {Rel(csv)}{string.Concat(plotFiles.Select(p => ", " + Rel(p)))}");
                if (r.Kind == "op")
                {
                    foreach (var c in r.Columns)
                    {
                        log.WriteLine($"       {c.Header} = {c.Values[0]:G6}");
                    }
                }
            }

            log.WriteLine($"  total {clock.Elapsed.TotalSeconds:0.00} s");
            return CommandRunner.Success;
        });
        return command;
    }

    private static string Rel(string p) => Path.GetRelativePath(Environment.CurrentDirectory, p);
}
