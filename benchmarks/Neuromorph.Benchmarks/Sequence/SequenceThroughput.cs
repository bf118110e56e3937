using System.Diagnostics;
using System.Globalization;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;
using Neuromorph.Numerics.Dense;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Benchmarks.Sequence;

/// <summary>
/// Head-to-head timings for benchmarks/RESULTS.md: `lstm-train` (training steps per second of a one-layer LSTM, the
/// same model benchmarks/compare/lstm_torch.py times in PyTorch), `esn-ridge` (ridge fit of 10^4 steps × 1000 units)
/// and `adding` (LSTM, GRU and Elman networks on the adding problem on one budget, with the gradient that reaches
/// each input step).
/// </summary>
public static class SequenceThroughput
{
    /// <summary>Training steps (forward, BPTT, Adam) per second: LSTM, input 32, hidden 128, batch 32, T = 100, on <paramref name="threads"/> threads.</summary>
    public static void LstmTrain(int threads, int seconds)
    {
        const int input = 32, hidden = 128, batch = 32, steps = 100;
        var model = SequenceModel.Create(new SequenceModelSpec(CellType.Lstm, input, hidden, 1), 1, new CpuGemm(threads));
        var rng = new RandomStream(2UL);
        var x = Enumerable.Range(0, steps * batch * input).Select(_ => rng.NextGaussian()).ToArray();
        var target = Enumerable.Range(0, steps * batch).Select(_ => rng.NextGaussian()).ToArray();
        var layout = new SequenceSet(batch, steps, input, 1, new double[batch * steps * input], new double[batch * steps], TargetTiming.EveryStep);
        var dy = new double[steps * batch];
        var adam = new Adam(1e-3);
        void Step()
        {
            model.ZeroGradients();
            var trace = model.Forward(x, steps, batch);
            Loss.Evaluate(LossKind.MeanSquaredError, trace.Outputs, 0, steps, batch, 1, layout, target, dy);
            model.Backward(trace, dy);
            adam.Step(model.Parameters);
        }

        for (var i = 0; i < 3; i++)
        {
            Step();
        }

        var clock = Stopwatch.StartNew();
        var n = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            Step();
            n++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"neuromorph lstm float64 threads={threads}: {n / clock.Elapsed.TotalSeconds:F2} steps/s ({n} steps)"));
    }

    /// <summary>Drives a 1000-unit reservoir for 10^4 steps, then times the ridge fit alone and with the run.</summary>
    public static void EsnRidge()
    {
        const int units = 1000, length = 10_000;
        var s = Narma10.Generate(length, 1);
        var clock = Stopwatch.StartNew();
        var esn = new EchoStateNetwork(new ReservoirSpec { Units = units, SpectralRadius = 0.9, Density = 0.01, InputScaling = 0.2, Seed = 1 });
        var build = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var states = esn.Run(s.Inputs, length);
        var run = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var readout = ReservoirReadout.Fit(states, s.Inputs, s.Targets, length, units, 1, 1, 0, 1e-6, true);
        var fit = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"esn {units} units, {length} steps: build {build:F2} s, run {run:F2} s, ridge fit {fit:F2} s ({readout.Features} features)"));
    }

    /// <summary>
    /// LSTM, GRU and tanh Elman networks (24 units) on the adding problem at T = <paramref name="steps"/>, the same
    /// budget each; prints test MSE per epoch and ‖∂L/∂x_t‖ before and after training against the distance from the end.
    /// </summary>
    public static void Adding(int steps, int epochs)
    {
        var train = AddingProblem.Generate(8000, steps, 1);
        var test = AddingProblem.Generate(1000, steps, 2);
        foreach (var cell in new[] { CellType.Lstm, CellType.Gru, CellType.RnnTanh })
        {
            var model = SequenceModel.Create(new SequenceModelSpec(cell, 2, 24, 1), 3);
            var flow = GradientFlow(model, test, steps);
            Console.WriteLine($"{cell}: |dL/dx_t| at init, t = T-1, T-10, T-25, T-50: " + string.Join(", ", new[] { 1, 10, 25, 50 }.Where(k => k <= steps).Select(k => flow[steps - k].ToString("E2", CultureInfo.InvariantCulture))));
            var clock = Stopwatch.StartNew();
            Trainer.Train(model, train, null, new TrainingOptions { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, ClipNorm = 1, Seed = 4 },
                e => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cell} epoch {e.Epoch}: train {e.TrainLoss:F4}, test {SequenceEvaluation.MeanLoss(model, test, LossKind.MeanSquaredError):F4} ({clock.Elapsed.TotalSeconds:F1} s)")));
            flow = GradientFlow(model, test, steps);
            Console.WriteLine($"{cell}: |dL/dx_t| after training, t = T-1, T-10, T-25, T-50: " + string.Join(", ", new[] { 1, 10, 25, 50 }.Where(k => k <= steps).Select(k => flow[steps - k].ToString("E2", CultureInfo.InvariantCulture))));
        }
    }

    /// <summary>Mean over a batch of ‖∂L/∂x_t‖ for the final-step MSE loss: how much gradient reaches step t.</summary>
    private static double[] GradientFlow(SequenceModel model, SequenceSet set, int steps)
    {
        const int batch = 64;
        var x = new double[steps * batch * 2];
        var targets = new double[batch];
        set.Gather([.. Enumerable.Range(0, batch)], x, targets);
        var trace = model.Forward(x, steps, batch);
        var dy = new double[steps * batch];
        Loss.Evaluate(LossKind.MeanSquaredError, trace.Outputs, 0, steps, batch, 1, set, targets, dy);
        var dh = new double[steps * batch * model.Spec.HiddenSize];
        model.Readout.Backward(dy, trace.Layers[0].Hidden, dh, steps * batch);
        var dx = new double[steps * batch * 2];
        model.Layers[0].Backward(trace.Layers[0], dh, dx);
        return [.. Enumerable.Range(0, steps).Select(t => Enumerable.Range(0, batch).Average(b => Math.Sqrt((dx[((t * batch) + b) * 2] * dx[((t * batch) + b) * 2]) + (dx[(((t * batch) + b) * 2) + 1] * dx[(((t * batch) + b) * 2) + 1]))))];
    }
}
