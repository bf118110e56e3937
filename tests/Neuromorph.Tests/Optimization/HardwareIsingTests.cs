using System.Globalization;
using Neuromorph.Crossbars;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Crossbar;
using Neuromorph.Experiments.Minimize;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>Energy minimisation on crossbar hardware: effective couplings, the maxcut experiment, minimize --substrate, the wire-resistance study.</summary>
public class HardwareIsingTests
{
    private const string Substrate = """
        scheme: differential
        g_min: 1u
        g_max: 100u
        levels: 0
        wire_resistance: {0}
        read_voltage: 0.1
        nonidealities:
          variability: {1}
          adc_bits: {2}
          read_noise: {3}
        """;

    [Fact]
    public void Effective_weights_with_wire_resistance_equal_explicit_nodal_reads_of_unit_inputs()
    {
        const int n = 6;
        var r = new RandomStream(2);
        var w = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                w[i, j] = i == j ? 0 : r.NextDouble() - 0.5;
            }
        }

        var yaml = YamlSection.Parse(string.Format(CultureInfo.InvariantCulture, Substrate, 20, 0, 0, 0), "substrate.yaml");
        var eff = new CrossbarSubstrate(w, SubstrateSpecReader.Read(yaml), 1).EffectiveWeights();
        var explicitReads = new CrossbarSubstrate(w, SubstrateSpecReader.Read(yaml), 1);
        var y = new double[n];
        var maxDiff = 0.0;
        var maxEffect = 0.0;
        for (var j = 0; j < n; j++)
        {
            var e = new double[n];
            e[j] = 1;
            explicitReads.Multiply(e, y, 1); // the first reads solve the nodal network explicitly
            for (var i = 0; i < n; i++)
            {
                maxDiff = Math.Max(maxDiff, Math.Abs(eff[i, j] - y[i]));
                maxEffect = Math.Max(maxEffect, Math.Abs(eff[i, j] - w[i, j]));
            }
        }

        Assert.True(maxDiff < 1e-9, $"effective weights differ from explicit reads by {maxDiff}");
        Assert.True(maxEffect > 1e-4, "20 ohm wires should change the realised weights");
    }

    [Fact]
    public void Ideal_crossbar_reproduces_the_couplings_and_reaches_the_brute_force_optimum()
    {
        var problem = SmallMaxCut(14, 5, out var optimum);
        var yaml = YamlSection.Parse(string.Format(CultureInfo.InvariantCulture, Substrate, 0, 0, 0, 0), "substrate.yaml");
        var hw = HardwareIsing.Program(problem.Model, SubstrateSpecReader.Read(yaml), 1);
        Assert.True(hw.CouplingDeviation < 1e-12, $"deviation {hw.CouplingDeviation}");
        var result = SolverCatalog.Solve(SolverCatalog.Create("hopfield", hw), problem, new SolverOptions { Restarts = 8, Seed = 3, Sweeps = 300 }, hw);
        Assert.Equal(optimum, problem.ObjectiveFromEnergy(result.Best.BestEnergy), 9);
    }

    [Fact]
    public void Heavy_non_idealities_still_report_the_true_cut_of_the_returned_solution()
    {
        var problem = SmallMaxCut(16, 9, out var optimum);
        var yaml = YamlSection.Parse(string.Format(CultureInfo.InvariantCulture, Substrate, 200, 0.4, 3, 0.2), "substrate.yaml");
        var hw = HardwareIsing.Program(problem.Model, SubstrateSpecReader.Read(yaml), 4);
        Assert.True(hw.CouplingDeviation > 0.1);
        var result = SolverCatalog.Solve(SolverCatalog.Create("hopfield", hw), problem, new SolverOptions { Restarts = 4, Seed = 1, Sweeps = 100 }, hw);
        foreach (var restart in result.Restarts)
        {
            // independent evaluation: count cut edges of the returned partition
            var cut = problem.Terms.Where(t => t.I != t.J && restart.BestSpins[t.I] != restart.BestSpins[t.J]).Sum(t => t.Weight);
            Assert.Equal(cut, problem.ObjectiveFromEnergy(restart.BestEnergy), 9);
            Assert.True(cut <= optimum + 1e-9);
        }
    }

    [Fact]
    public void Maxcut_experiment_and_minimize_with_a_substrate_file_run_end_to_end()
    {
        using var scratch = new TempDirectory("nm-maxcut-exp");
        var dir = Path.Combine(scratch, "run");
        var (code, output, error) = CliHarness.Run("run", RepoPaths.InRepo("circuits", "maxcut_crossbar.yaml"), "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("on a crossbar", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "solution.txt")));

        var sub = Path.Combine(scratch, "substrate.yaml");
        File.WriteAllText(sub, string.Format(CultureInfo.InvariantCulture, Substrate, 1, 0.05, 6, 0));
        var (code2, output2, error2) = CliHarness.Run("minimize", RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt"), "--substrate", sub, "--restarts", "4", "--sweeps", "200", "-o", dir + "-min");
        Assert.True(code2 == 0, error2);
        Assert.Contains("hardware couplings differ", output2, StringComparison.Ordinal);

        var root = YamlSection.LoadFile(RepoPaths.InRepo("circuits", "maxcut_crossbar.yaml"));
        var report = new MinimizeExperiment().Run(root, new ExperimentContext(null, TextWriter.Null) { Seed = 3 });
        Assert.InRange(report.Metrics["best_cut"], 150, 172);
        Assert.InRange(report.Metrics["success_probability"], 0, 1);
    }

    [Fact]
    public void Wire_resistance_study_runs_two_points_and_hardware_costs_cut_quality_at_300_ohm()
    {
        using var scratch = new TempDirectory("nm-study-wire");
        var study = Path.Combine(scratch, "study.yaml");
        File.Copy(RepoPaths.InRepo("circuits", "maxcut_crossbar.yaml"), Path.Combine(Path.GetDirectoryName(study)!, "maxcut_crossbar.yaml"), true);
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(study)!, "problems"));
        File.Copy(RepoPaths.InRepo("circuits", "problems", "maxcut_48.txt"), Path.Combine(Path.GetDirectoryName(study)!, "problems", "maxcut_48.txt"), true);
        File.WriteAllText(study, File.ReadAllText(RepoPaths.InRepo("circuits", "study_maxcut_wire.yaml")).Replace("logspace: [0.1, 300, 8]", "list: [0.1, 300]", StringComparison.Ordinal).Replace("replicates: 3", "replicates: 1", StringComparison.Ordinal));
        var dir = Path.Combine(scratch, "out");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", dir, "--fresh");
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
        Assert.Equal(3, rows.Length);
        var header = rows[0].Split(',');
        var col = Array.IndexOf(header, "best_cut_mean");
        var low = double.Parse(rows[1].Split(',')[col], CultureInfo.InvariantCulture);
        var high = double.Parse(rows[2].Split(',')[col], CultureInfo.InvariantCulture);
        Assert.True(high < low, $"300 ohm wires should cost cut quality: {high} vs {low}");
    }

    private static OptimizationProblem SmallMaxCut(int n, int seed, out double optimum)
    {
        var r = new RandomStream(seed);
        var lines = new List<string>();
        for (var i = 1; i <= n; i++)
        {
            for (var j = i + 1; j <= n; j++)
            {
                if (r.NextDouble() < 0.35)
                {
                    lines.Add($"{i} {j} 1");
                }
            }
        }

        var problem = ProblemReader.Parse($"{n} {lines.Count}\n" + string.Join('\n', lines), "small.txt", ProblemKind.MaxCut);
        optimum = 0;
        var s = new sbyte[n];
        for (var m = 0; m < 1 << (n - 1); m++)
        {
            for (var i = 0; i < n; i++)
            {
                s[i] = (m >> i & 1) == 1 ? (sbyte)1 : (sbyte)-1;
            }

            optimum = Math.Max(optimum, problem.Objective(s));
        }

        return problem;
    }
}
