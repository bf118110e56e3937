namespace Neuromorph.Optimization.Problems;

/// <summary>
/// A problem as read from a file: the original terms (kept for independent evaluation) and the
/// <see cref="IsingModel"/> the solvers minimise. Model energy equals <see cref="Objective"/> for QUBO and Ising,
/// and equals minus the cut for Max-Cut.
/// </summary>
public sealed class OptimizationProblem : IProblem
{
    /// <summary>Creates a problem from its original terms.</summary>
    public OptimizationProblem(ProblemKind kind, string name, int size, IReadOnlyList<Term> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        Kind = kind;
        Name = name;
        Size = size;
        Terms = terms;
        Model = BuildModel(kind, size, terms);
    }

    /// <summary>Input format and objective sense.</summary>
    public ProblemKind Kind { get; }

    /// <summary>Name shown in reports (file name without extension).</summary>
    public string Name { get; }

    /// <summary>Number of variables.</summary>
    public int Size { get; }

    /// <summary>Original terms, 0-based.</summary>
    public IReadOnlyList<Term> Terms { get; }

    /// <summary>Spin model minimised by the solvers.</summary>
    public IsingModel Model { get; }

    /// <summary>True if the user-facing objective is maximised (Max-Cut).</summary>
    public bool Maximise => Kind == ProblemKind.MaxCut;

    /// <inheritdoc/>
    public string KindName => Kind.ToString();

    /// <inheritdoc/>
    public int TermCount => Terms.Count;

    /// <inheritdoc/>
    public bool BinaryValues => Kind == ProblemKind.Qubo;

    /// <inheritdoc/>
    public double EnergyFromObjective(double objective) => Maximise ? -objective : objective;

    /// <summary>Name of the objective for reports.</summary>
    public string ObjectiveName => Kind switch
    {
        ProblemKind.MaxCut => "cut",
        ProblemKind.Qubo => "qubo_value",
        _ => "ising_energy",
    };

    /// <summary>User-facing objective computed directly from the original terms (not through the model).</summary>
    public double Objective(ReadOnlySpan<sbyte> s) => Kind switch
    {
        ProblemKind.MaxCut => CutEvaluator.Cut(Terms, s),
        ProblemKind.Qubo => CutEvaluator.QuboValue(Terms, s),
        _ => CutEvaluator.IsingEnergy(Terms, s),
    };

    /// <summary>Converts a model energy to the user-facing objective.</summary>
    public double ObjectiveFromEnergy(double energy) => Maximise ? -energy : energy;

    private static IsingModel BuildModel(ProblemKind kind, int n, IReadOnlyList<Term> terms)
    {
        var pairs = new List<(int, int, double)>(terms.Count);
        var linear = new double[n];
        var offset = 0.0;
        foreach (var t in terms)
        {
            switch (kind)
            {
                case ProblemKind.MaxCut:
                    // w (1 - s_i s_j)/2 -> energy -cut = -w/2 + (w/2) s_i s_j
                    pairs.Add((t.I, t.J, t.Weight / 2));
                    offset -= t.Weight / 2;
                    break;
                case ProblemKind.Qubo when t.I == t.J:
                    // q x_i, x = (1+s)/2
                    linear[t.I] += t.Weight / 2;
                    offset += t.Weight / 2;
                    break;
                case ProblemKind.Qubo:
                    // q x_i x_j = q/4 (1 + s_i + s_j + s_i s_j)
                    pairs.Add((t.I, t.J, t.Weight / 4));
                    linear[t.I] += t.Weight / 4;
                    linear[t.J] += t.Weight / 4;
                    offset += t.Weight / 4;
                    break;
                case ProblemKind.Ising when t.I == t.J:
                    linear[t.I] -= t.Weight;
                    break;
                default:
                    pairs.Add((t.I, t.J, -t.Weight));
                    break;
            }
        }

        return IsingModel.FromPairs(n, pairs, linear, offset);
    }
}
