using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization.Registry;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// Runs a <see cref="MinimizeSpec"/>, for <c>neuromorph minimize</c>, <c>kind: minimize</c> and the Python API alike:
/// checks it (<see cref="MinimizeRules"/>), reads the problem, programs the substrate, creates the solver from
/// <see cref="SolverCatalog"/> with the spec's settings, on the context's compute device when it has an accelerated path,
/// and solves. Writes nothing: the result is data (<see cref="MinimizeResult"/>).
/// </summary>
public static class Minimization
{
    /// <summary>
    /// Runs <paramref name="spec"/>. The context gives the compute device, the progress sink and the cancellation; with
    /// an output folder the first restart records its dynamics for the pictures. Restarts run
    /// <paramref name="parallelism"/> at a time (null: on all cores).
    /// </summary>
    public static MinimizeResult Run(MinimizeSpec spec, ExperimentContext context, int? parallelism = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var entry = MinimizeRules.Check(spec);
        var (useAccelerator, note) = MinimizeRules.CheckBackend(spec, entry, context.Accelerator?.Device.Backend, context.Backend is { } b && b != "auto");
        var problem = ReadProblem(spec);
        var target = spec.Target ?? (problem is SatProblem { Weighted: false } ? 0 : null);
        var options = new SolverOptions
        {
            Restarts = spec.Restarts,
            TimeLimitSeconds = spec.TimeLimit ?? 0,
            Seed = spec.Seed,
            Sweeps = spec.Sweeps ?? 0,
            TargetEnergy = target is { } t ? problem.EnergyFromObjective(t) : null,
            Progress = context.Progress,
            RecordDynamics = context.OutputDirectory is null ? 0 : 1,
            Parallelism = parallelism ?? Environment.ProcessorCount,
        };
        var settings = spec.CheckedSolverSettings;
        IReadOnlyList<string> notes = [
            .. spec.Solver == SolverCatalog.Auto ? [$"solver auto: picked {entry.Name}, {SolverCatalog.Pick(spec.IsCnf ? SolverProblems.Cnf : SolverProblems.Spin).Reason}"] : Array.Empty<string>(),
            .. note is null ? [] : new[] { note }];
        if (problem is SatProblem sat)
        {
            var satResult = entry.CreateSat(settings).Solve(sat.Formula, options, context.CancellationToken);
            return new MinimizeResult(problem, satResult, null, notes, target);
        }

        var quadratic = problem switch
        {
            OptimizationProblem q => q,
            PortfolioProblem p => p.Qubo,
            _ => throw new ArgumentException($"no spin model for a {problem.KindName} problem", nameof(spec)),
        };
        var hardware = spec.Substrate is { } substrate ? HardwareIsing.Program(quadratic.Model, substrate, SeedSequence.Derive((long)spec.Seed, 1, 0)) : null;
        var solver = entry.CreateSpin(settings, new SolverPlatform(hardware, useAccelerator ? context.Accelerator : null));
        if (solver is SimulatedAnnealing && SimulatedAnnealing.DefaultSweeps(quadratic.Model, options) is var sweeps && sweeps != options.SweepsFor(quadratic.Model.Size))
        {
            notes = [.. notes, $"annealing: {sweeps} sweeps per restart, the long schedule of a time-limited problem of {quadratic.Model.Size} spins ({spec.Names.Name("sweeps")} sets it)"];
        }

        var result = SolverCatalog.Solve(solver, quadratic, options, hardware, context.CancellationToken);
        return new MinimizeResult(problem, result, hardware, notes, target);
    }

    /// <summary>Reads the problem; when it fails and another format reads the file, the hint names that format.</summary>
    private static IProblem ReadProblem(MinimizeSpec spec)
    {
        try
        {
            return ProblemLoader.Read(spec.Problem, spec.Format, spec.Portfolio);
        }
        catch (UserInputException ex) when (ProblemLoader.FormatThatReads(spec.Problem, spec.Format) is { } other)
        {
            throw new UserInputException(ex.Diagnostic with { Hint = $"the file reads as format {other}: add {spec.Names.Assign("format", other)}" });
        }
    }
}
