using System.CommandLine;
using System.Globalization;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph minimize PROBLEM</c>: solves Max-Cut (G-set), QUBO, Ising, Markowitz portfolio, SAT and weighted MAX-SAT
/// problems with Hopfield machines, annealing, memristive (CTD) dynamics, a digital memcomputing machine or WalkSAT, and
/// writes energy.csv, final.csv, solution.txt, summary.txt, states.csv/memory.csv (where recorded) and the pictures of
/// <see cref="MinimizeFigures"/> (energy per restart, histogram of final objectives, state raster, memory variables).
/// </summary>
public static class MinimizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var problem = new Argument<string>("problem") { Description = "problem file (G-set text, QUBO text or CSV, Ising text, DIMACS .cnf/.wcnf, portfolio or price CSV)" };
        var solver = new Option<string>("--solver") { Description = $"{string.Join(" | ", SolverCatalog.Names)} (default hopfield; walksat solves CNF only)", DefaultValueFactory = _ => "hopfield" };
        var format = new Option<string?>("--format") { Description = $"{string.Join(" | ", ProblemLoader.FormatNames)} (default: by extension: .cnf, .wcnf, .csv = dense QUBO, else gset)" };
        var restarts = new Option<int>("--restarts") { Description = "independent restarts", DefaultValueFactory = _ => 8 };
        var timeLimit = new Option<double>("--time-limit") { Description = "wall-clock budget in seconds (0: none)", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1UL };
        var sweeps = new Option<int>("--sweeps") { Description = "sweeps per restart (dmm: integration steps; 0: automatic)", DefaultValueFactory = _ => 0 };
        var target = new Option<double?>("--target") { Description = "target objective (cut for Max-Cut), a finite number, for gap, success probability and time-to-target (CNF: 0 by default)" };
        var output = new Option<string?>("--output", "-o") { Description = "output folder (default: named after the problem file)" };
        var budget = new Option<int?>("--budget") { Description = "portfolio: number of assets to hold (default: half)" };
        var risk = new Option<double>("--risk-aversion") { Description = "portfolio: weight q ≥ 0 of the variance xᵀΣx", DefaultValueFactory = _ => 1 };
        var penalty = new Option<double?>("--penalty") { Description = "portfolio: budget penalty P > 0 (default: automatic, large enough to meet the budget)" };
        var schedule = new Option<string?>("--ctd-schedule") { Description = $"ctd: time-dependent controls as KEY=NUMBER pairs, keys: {string.Join(" | ", CtdScheduleOption.Keys)} (e.g. {CtdScheduleOption.Example}; see docs/minimize.md)" };
        var quenchEvery = new Option<int?>("--quench-every") { Description = "dmm, memory-ising on spin problems: greedy-quench the sign read-out every N steps and keep the best (0: only the best read-out at the end; default dmm 100, memory-ising 0)" };
        var command = new Command("minimize", "Minimise a Max-Cut / QUBO / Ising / portfolio / SAT problem with neuromorphic dynamics or annealing.")
        {
            problem, solver, format, restarts, timeLimit, seed, sweeps, target, output, budget, risk, penalty, schedule, quenchEvery,
        };
        var substrate = new Option<string>("--substrate") { Description = "ideal, or a crossbar YAML (the recall experiment's substrate keys) whose programmed, wired array computes the couplings", DefaultValueFactory = _ => "ideal" };
        command.Options.Add(substrate);
        var backend = new BackendOptions();
        backend.AddTo(command);
        var plotFormat = new PlotFormatOption();
        plotFormat.AddTo(command);
        var overwrite = new OverwriteOption();
        overwrite.AddTo(command);
        command.SetAction(parse =>
        {
            var name = parse.GetValue(solver) ?? "hopfield";
            SolverCatalog.Validate(name);
            var k = parse.GetValue(restarts);
            if (k < 1)
            {
                throw new UserInputException($"--restarts must be at least 1, got {k}");
            }

            var limit = parse.GetValue(timeLimit);
            if (!(limit >= 0) || !double.IsFinite(limit))
            {
                throw new UserInputException($"--time-limit must be a number of seconds ≥ 0 (0: no limit), got {limit.ToString(CultureInfo.InvariantCulture)}", "e.g. --time-limit 60");
            }

            var m = parse.GetValue(sweeps);
            if (m < 0)
            {
                throw new UserInputException($"--sweeps must be ≥ 0 (0: automatic), got {m}", "e.g. --sweeps 2000");
            }

            var every = parse.GetValue(quenchEvery);
            if (every is < 0)
            {
                throw new UserInputException($"--quench-every must be ≥ 0 (0: only at the end), got {every}", "e.g. --quench-every 500");
            }

            if (parse.GetValue(target) is { } goal && !double.IsFinite(goal))
            {
                throw new UserInputException($"--target must be a finite number, got {goal.ToString(CultureInfo.InvariantCulture)}", "e.g. --target 11624 (the best known cut), or drop --target");
            }

            var formatName = parse.GetValue(format);
            var portfolio = formatName?.Trim().ToLowerInvariant() is "portfolio" or "prices";
            foreach (var option in new Option[] { budget, risk, penalty })
            {
                if (!portfolio && Given(parse, option))
                {
                    throw new UserInputException($"{option.Name} applies to portfolio problems only (--format portfolio or prices)", $"drop {option.Name}, or add --format portfolio for a returns-and-covariance file");
                }
            }

            if (name == "ctd" && Given(parse, sweeps))
            {
                throw new UserInputException("--sweeps does not apply to --solver ctd: it integrates for a model time, not a number of sweeps", $"drop --sweeps; set the time with --ctd-schedule time=SECONDS (default {new CtdSolver().Duration.ToString(CultureInfo.InvariantCulture)})");
            }

            // the output folder is checked, creating nothing, before the problem is read
            var problemPath = parse.GetValue(problem)!;
            var substratePath = parse.GetValue(substrate) is { } named && named != "ideal" ? named : null;
            var folder = RunFolder.Claim(parse, parse.GetValue(output), DefaultDirectory(problemPath), overwrite.Given(parse), problemPath, substratePath);
            return folder.Guard(() =>
            {
                var settings = new PortfolioSettings { Budget = parse.GetValue(budget), RiskAversion = parse.GetValue(risk), Penalty = parse.GetValue(penalty) };
                var p = ReadProblem(problemPath, formatName, settings);
                var dir = folder.Directory;
                var t = parse.GetValue(target) ?? (p is SatProblem { Weighted: false } ? 0 : null);
                var options = new SolverOptions
                {
                    Restarts = k,
                    TimeLimitSeconds = limit,
                    Seed = parse.GetValue(seed),
                    Sweeps = m,
                    TargetEnergy = t is { } v ? p.EnergyFromObjective(v) : null,
                    Progress = new ConsoleProgress(parse.InvocationConfiguration.Error, "minimize"),
                    RecordDynamics = 1,
                };
                var log = parse.InvocationConfiguration.Output;
                using var accelerator = backend.Open(parse, log);
                var controls = CtdScheduleOption.Parse(parse.GetValue(schedule), name);
                var request = new MinimizeRequest(p, name, options)
                {
                    Substrate = substratePath is not null ? ReadSubstrate(substratePath) : null,
                    Accelerator = accelerator,
                    BackendNamed = backend.Named(parse) is { } b && b != "auto",
                    CtdControls = controls?.Controls,
                    CtdTime = controls?.Time,
                    QuenchEvery = every,
                };
                var interrupt = Interruption.Requested;
                var outcome = Minimization.Run(request, interrupt);
                if (outcome.Hardware is { } hardware)
                {
                    log.WriteLine($"substrate: {parse.GetValue(substrate)}: hardware couplings differ from the problem's by {100 * hardware.CouplingDeviation:G3}% (Frobenius)");
                }

                foreach (var note in outcome.Notes)
                {
                    log.WriteLine(note);
                }

                var result = outcome.Result;
                if (result.Restarts.Count == 0)
                {
                    interrupt.ThrowIfCancellationRequested();
                }

                folder.Begin();
                var files = MinimizeReport.Write(p, result, t, dir, hardwareEnergies: outcome.Hardware is not null).ToList();
                var plots = plotFormat.Writer(parse).Write(MinimizeFigures.Of(p, result, t, hardwareEnergies: outcome.Hardware is not null), dir);
                files.AddRange(plots.Select(Path.GetFileName).OfType<string>());
                log.Write(MinimizeReport.Summary(p, result, t));
                log.WriteLine($"wrote {string.Join(", ", files)} to {Path.GetFullPath(dir)}");
                if (interrupt.IsCancellationRequested)
                {
                    parse.InvocationConfiguration.Error.WriteLine($"neuromorph: interrupted; the {result.Restarts.Count} finished restart(s) of {k} are written above");
                    return Interruption.ExitCode;
                }

                return CommandRunner.Success;
            });
        });
        return command;
    }

    /// <summary>The default output folder: named after the problem file (<c>G11.txt</c> -> <c>G11</c>), in the current directory.</summary>
    public static string DefaultDirectory(string problemPath) =>
        Path.Combine(Environment.CurrentDirectory, Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(problemPath)));

    /// <summary>True when the user gave <paramref name="option"/> (not just its default).</summary>
    private static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Reads the problem; when it fails and another format reads the file, the hint names that <c>--format</c>.</summary>
    private static IProblem ReadProblem(string path, string? format, PortfolioSettings settings)
    {
        try
        {
            return ProblemLoader.Read(path, format, settings);
        }
        catch (UserInputException ex) when (ProblemLoader.FormatThatReads(path, format) is { } other)
        {
            throw new UserInputException(ex.Diagnostic with { Hint = $"the file reads as format {other}: add --format {other}" });
        }
    }

    /// <summary>The crossbar of <c>--substrate FILE</c>: its <c>substrate:</c> section, or the whole file.</summary>
    private static CrossbarSubstrateSpec ReadSubstrate(string path)
    {
        var yaml = YamlSection.LoadFile(path);
        return SubstrateSpecReader.Read(yaml.TryGetSection("substrate") ?? yaml);
    }
}
