namespace Neuromorph.Optimization.Problems;

/// <summary>
/// A SAT or weighted MAX-SAT problem read from DIMACS: the objective is the number (CNF) or total weight (WCNF) of
/// unsatisfied clauses, minimised; a CNF instance is solved when it reaches 0.
/// </summary>
public sealed class SatProblem : IProblem
{
    /// <summary>Wraps <paramref name="formula"/>.</summary>
    public SatProblem(string name, SatFormula formula, bool weighted)
    {
        ArgumentNullException.ThrowIfNull(formula);
        Name = name;
        Formula = formula;
        Weighted = weighted;
    }

    /// <summary>The clauses.</summary>
    public SatFormula Formula { get; }

    /// <summary>True for a weighted (WCNF) formula.</summary>
    public bool Weighted { get; }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public string KindName => Weighted ? "MaxSat" : "Sat";

    /// <inheritdoc/>
    public int Size => Formula.Variables;

    /// <inheritdoc/>
    public int TermCount => Formula.ClauseCount;

    /// <inheritdoc/>
    public string ObjectiveName => Weighted ? "unsatisfied_weight" : "unsatisfied_clauses";

    /// <inheritdoc/>
    public bool Maximise => false;

    /// <inheritdoc/>
    public bool BinaryValues => true;

    /// <inheritdoc/>
    public double Objective(ReadOnlySpan<sbyte> s) => Formula.UnsatisfiedWeight(s);

    /// <inheritdoc/>
    public double ObjectiveFromEnergy(double energy) => energy;

    /// <inheritdoc/>
    public double EnergyFromObjective(double objective) => objective;

    /// <inheritdoc/>
    public string? DescribeSolution(ReadOnlySpan<sbyte> s)
    {
        var unsat = Formula.UnsatisfiedCount(s);
        var text = $"clauses satisfied: {Formula.ClauseCount - unsat} of {Formula.ClauseCount}{(unsat == 0 ? " (a satisfying assignment)" : "")}";
        return Formula.HardWeight is null ? text : $"{text}; hard clauses violated: {Formula.ViolatedHard(s)}";
    }
}
