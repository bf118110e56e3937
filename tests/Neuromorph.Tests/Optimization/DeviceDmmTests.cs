using Neuromorph.Compute.Cpu;
using Neuromorph.Numerics;
using Neuromorph.Optimization;
using Neuromorph.Optimization.Memcomputing;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Optimization;

/// <summary>
/// The digital memcomputing machine with its restarts batched on an accelerator (<see cref="DeviceDmmSolver"/>, run here
/// on the managed backend): the CPU solver's restarts bit for bit (with and without fields, with and without the
/// periodic quench, across batches), exhaustive optima of small models, the time limit, and CNF formulas refused.
/// </summary>
public class DeviceDmmTests
{
    [Theory]
    [InlineData(false, 100)]
    [InlineData(true, 100)]
    [InlineData(true, 0)]
    public void The_batched_device_path_gives_the_cpu_solvers_restarts(bool fields, int quenchEvery)
    {
        var model = BatchedSolverChecks.IntegerModel(30, 0.25, fields, seed: 8);
        var options = new SolverOptions { Restarts = 5, Sweeps = 700, Seed = 4, Parallelism = 2 };
        var machine = new DmmSolver { QuenchEvery = quenchEvery };
        var cpu = machine.Solve(model, options);
        using var accelerator = new CpuAccelerator(DataConverter.Quantize);
        var device = new DeviceDmmSolver(accelerator) { Machine = machine, MaxSlots = 3 }.Solve(model, options); // two batches: 3 + 2
        Assert.Equal(cpu.Restarts.Select(r => r.Restart), device.Restarts.Select(r => r.Restart));
        Assert.Equal(cpu.Restarts.Select(r => r.BestEnergy), device.Restarts.Select(r => r.BestEnergy));
        Assert.Equal(cpu.Restarts.Select(r => r.BestSpins), device.Restarts.Select(r => r.BestSpins));
        Assert.All(device.Restarts, r => Assert.Equal(model.Energy(r.BestSpins), r.BestEnergy, 9));
    }

    [Fact]
    public void The_batched_device_path_reaches_the_exhaustive_optimum_of_small_models()
    {
        using var accelerator = new CpuAccelerator(DataConverter.Quantize);
        var solver = new DeviceDmmSolver(accelerator);
        for (var seed = 1; seed <= 3; seed++)
        {
            var model = BatchedSolverChecks.IntegerModel(14, 0.4, fields: seed == 2, seed: 30 + seed);
            var optimum = double.MaxValue;
            var s = new sbyte[14];
            for (var mask = 0; mask < 1 << 14; mask++)
            {
                for (var i = 0; i < 14; i++)
                {
                    s[i] = ((mask >> i) & 1) == 1 ? (sbyte)1 : (sbyte)-1;
                }

                optimum = Math.Min(optimum, model.Energy(s));
            }

            var r = solver.Solve(model, new SolverOptions { Restarts = 12, Sweeps = 1500, Seed = (ulong)seed, TargetEnergy = optimum });
            Assert.Equal(optimum, r.Best.BestEnergy, 9);
            Assert.NotNull(r.WallSecondsToTarget);
        }
    }

    [Fact]
    public void The_batched_device_path_stops_at_the_time_limit_with_quenched_answers()
    {
        using var accelerator = new CpuAccelerator(DataConverter.Quantize);
        BatchedSolverChecks.StopsAtTheTimeLimitWithQuenchedAnswers(new DeviceDmmSolver(accelerator), BatchedSolverChecks.IntegerModel(150, 0.05, fields: false, seed: 9), 3);
    }

    [Theory]
    [InlineData("dmm")]
    [InlineData("memory-ising")]
    public void Auto_keeps_the_faster_cpu_path_off_the_managed_backend_and_a_named_backend_is_used(string solver)
    {
        using var dir = new TempDirectory("nm-ddmm-auto");
        var g11 = RepoPaths.InRepo("circuits", "gset", "G11.txt");
        var (code, stdout, err) = CliHarness.Run("minimize", g11, "--solver", solver, "--backend", "auto", "--restarts", "1", "--sweeps", "50", "-o", Path.Combine(dir, "auto"));
        Assert.True(code == 0, err);
        var note = $"solver '{solver}' runs faster on its own CPU path than on the managed backend that auto picked";
        if ((stdout + err).Contains("auto: picked cpu", StringComparison.Ordinal))
        {
            Assert.Contains(note, stdout + err, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(note, stdout + err, StringComparison.Ordinal); // a GPU: the batched kernels run there
        }
        (code, stdout, err) = CliHarness.Run("minimize", g11, "--solver", solver, "--backend", "cpu", "--restarts", "1", "--sweeps", "50", "-o", Path.Combine(dir, "named"));
        Assert.True(code == 0, err);
        Assert.DoesNotContain("runs faster on its own CPU path", stdout + err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cnf_formula_with_a_compute_backend_is_an_input_error()
    {
        using var dir = new TempDirectory("nm-ddmm");
        var cnf = Path.Combine(dir, "f.cnf");
        File.WriteAllText(cnf, "p cnf 3 2\n1 -2 0\n2 3 0\n");
        var (code, _, err) = CliHarness.Run("minimize", cnf, "--solver", "dmm", "--backend", "cpu", "-o", Path.Combine(dir, "o"));
        Assert.Equal(2, code);
        Assert.Contains("CNF formulas run on the CPU", err, StringComparison.Ordinal);
    }
}
