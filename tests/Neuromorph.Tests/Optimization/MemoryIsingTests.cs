using System.Globalization;
using Neuromorph.Compute.Cpu;
using Neuromorph.Numerics;
using Neuromorph.Optimization.Problems;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>
/// The memory-augmented analog Ising machine (chaotic amplitude control): the Euler step against the equations written
/// out here, the auxiliary-spin gauge, bounded memories and amplitudes, the incrementally tracked read-out energy,
/// independence from threading, exhaustive optima and a G-set cut recounted from the solution file.
/// </summary>
public class MemoryIsingTests
{
    private static IsingModel RandomModel(int n, double density, bool fields, int seed)
    {
        var rng = new Random(seed);
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                if (rng.NextDouble() < density)
                {
                    pairs.Add((i, j, Math.Round((rng.NextDouble() * 4) - 2, 2)));
                }
            }
        }

        double[] linear = [.. Enumerable.Range(0, n).Select(_ => fields ? Math.Round((rng.NextDouble() * 2) - 1, 2) : 0)];
        return IsingModel.FromPairs(n, pairs, linear, 0.3);
    }

    private static sbyte[] Corner(int mask, int n) => [.. Enumerable.Range(0, n).Select(i => ((mask >> i) & 1) == 1 ? (sbyte)1 : (sbyte)-1)];

    // E(s) from the definition, over the dense coupling matrix (not IsingModel.Energy)
    private static double Dense(double[,] k, double[] c, double offset, ReadOnlySpan<sbyte> s)
    {
        var e = offset;
        for (var i = 0; i < c.Length; i++)
        {
            e += c[i] * s[i];
            for (var j = i + 1; j < c.Length; j++)
            {
                e += k[i, j] * s[i] * s[j];
            }
        }

        return e;
    }

    private static (double[,] K, double[] C) DenseOf(IsingModel m)
    {
        var k = new double[m.Size, m.Size];
        for (var i = 0; i < m.Size; i++)
        {
            for (var q = m.RowStart[i]; q < m.RowStart[i + 1]; q++)
            {
                k[i, m.Neighbour[q]] = m.Coupling[q];
            }
        }

        return (k, [.. m.Linear]);
    }

    [Fact]
    public void Auxiliary_spin_carries_the_fields_exactly_in_both_gauges()
    {
        var model = RandomModel(9, 0.5, fields: true, seed: 4);
        var ext = MemoryIsingBatch.Extend(model);
        Assert.Equal(10, ext.Size);
        Assert.All(ext.Linear, c => Assert.Equal(0, c));
        var (k, c) = DenseOf(model);
        for (var mask = 0; mask < 1 << 10; mask++)
        {
            // σ over the extended model; the problem's spins are s_i = σ_i σ_N
            var sigma = Corner(mask, 10);
            var s = new sbyte[9];
            for (var i = 0; i < 9; i++)
            {
                s[i] = (sbyte)(sigma[i] * sigma[9]);
            }

            Assert.Equal(Dense(k, c, model.Offset, s), ext.Energy(sigma), 9);
        }

        var plain = RandomModel(6, 0.5, fields: false, seed: 1);
        Assert.Same(plain, MemoryIsingBatch.Extend(plain)); // no fields: no auxiliary spin
    }

    [Fact]
    public void One_euler_step_follows_the_equations()
    {
        var model = RandomModel(12, 0.6, fields: true, seed: 7);
        var p = new MemoryIsingParameters { InitialAmplitude = 2 };
        var b = new MemoryIsingBatch(model, p, 2);
        b.Initialise(1, 99);

        // move away from the initial state so that memories and target differ from their starting values
        for (var t = 0; t < 40; t++)
        {
            b.Advance(1);
        }

        var n = b.Size;
        var x = b.Amplitudes(1).ToArray();
        var e = b.Memories(1).ToArray();
        var a = b.Target[1];

        // dense ω = −K/s over the extended model, s from the definition
        var (k, _) = DenseOf(b.Extended);
        var s2 = 0.0;
        foreach (var v in k)
        {
            s2 += v * v;
        }

        var scale = Math.Sqrt(s2 / n);
        Assert.Equal(scale, b.Scale, 12);
        var xNext = new double[n];
        var eNext = new double[n];
        for (var i = 0; i < n; i++)
        {
            var h = 0.0;
            for (var j = 0; j < n; j++)
            {
                h += -k[i, j] / scale * x[j];
            }

            xNext[i] = Math.Clamp(x[i] + (p.Step * ((p.Gain * x[i]) - (x[i] * x[i] * x[i]) + (p.Coupling * e[i] * h))), -p.AmplitudeMax, p.AmplitudeMax);
            eNext[i] = Math.Clamp(e[i] - (p.Step * p.MemoryRate * ((x[i] * x[i]) - a) * e[i]), 0, p.MemoryMax);
        }

        var bestBefore = b.BestEnergy[1];
        var energy = b.Advance(1);
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(xNext[i], b.Amplitudes(1)[i], 12);
            Assert.Equal(eNext[i], b.Memories(1)[i], 12);
        }

        // the read-out follows the signs, its energy is the extended model's, and the target follows the energy excess
        var sigma = b.ReadOut(1).ToArray();
        Assert.All(Enumerable.Range(0, n), i => Assert.Equal(xNext[i] >= 0 ? 1 : -1, sigma[i]));
        Assert.Equal(b.Extended.Energy(sigma), energy, 9);
        var best = Math.Min(bestBefore, energy);
        Assert.Equal(best, b.BestEnergy[1], 12);
        Assert.Equal(p.TargetAmplitude + (p.AmplitudeFeedback * Math.Tanh(p.EnergySensitivity * (energy - best) / scale)), b.Target[1], 12);
    }

    [Fact]
    public void Memories_and_amplitudes_stay_in_their_bounds_and_the_tracked_energy_stays_exact()
    {
        // G11 (toroidal grid, ±1 couplings): frustrated, so memories keep growing where spins stay below their target
        var model = ((OptimizationProblem)ProblemLoader.Read(RepoPaths.InRepo("circuits", "gset", "G11.txt"), null)).Model;
        var p = new MemoryIsingParameters();
        var b = new MemoryIsingBatch(model, p, 2);
        double eMax = 0, eMin = double.MaxValue, xMax = 0;
        for (var k = 0; k < 2; k++)
        {
            b.Initialise(k, (ulong)k + 5);
            for (var step = 0; step < 2000; step++)
            {
                b.Advance(k);
                foreach (var e in b.Memories(k))
                {
                    Assert.InRange(e, 0, p.MemoryMax);
                    (eMax, eMin) = (Math.Max(eMax, e), Math.Min(eMin, e));
                }

                foreach (var x in b.Amplitudes(k))
                {
                    Assert.InRange(x, -p.AmplitudeMax, p.AmplitudeMax);
                    xMax = Math.Max(xMax, Math.Abs(x));
                }

                if (step % 500 == 499)
                {
                    Assert.Equal(model.Energy(b.ReadOut(k)), b.Energy[k], 9);
                    Assert.InRange(b.Target[k], p.TargetAmplitude, p.TargetAmplitude + p.AmplitudeFeedback);
                }
            }
        }

        Assert.Equal(p.MemoryMax, eMax); // the upper bound is reached, so it was exercised
        Assert.True(eMin > 0, $"memories stay positive (smallest {eMin})");
        Assert.True(xMax > Math.Sqrt(p.TargetAmplitude), $"amplitudes grow past √α (largest {xMax})");
    }

    [Fact]
    public void Parameters_that_would_make_memories_negative_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new MemoryIsingParameters { Step = 0.1, MemoryRate = 1, AmplitudeMax = 5 }.Validate());
        Assert.Throws<ArgumentException>(() => new MemoryIsingParameters { Step = 0 }.Validate());
        new MemoryIsingParameters().Validate();
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_threads()
    {
        var model = RandomModel(40, 0.2, fields: true, seed: 12);
        var solver = new MemoryIsingSolver();
        var one = solver.Solve(model, new SolverOptions { Restarts = 6, Sweeps = 500, Seed = 3, Parallelism = 1 });
        var two = solver.Solve(model, new SolverOptions { Restarts = 6, Sweeps = 500, Seed = 3, Parallelism = 2 });
        Assert.Equal(one.Restarts.Select(r => r.BestEnergy), two.Restarts.Select(r => r.BestEnergy));
        Assert.All(one.Restarts, r => Assert.Equal(model.Energy(r.BestSpins), r.BestEnergy, 9));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 25)]
    public void Reaches_the_exhaustive_optimum_of_small_models(bool fields, int quenchEvery)
    {
        var solver = new MemoryIsingSolver { Parameters = new() { QuenchEvery = quenchEvery } };
        for (var seed = 1; seed <= 3; seed++)
        {
            var model = RandomModel(16, 0.4, fields, 20 + seed);
            var (k, c) = DenseOf(model);
            var optimum = double.MaxValue;
            for (var mask = 0; mask < 1 << 16; mask++)
            {
                optimum = Math.Min(optimum, Dense(k, c, model.Offset, Corner(mask, 16)));
            }

            var r = solver.Solve(model, new SolverOptions { Restarts = 8, Sweeps = 2000, Seed = (ulong)seed, Parallelism = 2 });
            Assert.Equal(optimum, Dense(k, c, model.Offset, r.Best.BestSpins), 9);
            Assert.Equal(optimum, r.Best.BestEnergy, 9);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_batched_device_path_gives_the_cpu_solvers_restarts(bool fields)
    {
        var model = BatchedSolverChecks.IntegerModel(40, 0.2, fields, seed: 5);
        var options = new SolverOptions { Restarts = 6, Sweeps = 600, Seed = 3, Parallelism = 2 };
        var cpu = new MemoryIsingSolver().Solve(model, options);
        using var accelerator = new CpuAccelerator(DataConverter.Quantize);
        var device = new DeviceMemoryIsingSolver(accelerator) { MaxSlots = 4 }.Solve(model, options); // two batches: 4 + 2
        Assert.Equal(cpu.Restarts.Select(r => r.Restart), device.Restarts.Select(r => r.Restart));
        Assert.Equal(cpu.Restarts.Select(r => r.BestEnergy), device.Restarts.Select(r => r.BestEnergy));
        Assert.Equal(cpu.Restarts.Select(r => r.BestSpins), device.Restarts.Select(r => r.BestSpins));
        Assert.All(device.Restarts, r => Assert.Equal(model.Energy(r.BestSpins), r.BestEnergy, 9));
        Assert.All(device.Restarts, r => Assert.True(r.Completed));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_batched_device_path_reaches_the_exhaustive_optimum_of_small_models(bool fields)
    {
        using var accelerator = new CpuAccelerator(DataConverter.Quantize);
        var solver = new DeviceMemoryIsingSolver(accelerator);
        for (var seed = 1; seed <= 3; seed++)
        {
            var model = RandomModel(16, 0.4, fields, 20 + seed);
            var (k, c) = DenseOf(model);
            var optimum = double.MaxValue;
            for (var mask = 0; mask < 1 << 16; mask++)
            {
                optimum = Math.Min(optimum, Dense(k, c, model.Offset, Corner(mask, 16)));
            }

            var r = solver.Solve(model, new SolverOptions { Restarts = 8, Sweeps = 2000, Seed = (ulong)seed, TargetEnergy = optimum });
            Assert.Equal(optimum, Dense(k, c, model.Offset, r.Best.BestSpins), 9);
            Assert.NotNull(r.WallSecondsToTarget);
        }
    }

    [Fact]
    public void The_batched_device_path_stops_at_the_time_limit_with_quenched_answers()
    {
        using var accelerator = new CpuAccelerator(DataConverter.Quantize);
        BatchedSolverChecks.StopsAtTheTimeLimitWithQuenchedAnswers(new DeviceMemoryIsingSolver(accelerator), BatchedSolverChecks.IntegerModel(200, 0.05, fields: false, seed: 9), 4);
    }

    [Fact]
    public void The_periodic_quench_on_a_compute_backend_is_an_input_error()
    {
        var g11 = RepoPaths.InRepo("circuits", "gset", "G11.txt");
        using var outDir = new TempDirectory("nm-mi-q");
        var (code, _, err) = CliHarness.Run("minimize", g11, "--solver", "memory-ising", "--backend", "cpu", "--quench-every", "10", "--restarts", "1", "-o", outDir);
        Assert.Equal(2, code);
        Assert.Contains("--quench-every runs on the CPU path of solver 'memory-ising' only, not on a compute backend", err, StringComparison.Ordinal);
        Assert.Contains("hint: drop --backend or --quench-every", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_periodic_quench_from_yaml_refuses_a_named_backend_and_drops_an_automatic_one()
    {
        using var dir = new TempDirectory("nm-mi-y");
        var yaml = Path.Combine(dir, "q.yaml");
        File.WriteAllText(yaml, $"kind: minimize\nproblem: {RepoPaths.InRepo("circuits", "gset", "G11.txt")}\nsolver: memory-ising\nrestarts: 1\nsweeps: 50\nquench_every: 10\n");
        var (code, _, err) = CliHarness.Run("run", yaml, "--backend", "cpu", "-o", Path.Combine(dir, "named"));
        Assert.Equal(2, code);
        Assert.Contains("quench_every runs on the CPU path of solver 'memory-ising' only", err, StringComparison.Ordinal);
        Assert.Contains("hint: drop --backend or quench_every", err, StringComparison.Ordinal);
        var (auto, stdout, autoErr) = CliHarness.Run("run", yaml, "--backend", "auto", "-o", Path.Combine(dir, "auto"));
        Assert.True(auto == 0, autoErr);
        Assert.Contains("quench_every runs on the CPU path of solver 'memory-ising' only; the run uses the CPU", stdout + autoErr, StringComparison.Ordinal);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void G11_cut_recounted_from_the_solution_file_is_within_one_percent_of_the_best_known()
    {
        var g11 = RepoPaths.InRepo("circuits", "gset", "G11.txt");
        using var outDir = new TempDirectory("nm-mi");
        var (code, stdout, err) = CliHarness.Run("minimize", g11, "--solver", "memory-ising", "--restarts", "4", "--seed", "2", "--target", "564", "-o", outDir);
        Assert.True(code == 0, err);

        // cut from the raw edge lines and solution.txt, sharing no code with the solver or the evaluator
        var side = File.ReadLines(Path.Combine(outDir, "solution.txt")).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' ')).ToDictionary(t => int.Parse(t[0], CultureInfo.InvariantCulture), t => int.Parse(t[1], CultureInfo.InvariantCulture));
        var cut = 0.0;
        foreach (var line in File.ReadLines(g11).Skip(1).Where(l => l.Trim().Length > 0))
        {
            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (side[int.Parse(t[0], CultureInfo.InvariantCulture)] != side[int.Parse(t[1], CultureInfo.InvariantCulture)])
            {
                cut += double.Parse(t[2], CultureInfo.InvariantCulture);
            }
        }

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"best cut: {cut} "), stdout, StringComparison.Ordinal);
        Assert.True(cut >= 0.99 * 564, $"cut {cut} more than 1 % below the best known 564");
        foreach (var f in new[] { "states.csv", "memory.csv", "final.csv" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        }

        Assert.StartsWith("restart,time,wall_seconds,e_mean,e_max,target_amplitude,readout_energy,e_1,", File.ReadLines(Path.Combine(outDir, "memory.csv")).First(), StringComparison.Ordinal);
    }
}
