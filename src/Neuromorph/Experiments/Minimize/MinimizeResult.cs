using Neuromorph.Optimization;
using Neuromorph.Optimization.Problems;

namespace Neuromorph.Experiments.Minimize;

/// <summary>
/// What a minimisation run produced: the problem as read, every restart, the hardware couplings used (if any), notes
/// for the user and the target in the problem's own units. <see cref="MinimizeReport"/> turns it into files and
/// <see cref="MinimizeFigures"/> into pictures; <see cref="MinimizeExperiment"/> into metrics.
/// </summary>
/// <param name="Problem">The problem as read.</param>
/// <param name="Result">Every restart, with the best.</param>
/// <param name="Hardware">The crossbar couplings the solver saw, or null on ideal arithmetic.</param>
/// <param name="Notes">Lines for the user (e.g. a backend the solver could not use).</param>
/// <param name="Target">The target objective (CNF formulas: 0 unless given), or null.</param>
public sealed record MinimizeResult(IProblem Problem, SolverResult Result, HardwareIsing? Hardware, IReadOnlyList<string> Notes, double? Target)
{
    /// <summary>True when the traces are energies of the hardware's couplings, not of the problem.</summary>
    public bool HardwareEnergies => Hardware is not null;

    /// <summary>How far the programmed crossbar's couplings are from the problem's (relative Frobenius norm), or null on ideal arithmetic.</summary>
    public double? CouplingDeviation => Hardware?.CouplingDeviation;

    /// <summary>The restarts that finished (fewer than asked for after an interrupt or at the time limit).</summary>
    public int FinishedRestarts => Result.Restarts.Count;

    /// <summary>The best objective over all restarts.</summary>
    public double BestObjective => Problem.ObjectiveFromEnergy(Result.Best.BestEnergy);

    /// <summary>The mean of the restarts' best objectives.</summary>
    public double MeanObjective => Result.Restarts.Average(r => Problem.ObjectiveFromEnergy(r.BestEnergy));

    /// <summary>The gap of the best objective to the target in per cent of |target| (NaN without a target or with a zero one).</summary>
    public double GapPercent =>
        Target is { } t && t != 0 ? 100 * (Problem.Maximise ? t - BestObjective : BestObjective - t) / Math.Abs(t) : double.NaN;

    /// <summary>The fraction of completed restarts reaching the target (NaN without one).</summary>
    public double SuccessProbability => Target is { } t ? Result.SuccessProbability(Problem.EnergyFromObjective(t)) : double.NaN;
}
