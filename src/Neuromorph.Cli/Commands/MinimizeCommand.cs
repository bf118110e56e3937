using System.CommandLine;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Io.Yaml;
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
            var request = new MinimizeRequest(p, name, options)
            {
                Substrate = parse.GetValue(substrate) is { } sub && sub != "ideal" ? ReadSubstrate(sub) : null,
                SubstrateSeed = (int)(parse.GetValue(seed) % int.MaxValue),
                Accelerator = accelerator,
                BackendNamed = backend.Named(parse) is { } b && b != "auto",
            };
            var outcome = Minimization.Run(request);
            if (outcome.Hardware is { } hardware)
            {
                parse.InvocationConfiguration.Output.WriteLine($"substrate: {parse.GetValue(substrate)}: hardware couplings differ from the problem's by {100 * hardware.CouplingDeviation:G3}% (Frobenius)");
            }

            foreach (var note in outcome.Notes)
            {
                parse.InvocationConfiguration.Output.WriteLine(note);
            }

            var result = outcome.Result;
            MinimizeReport.Write(p, result, t, parse.GetValue(output)!);
            parse.InvocationConfiguration.Output.Write(MinimizeReport.Summary(p, result, t));
            return CommandRunner.Success;
        });
        return command;
    }

    /// <summary>The crossbar of <c>--substrate FILE</c>: its <c>substrate:</c> section, or the whole file.</summary>
    private static CrossbarSubstrateSpec ReadSubstrate(string path)
    {
        var yaml = YamlSection.LoadFile(path);
        return SubstrateSpecReader.Read(yaml.TryGetSection("substrate") ?? yaml);
    }
}
