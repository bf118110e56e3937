using System.Diagnostics;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Crossbars.Training;

/// <summary>Training algorithm of <see cref="AnalogTrainer"/>.</summary>
public enum TrainingAlgorithm
{
    /// <summary>Floating-point SGD (the reference): exact outer-product updates, no bounds.</summary>
    FloatingPoint,

    /// <summary>Analog SGD: each layer is one tile; the gradient update is applied with pulses on it.</summary>
    AnalogSgd,

    /// <summary>Tiki-Taka v1 (Gokmen &amp; Haensch 2020): W = γ·A + C; pulses go to the fast tile A, columns of A are transferred into C.</summary>
    TikiTaka,

    /// <summary>
    /// Tiki-Taka v2 (Gokmen 2021): as v1, but a column read from A is added to a digital buffer H, and C receives
    /// a pulse only where |H| reaches the threshold (H low-pass filters A's noise); γ = 0 by default (W = C).
    /// </summary>
    TikiTakaV2,

    /// <summary>
    /// Mixed precision (Nandakumar et al. 2020): the gradient update accumulates in a digital matrix χ; a device gets
    /// ⌊|χ|/ε⌋ pulses when |χ| ≥ ε (ε = the device's nominal Δw_min) and χ keeps the remainder.
    /// </summary>
    MixedPrecision,
}

/// <summary>Hidden-layer nonlinearity.</summary>
public enum HiddenActivation
{
    /// <summary>tanh.</summary>
    Tanh,

    /// <summary>Logistic sigmoid.</summary>
    Sigmoid,
}

/// <summary>Tiki-Taka settings.</summary>
/// <param name="Gamma">γ of W = γ·A + C (v2: 0 unless given).</param>
/// <param name="TransferEvery">Updates (samples) between two column transfers, n_transfer ≥ 1.</param>
/// <param name="TransferLearningRate">η_transfer: v1 pulses C[:, k] += η_transfer·A[:, k]; v2 adds η_transfer·A[:, k] to H[:, k].</param>
/// <param name="BufferThreshold">v2: C gets pulses where |H| ≥ this × Δw_min (the number of whole Δw_min in H).</param>
/// <param name="ZeroShiftPulses">
/// Zero-shifting (Kim et al. 2019): before training, this many up/down pulse pairs drive every device of the fast tile
/// A to its symmetry point (where its up and down steps are equal), which is stored as A's reference and subtracted
/// from every read of A; 0: off, A is read against 0.
/// </param>
public sealed record TikiTakaSettings(double Gamma = 1, int TransferEvery = 2, double TransferLearningRate = 0.1, double BufferThreshold = 1, int ZeroShiftPulses = 0);

/// <summary>What to train: a fully connected network inputs → hidden (tanh or sigmoid) → classes (softmax cross-entropy), one sample per update.</summary>
/// <param name="Algorithm">fp, analog SGD or Tiki-Taka.</param>
/// <param name="Device">Device model of every tile (ignored for fp).</param>
/// <param name="Update">Pulsed update settings (ignored for fp).</param>
/// <param name="Hidden">Hidden units.</param>
/// <param name="Epochs">Passes over the training set.</param>
/// <param name="LearningRate">η of SGD.</param>
/// <param name="Seed">Seed of the initial weights, the sample order, the device draws and the pulse streams.</param>
public sealed record TrainingSpec(TrainingAlgorithm Algorithm, PulsedDevice Device, PulseUpdate Update, int Hidden, int Epochs, double LearningRate, long Seed)
{
    /// <summary>Hidden nonlinearity.</summary>
    public HiddenActivation Activation { get; init; } = HiddenActivation.Tanh;

    /// <summary>Tiki-Taka settings (used with <see cref="TrainingAlgorithm.TikiTaka"/>).</summary>
    public TikiTakaSettings TikiTaka { get; init; } = new();

    /// <summary>The tile settings of every layer.</summary>
    public TileTraining Tiles => new(Algorithm, Device, Update, TikiTaka);
}

/// <summary>A labelled data set: feature rows and class labels 0..classes−1.</summary>
/// <param name="Features">One row per sample.</param>
/// <param name="Labels">Class of each sample.</param>
/// <param name="Classes">Number of classes.</param>
public sealed record LabelledData(IReadOnlyList<double[]> Features, IReadOnlyList<int> Labels, int Classes);

/// <summary>Per-epoch results of <see cref="AnalogTrainer.Train"/>.</summary>
/// <param name="TrainLoss">Mean cross-entropy over each epoch's training samples (as seen during the epoch).</param>
/// <param name="TestAccuracy">Test accuracy after each epoch.</param>
/// <param name="EpochSeconds">Wall time of each epoch.</param>
/// <param name="FinalWeights">Effective weights of all layers at the end (biases included).</param>
/// <param name="Pulses">Pulses applied to all tiles (0 for fp).</param>
public sealed record TrainingResult(IReadOnlyList<double> TrainLoss, IReadOnlyList<double> TestAccuracy, IReadOnlyList<double> EpochSeconds, IReadOnlyList<double> FinalWeights, long Pulses)
{
    /// <summary>
    /// True when training was interrupted after at least one finished epoch: the lists cover the finished epochs; the
    /// final weights are the tiles as they were when stopped (devices cannot be rolled back).
    /// </summary>
    public bool Interrupted { get; init; }

    /// <summary>
    /// The weights the devices hold at the end, layer by layer: each layer's main tile, then Tiki-Taka's fast tile (so
    /// twice as many as <see cref="FinalWeights"/> with Tiki-Taka).
    /// </summary>
    public IReadOnlyList<double> DeviceWeights { get; init; } = [];
}

/// <summary>
/// Trains a two-layer fully connected classifier on crossbar tiles (<see cref="AnalogTile"/>): forward and backward
/// passes read the tiles, SGD updates are pulsed into them. Each layer's bias is one more tile column driven by 1.
/// Tiki-Taka v1: each layer has a fast tile A (starts at 0) and a slow tile C (holds the initial weights); the
/// gradient update −η·δ·xᵀ is pulsed into A; every n_transfer updates one column k of A (cycling over the columns) is
/// read with a one-hot forward pass and pulsed into C with C[:, k] += η_transfer·A[:, k]; forward and backward use
/// W = γ·A + C. A is not reset after a transfer. Tiki-Taka v2 adds the column to a digital buffer H instead and
/// pulses C only where |H| reaches the threshold; mixed precision accumulates the gradient update itself in a digital
/// χ and pulses whole Δw_min steps (<see cref="TrainingAlgorithm"/>).
/// </summary>
public static class AnalogTrainer
{
    /// <summary>
    /// Trains on <paramref name="train"/> and reports test accuracy on <paramref name="test"/> after each epoch. A
    /// cancellation stops at the next sample: the result then covers the finished epochs (<see cref="TrainingResult.Interrupted"/>),
    /// or, before the first epoch ends, <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public static TrainingResult Train(TrainingSpec spec, LabelledData train, LabelledData test, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Hidden, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Epochs, 1);
        if (train.Features.Count == 0)
        {
            throw new ArgumentException("no training samples", nameof(train));
        }

        var inputs = train.Features[0].Length;
        var classes = train.Classes;
        var init = RandomStream.ForStream(spec.Seed, 0);
        var order = RandomStream.ForStream(spec.Seed, 1);
        var net = new Network(spec, inputs, classes, init, spec.Seed);

        var losses = new List<double>();
        var accuracy = new List<double>();
        var seconds = new List<double>();
        var idx = Enumerable.Range(0, train.Features.Count).ToArray();
        for (var epoch = 0; epoch < spec.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            order.Shuffle(idx.AsSpan());
            var loss = 0.0;
            foreach (var s in idx)
            {
                if (cancel.IsCancellationRequested)
                {
                    // the finished epochs are kept; with none there is nothing to report
                    return epoch == 0 ? throw new OperationCanceledException(cancel)
                        : new TrainingResult(losses, accuracy, seconds, net.EffectiveWeights(), net.Pulses) { Interrupted = true, DeviceWeights = net.DeviceWeights() };
                }

                loss += net.Step(train.Features[s], train.Labels[s]);
            }

            seconds.Add(clock.Elapsed.TotalSeconds);
            losses.Add(loss / idx.Length);
            accuracy.Add(Accuracy(net, test));
            progress?.Report((epoch + 1.0) / spec.Epochs);
        }

        return new TrainingResult(losses, accuracy, seconds, net.EffectiveWeights(), net.Pulses) { DeviceWeights = net.DeviceWeights() };
    }

    private static double Accuracy(Network net, LabelledData data)
    {
        if (data.Features.Count == 0)
        {
            return double.NaN;
        }

        var right = 0;
        for (var s = 0; s < data.Features.Count; s++)
        {
            var p = net.Predict(data.Features[s]);
            if (Array.IndexOf(p, p.Max()) == data.Labels[s])
            {
                right++;
            }
        }

        return (double)right / data.Features.Count;
    }

    private sealed class Network
    {
        private readonly AnalogLayer hidden;
        private readonly AnalogLayer output;
        private readonly TrainingSpec spec;
        private readonly double[] x;
        private readonly double[] h;
        private readonly double[] hIn;
        private readonly double[] z;
        private readonly double[] p;
        private readonly double[] dOut;
        private readonly double[] gHidden;
        private readonly double[] dHidden;

        public Network(TrainingSpec spec, int inputs, int classes, RandomStream init, long seed)
        {
            this.spec = spec;
            hidden = Layer(spec.Hidden, inputs + 1, spec, init, seed, 10);
            output = Layer(classes, spec.Hidden + 1, spec, init, seed, 20);
            x = new double[inputs + 1];
            hIn = new double[spec.Hidden];
            h = new double[spec.Hidden + 1];
            z = new double[classes];
            p = new double[classes];
            dOut = new double[classes];
            gHidden = new double[spec.Hidden + 1];
            dHidden = new double[spec.Hidden];
        }

        public long Pulses => hidden.Pulses + output.Pulses;

        public double[] Predict(double[] features)
        {
            Forward(features);
            return (double[])p.Clone();
        }

        /// <summary>One SGD step on one sample; returns its cross-entropy before the step.</summary>
        public double Step(double[] features, int label)
        {
            Forward(features);
            var loss = -Math.Log(Math.Max(p[label], 1e-300));
            for (var k = 0; k < p.Length; k++)
            {
                dOut[k] = -(p[k] - (k == label ? 1 : 0));
            }

            output.Backward(dOut, gHidden);
            for (var j = 0; j < dHidden.Length; j++)
            {
                var a = h[j];
                var slope = spec.Activation == HiddenActivation.Tanh ? 1 - (a * a) : a * (1 - a);
                dHidden[j] = gHidden[j] * slope;
            }

            output.Update(h, dOut, spec.LearningRate);
            hidden.Update(x, dHidden, spec.LearningRate);
            return loss;
        }

        public double[] EffectiveWeights() => [.. hidden.Effective(), .. output.Effective()];

        public double[] DeviceWeights() => [.. hidden.DeviceWeights(), .. output.DeviceWeights()];

        /// <summary>A layer programmed with uniform ±1/sqrt(fan-in) weights (directly: write-verify is outside this model).</summary>
        private static AnalogLayer Layer(int rows, int cols, TrainingSpec spec, RandomStream init, long seed, int stream)
        {
            var layer = new AnalogLayer(rows, cols, spec.Tiles, seed, stream);
            var bound = 1 / Math.Sqrt(cols);
            var w = new double[rows * cols];
            for (var k = 0; k < w.Length; k++)
            {
                w[k] = init.NextDouble(-bound, bound);
            }

            layer.Program(w);
            return layer;
        }

        private void Forward(double[] features)
        {
            features.AsSpan().CopyTo(x);
            x[^1] = 1;
            hidden.Forward(x, hIn);
            for (var j = 0; j < hIn.Length; j++)
            {
                h[j] = spec.Activation == HiddenActivation.Tanh ? Math.Tanh(hIn[j]) : 1 / (1 + Math.Exp(-hIn[j]));
            }

            h[^1] = 1;
            output.Forward(h, z);
            var max = z.Max();
            var sum = 0.0;
            for (var k = 0; k < z.Length; k++)
            {
                p[k] = Math.Exp(z[k] - max);
                sum += p[k];
            }

            for (var k = 0; k < z.Length; k++)
            {
                p[k] /= sum;
            }
        }
    }
}
