using Neuromorph.Circuits.Analyses;
using Neuromorph.Circuits.Parsing;
using Neuromorph.Crossbars;
using Neuromorph.Io;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Numerics;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Crossbars;

public class CrossbarNonIdealityTests
{
    [Fact]
    public void Differential_and_offset_mappings_recover_w_transpose_x_exactly_when_ideal()
    {
        var w = new double[,] { { 0.5, -1 }, { -0.25, 0.75 }, { 1, 0.1 } };
        var x = new[] { 0.2, -0.1, 0.3 };
        foreach (var scheme in new[] { MappingScheme.Differential, MappingScheme.Offset })
        {
            var map = new WeightMapping(scheme, 1e-6, 100e-6, 1, 2);
            var reader = new CrossbarReadout(new CrossbarArray(map.Map(w)), new NonIdealities(), map, new RandomStream(1));
            var y = new double[2];
            reader.Read(x, y);
            for (var j = 0; j < 2; j++)
            {
                var expected = (w[0, j] * x[0]) + (w[1, j] * x[1]) + (w[2, j] * x[2]);
                Assert.Equal(expected, y[j], 12);
            }
        }
    }

    [Fact]
    public void Variability_and_programming_noise_have_their_specified_spread()
    {
        var target = CrossbarFixtures.Uniform(100, 100, 50e-6);
        var logn = Programming.Apply(target, new NonIdealities { Variability = 0.1 }, 0, 100e-6, 0, new RandomStream(3)).Cast<double>().Select(g => Math.Log(g / 50e-6)).ToArray();
        Assert.InRange(logn.Average(), -0.01, 0.01);
        Assert.InRange(Math.Sqrt(logn.Select(z => z * z).Average()), 0.097, 0.103);
        var noisy = Programming.Apply(target, new NonIdealities { ProgrammingNoise = 2e-6 }, 0, 100e-6, 0, new RandomStream(4)).Cast<double>().Select(g => g - 50e-6).ToArray();
        Assert.InRange(noisy.Average(), -0.05e-6, 0.05e-6);
        Assert.InRange(Math.Sqrt(noisy.Select(d => d * d).Average()), 1.94e-6, 2.06e-6);
    }

    [Fact]
    public void Fault_fractions_match_and_seeds_reproduce()
    {
        var n = new NonIdealities { StuckAtLrs = 0.05, StuckAtHrs = 0.1 };
        var g = Programming.Apply(CrossbarFixtures.Uniform(200, 100, 50e-6), n, 1e-6, 100e-6, 0, new RandomStream(9)).Cast<double>().ToArray();
        Assert.InRange(g.Count(x => x == 100e-6) / 20000.0, 0.045, 0.055);
        Assert.InRange(g.Count(x => x == 1e-6) / 20000.0, 0.093, 0.107);
        var again = Programming.Apply(CrossbarFixtures.Uniform(200, 100, 50e-6), n, 1e-6, 100e-6, 0, new RandomStream(9)).Cast<double>().ToArray();
        Assert.Equal(g, again);
    }

    [Fact]
    public void Levels_quantise_and_drift_follows_the_power_law()
    {
        var g = Programming.Apply(new double[,] { { 33e-6, 67e-6 } }, new NonIdealities(), 0, 100e-6, 3, new RandomStream(1));
        Assert.Equal((50e-6, 50e-6), (g[0, 0], g[0, 1]));
        var d = Programming.Apply(new double[,] { { 40e-6 } }, new NonIdealities { DriftNu = 0.05, DriftTime = 2000, DriftT0 = 20 }, 0, 100e-6, 0, new RandomStream(1));
        Assert.Equal(40e-6 * Math.Pow(100, -0.05), d[0, 0], 15);
        Assert.Equal(0.5, DataConverter.Quantize(0.49, 1, 0.5));
        Assert.Equal(-1.0 + (2.0 / 7 * 5), DataConverter.Quantize(0.45, 3, 1), 12);
    }

    [Fact]
    public void Pcm_preset_follows_the_aihwkit_formulas()
    {
        // sigma(gT) = max(-1.1731 gT^2 + 1.9650 gT + 0.2635, 0) uS (gT normalised to 25 uS)
        Assert.Equal(((-1.1731 * 0.25) + (1.9650 * 0.5) + 0.2635) * 1e-6 / 25e-6, Programming.PcmProgrammingSigma(0.5), 12);
        var nus = Enumerable.Range(0, 4000).Select(k => Programming.PcmDriftNu(0.5, new RandomStream(k))).ToArray();
        var mu = Math.Clamp((-0.0155 * Math.Log(0.5)) + 0.0244, 0.049, 0.1);
        Assert.InRange(nus.Average(), mu - 0.002, mu + 0.002);
    }

    [Theory]
    [InlineData("array: { resistances: [[1k, 2k], [3k]] }\ninputs: [[0.1, 0.2]]", "row 2 has 1 entries")]
    [InlineData("array: { resistances: [[1k, -2k], [3k, 4k]] }\ninputs: [[0.1, 0.2]]", "row 1, column 2")]
    [InlineData("array: { resistances: [[1k, 2k], [3k, 4k]] }\ninputs: [[0.1, 0.2, 0.3]]", "input vector 1 has 3 values")]
    [InlineData("array: { weights: [[1, -1]], mapping: { levels: 1 } }\ninputs: [[0.1]]", "levels must be at least 2")]
    [InlineData("array: { weights: [[1, -1]], mapping: { g_min: 10u, g_max: 1u } }\ninputs: [[0.1]]", "g_min < g_max")]
    [InlineData("array: { resistances: [[1k]], wire_resistance: 1 }\ninputs: [[0.1]]\nnonidealities: { stuck_lrs: 2 }", "fraction")]
    public void Bad_crossbar_files_exit_2_naming_the_problem(string body, string message)
    {
        using var pathDir = new TempDirectory("nm-xb");
        var path = Path.Combine(pathDir, "x.yaml");
        File.WriteAllText(path, "kind: crossbar\n" + body + "\n");
        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(Path.GetDirectoryName(path)!, "out"));
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("x.yaml:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_crossbar_experiment_runs_and_its_exported_netlist_reproduces_the_first_read()
    {
        using var dir = new TempDirectory("nm-xb");
        var (code, output, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "crossbar_vmm.yaml"), "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("relative error vs ideal", output, StringComparison.Ordinal);
        foreach (var f in new[] { "outputs.csv", "conductance.png", "ir_drop.png", "device_currents.png", "device_currents.csv", "crossbar.cir", "node_voltages.csv" })
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        }

        // heatmaps: viridis from dark purple to yellow, in the cells and on the colour bar
        var map = Neuromorph.Tests.Support.PngImage.Load(Path.Combine(dir, "conductance.png"));
        Assert.True(map.HasColor("#440154", 0, 0, map.Width - 1, map.Height - 1, 25) && map.HasColor("#FDE725", 0, 0, map.Width - 1, map.Height - 1, 25));

        var (simCode, _, simError) = CliHarness.Run("simulate", Path.Combine(dir, "crossbar.cir"), "-o", Path.Combine(dir, "sim"));
        Assert.True(simCode == 0, simError);
    }
}

public class CrossbarFirstInputReportTests
{
    [Fact]
    public void Node_voltages_are_those_of_input_1_even_after_the_reader_switched_to_the_transfer_matrix()
    {
        using var dir = new TempDirectory("nm-xbv");
        var path = Path.Combine(dir, "v.yaml");
        // 2 rows and 5 inputs: after 2 exact solves the reader uses the transfer matrix for the rest
        File.WriteAllText(path, """
            kind: crossbar
            array: { resistances: [[10k, 20k], [5k, 40k]], wire_resistance: 3 }
            inputs: [[0.2, 0.1], [0.3, -0.1], [-0.2, 0.4], [0.1, 0.1], [0.5, -0.3]]
            """);
        // a folder of its own: the one holding the experiment file is not the run's to write into
        var outDir = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("run", path, "-o", outDir);
        Assert.True(code == 0, error);
        // independent reference: the MNA engine on the exported netlist of input 1, all node voltages
        var netlist = string.Join('\n', File.ReadAllLines(Path.Combine(outDir, "crossbar.cir")).Where(l => !l.StartsWith(".print", StringComparison.Ordinal)));
        var op = CircuitSimulator.Run(NetlistParser.Parse(netlist, "x.cir")).Single();
        var (_, cols) = CsvTable.Read(Path.Combine(outDir, "node_voltages.csv"));
        for (var k = 0; k < cols[0].Length; k++)
        {
            int i = (int)cols[0][k], j = (int)cols[1][k];
            Assert.Equal(op.Column($"v(w{i}_{j})")!.Values[0], cols[2][k], 1e-12);
            Assert.Equal(op.Column($"v(b{i}_{j})")!.Values[0], cols[3][k], 1e-12);
        }
    }
}
