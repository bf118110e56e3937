using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Dynamics;

/// <summary>
/// A CTD trajectory that cannot be integrated is a numerical failure (exit 1) whose hints are the CTD equation's own
/// parameters (alpha, beta, sources, the simulated time, the tolerance), not the generic hint about resistances.
/// </summary>
public sealed class CtdFailureTests
{
    [Fact]
    public void A_ctd_experiment_that_cannot_be_integrated_names_alpha_beta_sources_t_end_and_rtol()
    {
        using var dir = new TempDirectory("nm-ctd-fail");
        var path = Path.Combine(dir, "stiff.yaml");
        File.WriteAllText(path, "kind: ctd\ngraph: { lattice: [3, 3] }\nalpha: 1e300\nbeta: 1e-300\nsources: 1e300\nt_end: 1\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(1, code);
        Assert.Contains("the CTD equation could not be integrated", error, StringComparison.Ordinal);
        foreach (var word in new[] { "alpha = 1E+300", "beta = 1E-300", "t_end = 1 s", "rtol = 1E-06", "weaker sources", "solver: rosenbrock" })
        {
            Assert.Contains(word, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("resistance positive", error, StringComparison.Ordinal);
    }
}
