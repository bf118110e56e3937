using Neuromorph.Compute;
using Neuromorph.Crossbars;
using Neuromorph.Experiments.Sequence;
using Neuromorph.Experiments.Shared;
using Neuromorph.Networks;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Tests.Networks.Sequence;

/// <summary>A GRU trained on sine prediction twice, plainly and with multiplicative weight noise (σ = 0.1), shared by the hardware tests.</summary>
public sealed class TrainedSineModels
{
    public TrainedSineModels()
    {
        var series = SineWave.Prediction(2400, 25.3, amplitude: 0.8);
        Train = series.Slice(0, 1600).ToSequences(40, 20, 5);
        Test = series.Slice(1600, 800).ToSequences(40, 40, 5);
        Plain = Fit(null);
        NoiseAware = Fit(new WeightNoise(0.1, Multiplicative: true));
    }

    public SequenceSet Train { get; }

    public SequenceSet Test { get; }

    public SequenceModel Plain { get; }

    public SequenceModel NoiseAware { get; }

    private SequenceModel Fit(WeightNoise? noise)
    {
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 16, 1), 1);
        Trainer.Train(m, Train, null, new TrainingOptions { Epochs = 60, BatchSize = 16, LearningRate = 5e-3, Seed = 2, Noise = noise });
        return m;
    }
}

public class HardwareInferenceTests(TrainedSineModels models) : IClassFixture<TrainedSineModels>
{
    internal static double[,] ToArray(Parameter p) => CrossbarWeights.ToArray(p.Value, p.Rows, p.Columns);

    private static Func<Parameter, IWeightSubstrate> Crossbars(NonIdealities n, int seed, double gMin = 1e-6, double gMax = 100e-6, bool compensateDrift = false)
    {
        var k = 0;
        return p =>
        {
            var w = ToArray(p);
            var spec = CrossbarSubstrateSpec.Default with { GMin = gMin, GMax = gMax, NonIdealities = n };
            var arraySeed = (seed * 101) + k++;
            var beforeDrift = compensateDrift ? new CrossbarSubstrate(w, spec with { NonIdealities = n with { DriftTime = 0 } }, arraySeed) : null;
            return new NoiseManagedSubstrate(new CrossbarSubstrate(w, spec, arraySeed), beforeDrift);
        };
    }

    private static double HardwareMse(SequenceModel m, SequenceSet test, Func<Parameter, IWeightSubstrate> substrate)
    {
        m.BindWeights(substrate);
        try
        {
            return SequenceEvaluation.MeanLoss(m, test, LossKind.MeanSquaredError);
        }
        finally
        {
            m.BindWeights(null);
        }
    }

    private double MeanOverSeeds(SequenceModel m, Func<int, Func<Parameter, IWeightSubstrate>> substrate, int seeds = 4) =>
        Enumerable.Range(0, seeds).Average(s => HardwareMse(m, models.Test, substrate(s)));

    [Theory]
    [InlineData("rnn_tanh", 2)]
    [InlineData("jordan", 1)]
    [InlineData("lstm", 2)]
    [InlineData("gru", 1)]
    public void Ideal_crossbars_compute_what_the_software_model_computes(string cell, int layers)
    {
        var model = SequenceFixtures.Model(cell, 3, 6, 2, layers, 8);
        var x = SequenceFixtures.Uniform(9 * 4 * 3, 9);
        var software = (double[])model.Forward(x, 9, 4).Outputs.Clone();
        model.BindWeights(Crossbars(new NonIdealities(), 1));
        var hardware = model.Forward(x, 9, 4).Outputs;
        for (var i = 0; i < 9 * 4 * 2; i++)
        {
            Assert.Equal(software[i], hardware[i], 1e-9);
        }
    }

    [Fact]
    public void Ideal_crossbar_reservoir_and_readout_compute_what_the_software_esn_computes()
    {
        var s = Narma10.Generate(300, 2);
        var soft = new EchoStateNetwork(new ReservoirSpec { Units = 40, SpectralRadius = 0.9, InputScaling = 0.3, Seed = 3 });
        var hard = new EchoStateNetwork(soft.Spec);
        var states = soft.Run(s.Inputs, 300);
        var readout = ReservoirReadout.Fit(states, s.Inputs, s.Targets, 300, 40, 1, 1, 50, 1e-6, true);
        hard.RecurrentWeights = new NoiseManagedSubstrate(new CrossbarSubstrate(soft.Recurrent.ToDense(), CrossbarSubstrateSpec.Default, 1));
        hard.InputWeights = new NoiseManagedSubstrate(new CrossbarSubstrate(soft.InputMatrixArray(), CrossbarSubstrateSpec.Default, 2));
        var hardStates = hard.Run(s.Inputs, 300);
        var expected = readout.Predict(states, s.Inputs, 50, 250);
        var w = new double[1, readout.Features];
        for (var j = 0; j < readout.Features; j++)
        {
            w[0, j] = readout.Weights[j];
        }

        readout.Substrate = new NoiseManagedSubstrate(new CrossbarSubstrate(w, CrossbarSubstrateSpec.Default, 3));
        var actual = readout.Predict(hardStates, s.Inputs, 50, 250);
        for (var t = 0; t < 250; t++)
        {
            Assert.Equal(expected[t], actual[t], 1e-9);
        }
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Error_grows_with_variability_read_noise_and_drift_time()
    {
        var m = models.Plain;
        var software = SequenceEvaluation.MeanLoss(m, models.Test, LossKind.MeanSquaredError);
        var byVariability = new[] { 0.02, 0.05, 0.1, 0.2 }.Select(v => MeanOverSeeds(m, s => Crossbars(new NonIdealities { Variability = v }, s))).ToArray();
        var byReadNoise = new[] { 0.01, 0.03, 0.1 }.Select(r => MeanOverSeeds(m, s => Crossbars(new NonIdealities { ReadNoise = r }, s))).ToArray();
        var pcm = new[] { 20.0, 3600, 30 * 86400, 3e8 }.Select(t => MeanOverSeeds(m, s => Crossbars(new NonIdealities { PcmModel = true, DriftTime = t }, s, 0, 25e-6))).ToArray();
        foreach (var (name, curve) in new[] { ("variability", byVariability), ("read noise", byReadNoise), ("PCM drift", pcm) })
        {
            Assert.True(curve[0] > software, $"{name}: hardware MSE {curve[0]:E2} not above software {software:E2}");
            for (var k = 1; k < curve.Length; k++)
            {
                Assert.True(curve[k] > curve[k - 1], $"{name}: MSE fell from {curve[k - 1]:E2} to {curve[k]:E2}");
            }
        }

        var compensated = MeanOverSeeds(m, s => Crossbars(new NonIdealities { PcmModel = true, DriftTime = 3e8 }, s, 0, 25e-6, compensateDrift: true));
        Assert.True(compensated < 0.5 * pcm[^1], $"global drift compensation: {compensated:E2} vs {pcm[^1]:E2} without");
    }

    /// <summary>Stated noise level: lognormal device-to-device variability σ = 0.1 of every conductance (5 programming seeds).</summary>
    [Fact]
    public void Noise_aware_training_reduces_the_degradation_on_variable_devices()
    {
        var plain = MeanOverSeeds(models.Plain, s => Crossbars(new NonIdealities { Variability = 0.1 }, s), 5);
        var aware = MeanOverSeeds(models.NoiseAware, s => Crossbars(new NonIdealities { Variability = 0.1 }, s), 5);
        Assert.True(aware < 0.85 * plain, $"hardware MSE: noise-aware {aware:E2}, plain {plain:E2}");
    }
}
