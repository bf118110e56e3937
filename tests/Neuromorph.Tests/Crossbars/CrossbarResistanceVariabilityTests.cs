using Neuromorph.Crossbars;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class CrossbarResistanceVariabilityTests
{
    private const double GMin = 1e-6;
    private const double GMax = 100e-6;

    private static (double Mean, double Sd) Stats(IEnumerable<double> xs)
    {
        var a = xs.ToArray();
        var mean = a.Average();
        return (mean, Math.Sqrt(a.Select(x => (x - mean) * (x - mean)).Sum() / (a.Length - 1)));
    }

    private static double[] Programmed(double target, VariabilityTarget on, VariabilityDistribution d, double sigma, int seed) =>
        [.. Programming.Apply(CrossbarFixtures.Uniform(100, 100, target), new NonIdealities { Variability = sigma, VariabilityOn = on, VariabilityDistribution = d }, GMin, GMax, 0, new RandomStream(seed)).Cast<double>()];

    [Fact]
    public void Lognormal_ron_spread_moves_devices_at_g_max_by_exactly_that_distribution()
    {
        // G = 1 / R_on,d with R_on,d = R_on exp(σ z): ln(R_on,d / R_on) = ln(g_max / G) ~ N(0, σ)
        var (mean, sd) = Stats(Programmed(GMax, VariabilityTarget.Ron, VariabilityDistribution.Lognormal, 0.2, 11).Select(g => Math.Log(GMax / g)));
        Assert.InRange(mean, -0.006, 0.006);
        Assert.InRange(sd, 0.194, 0.206);
        // devices at g_min do not feel R_on
        Assert.All(Programmed(GMin, VariabilityTarget.Ron, VariabilityDistribution.Lognormal, 0.2, 11), g => Assert.Equal(GMin, g, 1e-18));
    }

    [Fact]
    public void Normal_roff_spread_moves_devices_at_g_min_by_exactly_that_distribution()
    {
        // R_off,d = R_off (1 + σ z): R_off,d / R_off - 1 = 1 / (G R_off) - 1 ~ N(0, σ)
        var (mean, sd) = Stats(Programmed(GMin, VariabilityTarget.Roff, VariabilityDistribution.Normal, 0.1, 12).Select(g => (GMin / g) - 1));
        Assert.InRange(mean, -0.003, 0.003);
        Assert.InRange(sd, 0.097, 0.103);
        Assert.All(Programmed(GMax, VariabilityTarget.Roff, VariabilityDistribution.Normal, 0.1, 12), g => Assert.Equal(GMax, g, 1e-18));
    }

    [Fact]
    public void Both_moves_a_mid_target_within_its_own_window_and_seeds_reproduce()
    {
        var mid = (GMin + GMax) / 2;
        var a = Programmed(mid, VariabilityTarget.Both, VariabilityDistribution.Lognormal, 0.1, 5);
        Assert.Equal(a, Programmed(mid, VariabilityTarget.Both, VariabilityDistribution.Lognormal, 0.1, 5));
        Assert.NotEqual(a, Programmed(mid, VariabilityTarget.Both, VariabilityDistribution.Lognormal, 0.1, 6));
        // G = G_off,d + (G_on,d - G_off,d)/2, dominated by G_on,d = g_max exp(-σ z): ln(2G / g_max) spread ≈ σ
        var (mean, sd) = Stats(a.Select(g => Math.Log(2 * g / GMax)));
        Assert.InRange(mean, -0.01, 0.02);
        Assert.InRange(sd, 0.09, 0.105);
        // the conductance target still behaves as before (the scalar form)
        var (gMean, gSd) = Stats(Programmed(mid, VariabilityTarget.Conductance, VariabilityDistribution.Normal, 0.05, 7).Select(g => (g / mid) - 1));
        Assert.InRange(gMean, -0.002, 0.002);
        Assert.InRange(gSd, 0.0485, 0.0515);
    }

    [Fact]
    public void Yaml_map_form_reads_target_distribution_and_sigma()
    {
        var root = YamlSection.Parse("nonidealities:\n  variability: { on: roff, distribution: normal, sigma: 0.07 }\n", "v.yaml");
        var n = NonIdealitiesReader.Read(root.GetSection("nonidealities"));
        Assert.Equal((0.07, VariabilityTarget.Roff, VariabilityDistribution.Normal), (n.Variability, n.VariabilityOn, n.VariabilityDistribution));
        var scalar = NonIdealitiesReader.Read(YamlSection.Parse("nonidealities: { variability: 0.05 }\n", "v.yaml").GetSection("nonidealities"));
        Assert.Equal((0.05, VariabilityTarget.Conductance, VariabilityDistribution.Lognormal), (scalar.Variability, scalar.VariabilityOn, scalar.VariabilityDistribution));
    }

    [Theory]
    [InlineData("variability: { on: ron, sigma: -0.1 }", "not negative", 3)]
    [InlineData("variability: -0.1", "not negative", 3)]
    [InlineData("variability: { on: rset, sigma: 0.1 }", "unknown variability target 'rset'", 3)]
    [InlineData("variability: { on: ron, distribution: uniform, sigma: 0.1 }", "unknown distribution 'uniform'", 3)]
    [InlineData("variability: { on: ron, sigma: 0.1, spread: 2 }", "spread", 3)]
    public void Bad_variability_is_a_user_error_at_file_line_and_column(string line, string message, int lineNumber)
    {
        using var pathDir = new TempDirectory("nm-xbvar");
        var path = Path.Combine(pathDir, "x.yaml");
        File.WriteAllText(path, "kind: crossbar\nnonidealities:\n  " + line + "\narray: { weights: [[1, -1]] }\ninputs: [[0.1]]\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(Path.GetDirectoryName(path)!, "out"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Matches($@"x\.yaml:{lineNumber}:\d+", error);
    }

    [Fact]
    public void Ron_variability_runs_from_yaml_and_reproduces_with_the_seed()
    {
        using var dir = new TempDirectory("nm-xbvr");
        var path = Path.Combine(dir, "v.yaml");
        File.WriteAllText(path, """
            kind: crossbar
            seed: 4
            array: { resistances: [[10k, 20k, 5k], [5k, 40k, 8k]] }
            inputs: [[0.2, 0.1]]
            nonidealities: { variability: { on: both, distribution: lognormal, sigma: 0.1 } }
            """);
        var first = CliHarness.Run("run", path, "-o", Path.Combine(dir, "a"));
        var second = CliHarness.Run("run", path, "-o", Path.Combine(dir, "b"));
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "a", "outputs.csv")), File.ReadAllText(Path.Combine(dir, "b", "outputs.csv")));
        Assert.NotEqual(File.ReadAllText(Path.Combine(dir, "a", "outputs.csv")), File.ReadAllText(Path.Combine(dir, "a", "ideal_outputs.csv")));
    }
}
