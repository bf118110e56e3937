using System.Diagnostics;
using System.Globalization;
using Neuromorph.Crossbars.Training;
using Neuromorph.Devices;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Crossbars;

/// <summary>
/// Device updates per second of the pulsed update on one tile (issue 27's target: 10^8 per second on a 512 × 512 tile,
/// 2 cores): `Neuromorph.Benchmarks pulsed-update [sizes] [preset]`. Each ApplyUpdate visits every device once (one
/// device update = one device's coincidence count and its pulses), with inputs and errors like a training step's.
/// The preset "vteam" is the physical VTEAM device of circuits/analog_training_vteam.yaml, without and with the V/2 scheme.
/// </summary>
public static class PulsedUpdateRate
{
    /// <summary>Prints one line per size and mode: ms per update, device updates per second, pulses per update.</summary>
    public static void Run(IEnumerable<int> sizes, string preset)
    {
        var bandwidth = ReadBandwidth();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"memory read bandwidth, one thread, 256 MB of doubles summed with SIMD: {bandwidth / 1e9:F1} GB/s"));
        foreach (var n in sizes)
        {
            // stochastic on one thread and on all cores (the weights are the same); with preset "vteam", the example's
            // physical VTEAM device (circuits/analog_training_vteam.yaml) without and with the V/2 scheme
            var vteam = preset == "vteam";
            var cases = vteam
                ? new[] { (UpdateMode.Stochastic, 31, 1, false), (UpdateMode.Stochastic, 31, -1, false), (UpdateMode.Stochastic, 31, 1, true), (UpdateMode.Stochastic, 31, -1, true) }
                : [(UpdateMode.Stochastic, 31, 1, false), (UpdateMode.Stochastic, 31, -1, false), (UpdateMode.Stochastic, 1, 1, false), (UpdateMode.Stochastic, 1, -1, false), (UpdateMode.PulseCount, 0, 1, false)];
            foreach (var (mode, bl, threads, halfSelect) in cases)
            {
                var device = vteam ? Vteam() : PulsedDevice.Preset(preset, 0.001)!;
                var tile = new AnalogTile(n, n, device, new PulseUpdate(mode, Math.Max(1, bl)) { HalfSelect = halfSelect }, new RandomStream(1)) { MaxDegreeOfParallelism = threads };
                var rng = new RandomStream(2);
                var x = Enumerable.Range(0, n).Select(_ => rng.NextDouble(-1, 1)).ToArray();
                var d = Enumerable.Range(0, n).Select(_ => rng.NextDouble(-0.1, 0.1)).ToArray();
                tile.ApplyUpdate(x, d, 0.01); // warm up
                var before = tile.PulseCount;
                var updates = 0;
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalSeconds < 2)
                {
                    tile.ApplyUpdate(x, d, 0.01);
                    updates++;
                }

                var seconds = clock.Elapsed.TotalSeconds;
                var rate = (double)n * n * updates / seconds;
                // a pulsed device reads its weight, two steps and two bounds and writes its weight: 48 bytes; the devices
                // pulsed per update are at most the pulses per update (the row and column bit streams stay in cache)
                var pulsedDevices = Math.Clamp((double)(tile.PulseCount - before) / updates / ((double)n * n), 1e-9, 1);
                var bound = bandwidth / (48 * pulsedDevices);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{n}x{n} {preset} {mode}{(mode == UpdateMode.Stochastic ? $" BL {bl}, {(threads == 1 ? "1 thread" : $"{Environment.ProcessorCount} threads")}" : "")}{(halfSelect ? ", V/2 scheme" : "")}: {1e3 * seconds / updates:F3} ms/update, {rate:E3} device updates/s, {(double)(tile.PulseCount - before) / updates:F0} pulses/update; memory-bound limit {bound:E2}/s ({rate / bound:P0} of it)"));
            }
        }
    }

    /// <summary>The example's VTEAM device: SET −0.21 V and RESET 0.1 V for 2 ns (half RESET disturbs).</summary>
    private static PulsedDevice Vteam()
    {
        var parameters = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
        {
            ["ron"] = 50, ["roff"] = 1e3, ["kon"] = -10, ["koff"] = 5e-4, ["alphaon"] = 3, ["alphaoff"] = 1,
            ["von"] = -0.2, ["voff"] = 0.02, ["xoff"] = 3e-9, ["aoff"] = 3e-9, ["wc"] = 0.1e-9,
        };
        var model = MemristorCatalog.Create("vteam", parameters, SourceLocation.None);
        return PulsedDevice.Physical(new PhysicalResponse(model, new ProgrammingPulse(-0.21, 2e-9), new ProgrammingPulse(0.1, 2e-9)));
    }

    /// <summary>Bytes per second one thread reads summing a 256 MB array (best of 3).</summary>
    private static double ReadBandwidth()
    {
        var a = new double[32 * 1024 * 1024];
        a.AsSpan().Fill(1);
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            // four independent vector sums: bound by memory, not by the latency of one chain of additions
            var vs = System.Runtime.InteropServices.MemoryMarshal.Cast<double, System.Numerics.Vector<double>>(a.AsSpan());
            System.Numerics.Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
            for (var k = 0; k + 3 < vs.Length; k += 4)
            {
                s0 += vs[k];
                s1 += vs[k + 1];
                s2 += vs[k + 2];
                s3 += vs[k + 3];
            }

            var s = System.Numerics.Vector.Sum(s0 + s1 + s2 + s3);

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            if (s < 0)
            {
                Console.WriteLine(s);
            }
        }

        return a.Length * 8.0 / best;
    }
}
