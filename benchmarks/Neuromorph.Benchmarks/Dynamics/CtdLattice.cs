using System.Diagnostics;
using System.Globalization;
using Neuromorph.Dynamics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Benchmarks.Dynamics;

/// <summary>
/// CTD on a rows × cols lattice with the same graph, sources and initial states as benchmarks/compare/ctd_scipy.py;
/// writes the final state for comparison. Run: dotnet run -c Release --project benchmarks/Neuromorph.Benchmarks -- ctd-lattice ROWS COLS T_END OUT.txt [iterative] [integral]
/// </summary>
public static class CtdLattice
{
    /// <summary>Integrates and reports time and evaluations.</summary>
    public static void Run(int rows, int cols, double tEnd, string output, bool iterative = false, bool integralControl = false)
    {
        var g = MemristorGraph.Lattice(rows, cols);
        var s = Enumerable.Range(0, g.Edges).Select(e => 0.5 * Math.Sin(e + 1.0)).ToArray();
        var x0 = Enumerable.Range(0, g.Edges).Select(e => 0.5 + (0.3 * Math.Cos(e))).ToArray();
        var sys = new GraphCtd(g, new CtdParameters(100, 1000, 0.1, 1, CtdConvention.A), s, iterative: iterative);
        var evals = 0;
        var clock = Stopwatch.StartNew();
        var r = new DormandPrince54().Integrate((t, x, d) =>
        {
            evals++;
            sys.Rate(x, d);
        }, 0, x0, tEnd, new OdeOptions { RelTol = 1e-8, AbsTol = 1e-10, StepControl = integralControl ? StepControl.Integral : StepControl.ProportionalIntegral });
        var elapsed = clock.Elapsed.TotalSeconds;
        File.WriteAllLines(output, r.Final.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"neuromorph: M = {g.Edges}, {r.Statistics.Steps} steps, {evals} rhs evaluations, {elapsed:0.000} s, {1e3 * elapsed / evals:0.000} ms per rhs{(iterative ? $", {sys.Iterations / (double)evals:0.0} PCG iterations per rhs" : $", {sys.FactorReuse.Factorisations} factorisations, {sys.FactorReuse.Iterations} factor-preconditioned CG iterations")}"));
    }
}
