using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.NetlistModel;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Circuits.Syntax;
using Neuromorph.Circuits.Simulation;
using Neuromorph.Diagnostics;
using Neuromorph.Dynamics;
using Neuromorph.Io;
using Neuromorph.Units;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph simulate FILE.cir [-o DIR] [--plot "Y vs X"] [--engine mna|ctd]</c>: runs a SPICE netlist through
/// <see cref="NetlistSimulation"/> and writes one CSV per analysis (tran.csv, tran2.csv ...), measure.csv, the
/// control block's wrdata files, and plots (PNG and/or SVG, <c>--plot-format</c>).
/// </summary>
public static class SimulateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var file = new Argument<FileInfo>("netlist") { Description = "SPICE netlist (.cir); Xyce and ngspice syntax both work" };
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "output directory (default: named after the netlist)" };
        var engine = new Option<string>("--engine") { Description = "mna (full circuit, default) or ctd (reduced Caravelli-Traversa-Di Ventra equation for LEVEL=7 memristor networks)", DefaultValueFactory = _ => "mna" };
        engine.AcceptOnlyFromAmong("mna", "ctd");
        var plots = new Option<string[]>("--plot") { Description = "extra plot \"Y vs X\" from .print columns, e.g. \"i(rs) vs v(in,mid)\" for an I-V loop (repeatable; one series per .step)", AllowMultipleArgumentsPerToken = false };
        var maxPoints = new Option<int>("--max-points") { Description = "write at most N rows per analysis CSV, evenly spaced (0: every point)", DefaultValueFactory = _ => 0 };
        var command = new Command("simulate", "Simulate a SPICE netlist (.op, .dc, .tran, .ac, .measure, .step) and write CSV tables and plots.") { file, output, plots, engine, maxPoints };
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        var backend = new BackendOptions();
        backend.AddTo(command);
        var overwrite = new OverwriteOption();
        overwrite.AddTo(command);
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            var err = parse.InvocationConfiguration.Error;
            var rowLimit = parse.GetValue(maxPoints);
            if (rowLimit is < 0 or 1)
            {
                throw new UserInputException($"--max-points must be 0 (every point) or at least 2, got {rowLimit}", "e.g. --max-points 10000");
            }

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
            var requests = (parse.GetValue(plots) ?? []).Select(PlotRequest.Parse).ToList();
            var figures = plotFormat.Writer(parse);
            // the output folder is checked now and created only once the netlist has been read and simulated
            var folder = RunFolder.Claim(parse, parse.GetValue(output)?.FullName, Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(path)), overwrite.Given(parse), path);
            var dir = folder.Directory;
            return folder.Guard(() =>
            {
                var progress = new ConsoleProgress(err, "transient");
                NetlistEngine? chosen = parse.GetValue(engine) == "ctd" ? (n, p, _) => [CtdNetlist.Run(n, p)] : null;
                var warned = new HashSet<string>(StringComparer.Ordinal);
                void BeforeSimulating(Netlist netlist)
                {
                    // the title goes out before the transient's progress lines (one pipe for both streams keeps the order)
                    log.WriteLine($"{netlist.Title}");
                    log.Flush();
                    if (requests.Count > 0)
                    {
                        // a misspelt column is reported before the simulation runs, at the .print line it is missing from
                        PlotRequest.Validate(requests, netlist);
                    }

                    foreach (var t in OutputSize.Estimate(netlist))
                    {
                        var rows = rowLimit > 0 ? Math.Min(t.Rows, rowLimit) : t.Rows;
                        if (CsvTable.EstimateBytes(rows, t.Columns) > LargeOutput)
                        {
                            warned.Add(t.Name);
                            err.WriteLine(LargeTableWarning($"{t.Name}.csv", rows, t.Columns, t.Name.StartsWith("tran", StringComparison.Ordinal) ? "at least" : "about"));
                        }
                    }
                }

                var report = NetlistSimulation.Run(path, chosen, progress, Interruption.Requested, BeforeSimulating);
                folder.Begin();
                foreach (var w in report.Netlist.Warnings)
                {
                    err.WriteLine(w.ToString());
                }

                foreach (var a in report.Analyses)
                {
                    var csv = Path.Combine(dir, $"{a.Name}.csv");
                    // the plots render while the table is written
                    var plotting = figures.Enabled ? Task.Run(() => figures.Write(ResultPlots.Figures(a, requests), dir)) : Task.FromResult<IReadOnlyList<string>>([]);
                    var (headers, columns) = a.Table();
                    columns = LimitRows(columns, rowLimit);
                    var rows = columns.Count == 0 ? 0 : columns[0].Count;
                    if (!warned.Contains(a.Name) && CsvTable.EstimateBytes(rows, columns.Count) > LargeOutput)
                    {
                        // the estimate before the run was too low (the time step control took many more steps)
                        err.WriteLine(LargeTableWarning(Path.GetFileName(csv), rows, columns.Count, "about"));
                    }

                    CsvTable.Write(csv, headers, columns, new ConsoleProgress(err, $"writing {Path.GetFileName(csv)}"), Interruption.Requested);
                    var plotFiles = plotting.GetAwaiter().GetResult();
                    var s = a.Runs[0].Result.Statistics;
                    log.WriteLine(report.Stepped
                        ? $"  {a.Name,-5} {a.Runs.Count} steps, {a.Runs.Sum(r => r.Result.Statistics.Points)} points"
                        : $"  {a.Name,-5} {s.Points} points, {s.AcceptedSteps} steps accepted, {s.RejectedSteps} rejected, {s.NewtonIterations} Newton iterations, {s.Wall.TotalMilliseconds:0.0} ms");
                    log.WriteLine($"        wrote {Rel(csv)}{string.Concat(plotFiles.Select(p => ", " + Rel(p)))}");
                    if (a.Kind == "op" && !report.Stepped)
                    {
                        foreach (var c in a.Runs[0].Result.Columns)
                        {
                            log.WriteLine($"        {c.Header} = {c.Values[0]:G6}");
                        }
                    }
                }

                WriteMeasures(report, dir, log, err);
                foreach (var c in report.ControlOutputs)
                {
                    var text = ControlOutputText.Format(c);
                    if (c.Output.File is { } name)
                    {
                        var target = Path.Combine(dir, name);
                        AtomicFile.WriteAllText(target, text);
                        log.WriteLine($"  wrdata wrote {Rel(target)}");
                    }
                    else
                    {
                        log.Write(text);
                    }
                }

                log.WriteLine($"  total {DurationText.Format(clock.Elapsed.TotalSeconds)}");
                return CommandRunner.Success;
            });
        });
        return command;
    }

    private static void WriteMeasures(SimulationReport report, string dir, TextWriter log, TextWriter err)
    {
        if (report.Netlist.Measures.Count == 0)
        {
            return;
        }

        var names = report.Netlist.Steps.Select(s => s.Parameter).ToList();
        var headers = names.Concat(report.Measures[0].Values.Select(v => v.Name)).ToList();
        var columns = headers.Select(_ => new List<double>()).ToList();
        foreach (var run in report.Measures)
        {
            var k = 0;
            foreach (var n in names)
            {
                columns[k++].Add(run.Step[n]);
            }

            foreach (var v in run.Values)
            {
                columns[k++].Add(v.Value);
                var at = names.Count == 0 ? "" : $" ({string.Join(", ", names.Select(n => $"{n} = {run.Step[n]:G4}"))})";
                if (v.Succeeded)
                {
                    log.WriteLine($"  {v.Name} = {v.Value.ToString("G8", CultureInfo.InvariantCulture)}{at}");
                }
                else
                {
                    err.WriteLine(Diagnostic.Warning(v.Location, $".measure {v.Name} failed{at}: {v.Failure}").ToString());
                }
            }
        }

        var csv = Path.Combine(dir, "measure.csv");
        CsvTable.Write(csv, headers, columns.Select(c => (IReadOnlyList<double>)c).ToList());
        log.WriteLine($"  wrote {Rel(csv)}");
    }

    private static string LargeTableWarning(string file, long rows, int columns, string qualifier) =>
        string.Create(CultureInfo.InvariantCulture, $"neuromorph: warning: {file} will take {qualifier} {CsvTable.EstimateBytes(rows, columns) / 1e6:0} MB ({rows} rows x {columns} columns); '.print' fewer vectors or use --max-points to write less");

    private static string Rel(string p) => Path.GetRelativePath(Environment.CurrentDirectory, p);

    /// <summary>Above this many bytes a CSV is announced before it is written.</summary>
    private const long LargeOutput = 100_000_000;

    private static IReadOnlyList<IReadOnlyList<double>> LimitRows(IReadOnlyList<IReadOnlyList<double>> columns, int maxRows) =>
        maxRows == 0 || columns.Count == 0 || columns[0].Count <= maxRows ? columns : CsvTable.SelectRows(columns, CsvTable.EvenlySpacedRows(columns[0].Count, maxRows));
}
