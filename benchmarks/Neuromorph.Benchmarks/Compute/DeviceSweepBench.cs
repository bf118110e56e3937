using System.Diagnostics;
using System.Globalization;
using Neuromorph.Compute;
using Neuromorph.Compute.Transients;
using Neuromorph.Devices.Team;
using Neuromorph.Devices.Transients;
using Neuromorph.Kernels.Backends;
using Neuromorph.Numerics.Ode;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Compute;

/// <summary>
/// <c>device-sweep-bench BACKEND POINTS STEPS [CPU_POINTS]</c>: a batched device study's inner loop, VTEAM lanes
/// (random thresholds, rates and drive amplitudes, 10 Ω series resistor, 50 kHz sine, four probes) integrated over
/// STEPS sample intervals (adaptive Rosenbrock, the device studies' default), on BACKEND and on the managed path on all cores (CPU_POINTS lanes, default POINTS/100, at least
/// 64), in points·steps per second, and the speed-up. Checks that the first CPU_POINTS results agree. CSV on stdout.
/// </summary>
public static class DeviceSweepBench
{
    /// <summary>Runs the benchmark.</summary>
    public static void Run(string backend, int points, int steps, int? cpuPoints)
    {
        var rng = new RandomStream(11);
        var lanes = new MemristorLane<TeamEquations>[points];
        for (var k = 0; k < points; k++)
        {
            var team = new TeamModel("vteam", true, 50, 1000, -10, 1e-4 * Math.Exp(rng.NextDouble() * Math.Log(10)), 3, 1, -0.2, rng.NextDouble(0.01, 0.3), 0, 3e-9, 0, 4, 1, 1, 1, 0, 3e-9, 1e-10, 0.5);
            lanes[k] = new MemristorLane<TeamEquations>(team.Equations, DriveWaveform.Sin(0, rng.NextDouble(0.5, 1.5), 50e3), 10);
        }

        var grid = new TransientGrid(40e-6, steps, LaneIntegrator.Rosenbrock23); // what device studies run by default
        var bank = new ProbeBank(4, new(LaneStatistic.Final, 1, 0, 0, 40e-6, 0, 0), new(LaneStatistic.Max, 2, 0, 0, 40e-6, 0, 0), new(LaneStatistic.Min, 4, 0, 0, 40e-6, 0, 0), new(LaneStatistic.Cross, 1, 0, 0, 40e-6, 1.6e-9, 1));
        using var acc = AcceleratorCatalog.Open(backend, Precision.Double, out var choice);
        Console.Error.WriteLine($"# {choice}; {acc.Device}");
        var device = new double[points * 4];
        acc.KernelSet<LaneKernels>().IntegrateLanes<MemristorLane<TeamEquations>>(lanes.AsSpan(0, Math.Min(points, 256)), new TransientGrid(40e-6, 10), bank, device); // compile and warm up
        var clock = Stopwatch.StartNew();
        acc.KernelSet<LaneKernels>().IntegrateLanes<MemristorLane<TeamEquations>>(lanes, grid, bank, device);
        var seconds = clock.Elapsed.TotalSeconds;

        var n = Math.Min(points, Math.Max(64, cpuPoints ?? points / 100));
        using var cpu = AcceleratorCatalog.CreateCpu();
        var managed = new double[n * 4];
        clock.Restart();
        cpu.KernelSet<LaneKernels>().IntegrateLanes<MemristorLane<TeamEquations>>(lanes.AsSpan(0, n), grid, bank, managed);
        var cpuSeconds = clock.Elapsed.TotalSeconds;
        var worst = 0.0;
        for (var k = 0; k < managed.Length; k++)
        {
            if (!(double.IsNaN(managed[k]) && double.IsNaN(device[k])))
            {
                worst = Math.Max(worst, Math.Abs(device[k] - managed[k]) / Math.Max(Math.Abs(managed[k]), 1e-300));
            }
        }

        var rate = (double)points * steps / seconds;
        var cpuRate = (double)n * steps / cpuSeconds;
        Console.WriteLine("backend,points,steps,seconds,points_steps_per_s,cpu_points,cpu_seconds,cpu_points_steps_per_s,speedup,max_rel_diff");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{backend},{points},{steps},{seconds:G4},{rate:G4},{n},{cpuSeconds:G4},{cpuRate:G4},{rate / cpuRate:G4},{worst:G3}"));
    }
}
