using System.Diagnostics;
using System.Globalization;
using Neuromorph.Crossbars.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Crossbars;

/// <summary>
/// Device updates per second of the pulsed update on one tile (issue 27's target: 10^8 per second on a 512 × 512 tile,
/// 2 cores): `Neuromorph.Benchmarks pulsed-update [sizes] [preset]`. Each ApplyUpdate visits every device once (one
/// device update = one device's coincidence count and its pulses), with inputs and errors like a training step's.
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
            foreach (var (mode, bl) in new[] { (UpdateMode.Stochastic, 31), (UpdateMode.Stochastic, 1), (UpdateMode.PulseCount, 0) })
            {
                var device = PulsedDevice.Preset(preset, 0.001)!;
                var tile = new AnalogTile(n, n, device, new PulseUpdate(mode, Math.Max(1, bl)), new RandomStream(1));
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
                    $"{n}x{n} {preset} {mode}{(mode == UpdateMode.Stochastic ? $" BL {bl}" : "")}: {1e3 * seconds / updates:F3} ms/update, {rate:E3} device updates/s, {(double)(tile.PulseCount - before) / updates:F0} pulses/update; memory-bound limit {bound:E2}/s ({rate / bound:P0} of it)"));
            }
        }
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
