using System.CommandLine;
using Neuromorph.Diagnostics;
using Neuromorph.Optimization;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph minimize PROBLEM</c>: solves Max-Cut (G-set), QUBO or Ising problems with a noisy Hopfield
/// machine, a continuous Hopfield network or simulated annealing, and writes energy.csv, solution.txt,
/// summary.txt and energy.svg.
/// </summary>
public static class MinimizeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var problem = new Argument<string>("problem") { Description = "problem file (G-set text, QUBO text or CSV, Ising text)" };
        var solver = new Option<string>("--solver") { Description = "hopfield | continuous-hopfield | annealing | ctd", DefaultValueFactory = _ => "hopfield" };
        var format = new Option<string?>("--format") { Description = "gset | qubo | ising (default: qubo for .csv, gset otherwise)" };
        var restarts = new Option<int>("--restarts") { Description = "independent restarts", DefaultValueFactory = _ => 8 };
        var timeLimit = new Option<double>("--time-limit") { Description = "wall-clock budget in seconds (0: none)", DefaultValueFactory = _ => 0 };
        var seed = new Option<ulong>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1UL };
        var sweeps = new Option<int>("--sweeps") { Description = "sweeps per restart (0: automatic)", DefaultValueFactory = _ => 0 };
        var target = new Option<double?>("--target") { Description = "target objective (cut for Max-Cut) for gap, success probability and time-to-target" };
        var output = new Option<string>("--output", "-o") { Description = "output folder", DefaultValueFactory = _ => "minimize-out" };
        var command = new Command("minimize", "Minimise a Max-Cut / QUBO / Ising problem with Hopfield dynamics or annealing.")
        {
            problem, solver, format, restarts, timeLimit, seed, sweeps, target, output,
        };
        var substrate = new Option<string>("--substrate") { Description = "ideal, or a crossbar YAML (the recall experiment's substrate keys) whose programmed, wired array computes the couplings", DefaultValueFactory = _ => "ideal" };
        command.Options.Add(substrate);
        var backend = new BackendOptions();
        backend.AddTo(command);
        command.SetAction(parse =>
        {
            if (!ProblemReader.TryParseFormat(parse.GetValue(format), out var kind))
            {
                throw new UserInputException($"unknown format '{parse.GetValue(format)}'", Suggestions.Hint(parse.GetValue(format)!, [.. ProblemReader.FormatNames]));
            }

            var name = parse.GetValue(solver) ?? "hopfield";
            SolverCatalog.Validate(name);
            var k = parse.GetValue(restarts);
            if (k < 1)
            {
                throw new UserInputException($"--restarts must be at least 1, got {k}");
            }

            var p = ProblemReader.ReadFile(parse.GetValue(problem)!, kind);
            var t = parse.GetValue(target);
            var options = new SolverOptions
            {
                Restarts = k,
                TimeLimitSeconds = parse.GetValue(timeLimit),
                Seed = parse.GetValue(seed),
                Sweeps = parse.GetValue(sweeps),
                TargetEnergy = t is { } v ? (p.Maximise ? -v : v) : null,
                Progress = new ConsoleProgress(parse.InvocationConfiguration.Error, "restarts"),
            };
            using var accelerator = backend.Open(parse, parse.InvocationConfiguration.Output);
            HardwareIsing? hardware = null;
            if (parse.GetValue(substrate) is { } sub && sub != "ideal")
            {
                if (accelerator is not null)
                {
                    throw new UserInputException("--substrate with a crossbar runs on the CPU", "drop --backend");
                }

                var yaml = Io.Yaml.YamlSection.LoadFile(sub);
                hardware = HardwareIsing.FromYaml(p.Model, yaml.TryGetSection("substrate") ?? yaml, (int)(parse.GetValue(seed) % int.MaxValue));
                parse.InvocationConfiguration.Output.WriteLine($"substrate: {sub}: hardware couplings differ from the problem's by {100 * hardware.CouplingDeviation:G3}% (Frobenius)");
            }

            var s = SolverCatalog.Create(name, hardware);
            if (accelerator is not null)
            {
                if (s is HopfieldMachine)
                {
                    s = new DeviceHopfieldMachine(accelerator);
                }
                else if (backend.Named(parse) == "auto")
                {
                    parse.InvocationConfiguration.Output.WriteLine($"backend: solver '{s.Name}' has no accelerated path; it runs on the CPU");
                }
                else
                {
                    throw new UserInputException($"solver '{s.Name}' runs on the CPU only; --backend {backend.Named(parse)} applies to --solver hopfield", "drop --backend, use --backend auto, or use --solver hopfield");
                }
            }

            var result = SolverCatalog.Solve(s, p, options, hardware);
            MinimizeReport.Write(p, result, t, parse.GetValue(output)!);
            parse.InvocationConfiguration.Output.Write(MinimizeReport.Summary(p, result, t));
            return CommandRunner.Success;
        });
        return command;
    }
}
