using System.Globalization;

namespace Neuromorph.Tests.Experiments.Minimize;

/// <summary>
/// One tiny problem per format minimize reads (at most 8 variables), as file text, and its optimum by brute force over
/// every assignment, computed here from the numbers written below with no library code: the independent reference.
/// </summary>
public static class TinyProblems
{
    /// <summary>A problem file, the settings it needs in a kind: minimize file, its objective of a ±1 vector and its optimum.</summary>
    public sealed record Case(string Format, string FileName, string Text, string Settings, Func<int[], double> Objective, bool Maximise = false)
    {
        /// <summary>The optimum over every assignment.</summary>
        public double Optimum => Maximise ? Assignments(Size).Max(Objective) : Assignments(Size).Min(Objective);

        /// <summary>Number of variables.</summary>
        public int Size => Format switch { "gset" or "cnf" => 8, "qubo-csv" or "prices" => 5, _ => 6 };
    }

    private static readonly (int I, int J, double W)[] Graph =
        [(1, 2, 1), (1, 3, 2), (2, 4, 1), (3, 4, -1), (4, 5, 3), (5, 6, 1), (6, 7, 2), (7, 8, 1), (8, 1, 1), (2, 6, -2), (3, 7, 1), (5, 8, 2)];

    private static readonly (int I, int J, double Q)[] Qubo =
        [(1, 1, -2), (2, 2, -1), (3, 3, -3), (4, 4, 1), (5, 5, -1), (6, 6, -2), (1, 2, 3), (2, 3, -1), (3, 4, 2), (4, 5, -2), (5, 6, 2.5), (1, 6, 1.5)];

    private static readonly double[][] Dense =
        [[-1, 2, 0, -1, 0], [0, -2, 1, 0, 1.5], [0, 0, 1, -3, 0], [0, 0, 0, -1, 2], [1, 0, 0, 0, -2]];

    private static readonly (int I, int J, double J0)[] Ising =
        [(1, 2, -1), (2, 3, 1), (3, 4, -1), (4, 5, 0.5), (5, 6, -1), (6, 1, 1), (1, 4, 0.75), (2, 2, 0.25), (5, 5, -0.5)];

    private static readonly int[][] Clauses =
        [[1, -2, 3], [-1, 2, 4], [2, -3, -5], [-4, 5, 6], [3, -6, 7], [-7, 8, 1], [-8, -1, 2], [4, -5, -7], [5, 6, -8], [-2, -4, 8], [-3, 7, -6], [6, -7, -1]];

    private static readonly (double W, int[] Clause)[] Weighted =
        [(3, [1, 2]), (2, [-1, 3]), (4, [-2, -3]), (1, [4, -5]), (5, [-4, 6]), (2, [5, -6]), (3, [-1, -4]), (2, [2, 5]), (1, [-3, 6]), (4, [1]), (3, [-2]), (2, [-6]), (50, [3, 4])];

    private static readonly double[] Mu = [0.08, 0.12, 0.05, 0.10, 0.07, 0.09];

    private static readonly double[][] Sigma =
    [
        [0.10, 0.02, 0.01, 0.00, 0.01, 0.02], [0.02, 0.20, 0.03, 0.01, 0.00, 0.01], [0.01, 0.03, 0.09, 0.01, 0.02, 0.00],
        [0.00, 0.01, 0.01, 0.15, 0.03, 0.02], [0.01, 0.00, 0.02, 0.03, 0.08, 0.01], [0.02, 0.01, 0.00, 0.02, 0.01, 0.12],
    ];

    private static readonly double[][] Prices =
        [[100, 50, 20, 80, 10], [101, 49, 21, 82, 10.5], [99, 52, 20.5, 81, 10.2], [102, 51, 21.5, 83, 10.1], [103, 53, 21, 85, 10.6], [101, 54, 22, 84, 10.4], [104, 53, 22.5, 86, 10.9]];

    /// <summary>Every case, by format name.</summary>
    public static IReadOnlyDictionary<string, Case> All { get; } = new[]
    {
        new Case("gset", "graph.txt", $"8 {Graph.Length}\n" + Lines(Graph.Select(e => $"{e.I} {e.J} {N(e.W)}")), "solver: annealing\nsweeps: 2000\n",
            s => Graph.Sum(e => s[e.I - 1] != s[e.J - 1] ? e.W : 0), Maximise: true),
        new Case("qubo", "sparse.txt", $"# sparse QUBO\n6 {Qubo.Length}\n" + Lines(Qubo.Select(t => $"{t.I} {t.J} {N(t.Q)}")), "format: qubo\nsolver: annealing\nsweeps: 2000\n",
            s => Qubo.Sum(t => t.Q * Bit(s, t.I) * Bit(s, t.J))),
        new Case("qubo-csv", "dense.csv", Lines(Dense.Select(r => string.Join(',', r.Select(N)))), "solver: hopfield\nsweeps: 500\n",
            s => Enumerable.Range(1, 5).Sum(i => Enumerable.Range(1, 5).Sum(j => Dense[i - 1][j - 1] * Bit(s, i) * Bit(s, j)))),
        new Case("ising", "ring.txt", $"6 {Ising.Length}\n" + Lines(Ising.Select(t => $"{t.I} {t.J} {N(t.J0)}")), "format: ising\nsolver: memory-ising\nsweeps: 2000\nquench_every: 50\n",
            s => -Ising.Sum(t => t.I == t.J ? t.J0 * s[t.I - 1] : t.J0 * s[t.I - 1] * s[t.J - 1])),
        new Case("cnf", "formula.cnf", $"c tiny 3-SAT\np cnf 8 {Clauses.Length}\n" + Lines(Clauses.Select(c => string.Join(' ', c) + " 0")), "solver: walksat\n",
            s => Clauses.Count(c => !c.Any(l => s[Math.Abs(l) - 1] == Math.Sign(l)))),
        new Case("wcnf", "weighted.wcnf", $"p wcnf 6 {Weighted.Length} 50\n" + Lines(Weighted.Select(c => $"{N(c.W)} {string.Join(' ', c.Clause)} 0")), "solver: annealing\nsweeps: 2000\n",
            s => Weighted.Sum(c => c.Clause.Any(l => s[Math.Abs(l) - 1] == Math.Sign(l)) ? 0 : c.W)),
        new Case("portfolio", "market.csv", "asset,return,A,B,C,D,E,F\n" + Lines(Mu.Select((m, i) => $"{(char)('A' + i)},{N(m)},{string.Join(',', Sigma[i].Select(N))}")),
            "format: portfolio\nbudget: 3\nrisk_aversion: 2\npenalty: 0.5\nsolver: dmm\nquench_every: 20\n", s => Markowitz(s, Mu, Sigma, 2, 3, 0.5)),
        new Case("prices", "prices.csv", "date,P,Q,R,S,T\n" + Lines(Prices.Select((r, d) => $"day{d},{string.Join(',', r.Select(N))}")),
            "format: prices\nbudget: 2\npenalty: 0.01\nsolver: ctd\nctd_schedule:\n  time: 10\n", PricesObjective()),
    }.ToDictionary(c => c.Format);

    /// <summary>Every ±1 vector of length <paramref name="n"/>.</summary>
    public static IEnumerable<int[]> Assignments(int n) =>
        Enumerable.Range(0, 1 << n).Select(m => Enumerable.Range(0, n).Select(i => ((m >> i) & 1) == 1 ? 1 : -1).ToArray());

    private static int Bit(int[] s, int i) => s[i - 1] > 0 ? 1 : 0;

    private static double Markowitz(int[] s, double[] mu, double[][] sigma, double q, int budget, double penalty)
    {
        var x = s.Select(v => v > 0 ? 1.0 : 0.0).ToArray();
        var variance = x.Select((xi, i) => x.Select((xj, j) => xi * sigma[i][j] * xj).Sum()).Sum();
        var held = x.Sum();
        return (q * variance) - x.Select((xi, i) => xi * mu[i]).Sum() + (penalty * (held - budget) * (held - budget));
    }

    /// <summary>Markowitz (q = 1) over the mean and sample covariance (n − 1) of the simple returns of the price table.</summary>
    private static Func<int[], double> PricesObjective()
    {
        var returns = Enumerable.Range(1, Prices.Length - 1).Select(t => Prices[t].Select((p, i) => (p / Prices[t - 1][i]) - 1).ToArray()).ToArray();
        var n = Prices[0].Length;
        var mu = Enumerable.Range(0, n).Select(i => returns.Average(r => r[i])).ToArray();
        var sigma = Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n)
            .Select(j => returns.Sum(r => (r[i] - mu[i]) * (r[j] - mu[j])) / (returns.Length - 1)).ToArray()).ToArray();
        return s => Markowitz(s, mu, sigma, 1, 2, 0.01);
    }

    private static string Lines(IEnumerable<string> lines) => string.Join('\n', lines) + "\n";

    private static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
