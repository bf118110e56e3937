using System.Diagnostics;
using System.Globalization;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Rtrl;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Sequence;

/// <summary>
/// `rtrl-cost [cells] [sizes]`: seconds per time step of a gradient by RTRL (sensitivity update and loss gradient,
/// one sequence) over 10 steps against BPTT (forward and backward over T = 50 steps, divided by T), one thread, as the hidden size
/// grows; prints a Markdown table and the exponents of power laws fitted to the largest sizes (log-log least squares).
/// </summary>
public static class RtrlCost
{
    private const int Steps = 50, RtrlSteps = 10;

    /// <summary>Runs the sweep over <paramref name="cells"/> and hidden <paramref name="sizes"/>.</summary>
    public static void Run(IReadOnlyList<CellType> cells, IReadOnlyList<int> sizes)
    {
        var gemm = new CpuGemm(1);
        Console.WriteLine("| cell | hidden n | recurrent parameters P | RTRL s/step | BPTT s/step | ratio |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var cell in cells)
        {
            var rows = new List<(int N, double Rtrl, double Bptt)>();
            foreach (var n in sizes)
            {
                var model = SequenceModel.Create(new SequenceModelSpec(cell, 1, n, 1), 1, gemm);
                var rng = new RandomStream(2UL);
                var x = Enumerable.Range(0, Steps).Select(_ => rng.NextGaussian()).ToArray();
                var dy = Enumerable.Range(0, Steps).Select(_ => rng.NextGaussian()).ToArray();
                var rtrl = new RtrlGradient(model);
                var perRtrl = Time(() =>
                {
                    rtrl.Reset(1);
                    for (var t = 0; t < RtrlSteps; t++)
                    {
                        rtrl.Step(x.AsSpan(t, 1));
                        rtrl.Accumulate(dy.AsSpan(t, 1));
                    }
                }) / RtrlSteps;
                var perBptt = Time(() =>
                {
                    model.ZeroGradients();
                    model.Backward(model.Forward(x, Steps, 1), dy);
                }) / Steps;
                rows.Add((n, perRtrl, perBptt));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {CellTypes.Name(cell)} | {n} | {rtrl.SensitivityColumns} | {perRtrl:E2} | {perBptt:E2} | {perRtrl / perBptt:F0} |"));
            }

            var fit = rows.Where(r => r.N >= 32).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {CellTypes.Name(cell)} | fitted exponent (n ≥ 32) | | {Slope(fit.Select(r => (r.N, r.Rtrl))):F2} | {Slope(fit.Select(r => (r.N, r.Bptt))):F2} | |"));
        }
    }

    /// <summary>Median seconds of one call over repetitions filling about half a second (after a warm-up call).</summary>
    private static double Time(Action work)
    {
        work();
        var clock = Stopwatch.StartNew();
        work();
        var once = Math.Max(clock.Elapsed.TotalSeconds, 1e-7);
        var reps = (int)Math.Clamp(0.5 / once, 3, 2000);
        var times = new double[reps];
        for (var i = 0; i < reps; i++)
        {
            clock.Restart();
            work();
            times[i] = clock.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[reps / 2];
    }

    /// <summary>Least-squares slope of log(seconds) against log(n).</summary>
    private static double Slope(IEnumerable<(int N, double Seconds)> points)
    {
        var p = points.Select(q => (X: Math.Log(q.N), Y: Math.Log(q.Seconds))).ToList();
        double mx = p.Average(q => q.X), my = p.Average(q => q.Y);
        return p.Sum(q => (q.X - mx) * (q.Y - my)) / p.Sum(q => (q.X - mx) * (q.X - mx));
    }
}
