using Neuromorph.Networks.Sequence;
using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Networks.Tasks;

namespace Neuromorph.Tests.Networks.Sequence;

public class TrainingTests
{
    [Trait("Category", "slow")]
    [Theory]
    [InlineData(CellType.RnnTanh, 70)]
    [InlineData(CellType.Lstm, 120)]
    public void Sine_prediction_reaches_a_test_mse_below_1e_4(CellType cell, int epochs)
    {
        var series = SineWave.Prediction(2400, period: 25.3);
        var train = series.Slice(0, 1600).ToSequences(40, 20, washout: 5);
        var test = series.Slice(1600, 800).ToSequences(40, 40, washout: 5);
        var model = SequenceModel.Create(new SequenceModelSpec(cell, 1, 16, 1), 1);
        var result = Trainer.Train(model, train, test, new TrainingOptions { Epochs = epochs, BatchSize = 16, LearningRate = 5e-3, Seed = 2 });
        var mse = SequenceEvaluation.MeanLoss(model, test, LossKind.MeanSquaredError);
        Assert.True(mse < 1e-4, $"{cell}: test MSE {mse:E3} after {result.Epochs.Count} epochs");
        Assert.Equal(result.Epochs.Min(e => e.ValidationLoss), mse, 1e-12); // the best validation epoch is kept
    }

    /// <summary>
    /// The adding problem at T = 50 (trivial answer: MSE 1/6): the gated cells get far below 0.01 within a few epochs,
    /// where a tanh Elman network trained the same way stays at the trivial answer (benchmarks/RESULTS.md has the curves).
    /// </summary>
    [Trait("Category", "slow")]
    [Theory]
    [InlineData(CellType.Lstm, 4)]
    [InlineData(CellType.Gru, 2)]
    public void Gated_cells_solve_the_adding_problem_at_T_50(CellType cell, int epochs)
    {
        var train = AddingProblem.Generate(6000, 50, seed: 1);
        var test = AddingProblem.Generate(500, 50, seed: 2);
        var model = SequenceModel.Create(new SequenceModelSpec(cell, 2, 24, 1), 3);
        Trainer.Train(model, train, null, new TrainingOptions { Epochs = epochs, BatchSize = 32, LearningRate = 1e-2, ClipNorm = 1, Seed = 4 });
        var mse = SequenceEvaluation.MeanLoss(model, test, LossKind.MeanSquaredError);
        Assert.True(mse < 0.01, $"{cell}: adding-problem test MSE {mse:F4} (trivial {AddingProblem.TrivialMse:F3})");
    }

    [Fact]
    public void Same_seed_gives_the_same_run_and_truncation_at_the_sequence_length_is_full_bptt()
    {
        var set = SineWave.Prediction(400, 17).ToSequences(20, 10, 2);
        double[] Run(int truncation)
        {
            var m = SequenceModel.Create(new SequenceModelSpec(CellType.Gru, 1, 6, 1), 9);
            return [.. Trainer.Train(m, set, null, new TrainingOptions { Epochs = 3, BatchSize = 8, Seed = 5, Truncation = truncation }).Epochs.Select(e => e.TrainLoss)];
        }

        Assert.Equal(Run(0), Run(0));
        Assert.Equal(Run(0), Run(20));
        Assert.NotEqual(Run(0), Run(5)); // chunks of 5 update four times per batch
    }

    [Fact]
    public void Truncated_bptt_learns_sine_prediction()
    {
        var set = SineWave.Prediction(1200, 25.3).ToSequences(60, 30, 5);
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.Lstm, 1, 12, 1), 1);
        var r = Trainer.Train(m, set, null, new TrainingOptions { Epochs = 40, BatchSize = 8, LearningRate = 5e-3, Truncation = 15 });
        Assert.True(r.Epochs[^1].TrainLoss < 1e-3 * r.Epochs[0].TrainLoss, $"loss {r.Epochs[0].TrainLoss:E2} -> {r.Epochs[^1].TrainLoss:E2}");
    }

    [Fact]
    public void Diverging_training_stops_names_the_epoch_and_keeps_the_last_good_model()
    {
        var set = SineWave.Prediction(300, 17).ToSequences(20, 10);
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.RnnRelu, 1, 8, 1), 2);
        var epochEnds = new List<double[][]>();
        var r = Trainer.Train(m, set, null, new TrainingOptions { Epochs = 50, BatchSize = 4, Optimizer = OptimizerKind.Sgd, LearningRate = 3, Shuffle = false },
            _ => epochEnds.Add(m.Snapshot()));
        Assert.NotNull(r.DivergedAtEpoch);
        Assert.Equal(r.DivergedAtEpoch - 1, r.Epochs.Count);
        Assert.All(m.Parameters, p => Assert.All(p.Value, v => Assert.True(double.IsFinite(v))));
        if (epochEnds.Count > 0)
        {
            Assert.Equal(epochEnds[^1], m.Snapshot());
        }
    }

    [Fact]
    public void Early_stopping_keeps_the_best_validation_epoch()
    {
        // a tiny training set and a large model overfit: validation stops improving
        var series = Narma10.Generate(700, 3);
        var train = series.Slice(0, 120).ToSequences(30, 30, 5);
        var validation = series.Slice(200, 500).ToSequences(30, 30, 5);
        var m = SequenceModel.Create(new SequenceModelSpec(CellType.Lstm, 1, 32, 1), 2);
        var r = Trainer.Train(m, train, validation, new TrainingOptions { Epochs = 400, BatchSize = 4, LearningRate = 1e-2, Patience = 10 });
        Assert.True(r.StoppedEarly, $"ran all {r.Epochs.Count} epochs");
        var best = r.Epochs.MinBy(e => e.ValidationLoss)!;
        Assert.Equal(best.Epoch, r.KeptEpoch);
        Assert.Equal(best.Epoch + 10, r.Epochs[^1].Epoch);
        Assert.Equal(best.ValidationLoss, SequenceEvaluation.MeanLoss(m, validation, LossKind.MeanSquaredError), 1e-12);
    }

    [Fact]
    public void Cross_entropy_gradient_matches_central_differences_and_the_softmax_formula()
    {
        var layout = new SequenceSet(2, 3, 1, 1, new double[6], new double[] { 2, 0 }, TargetTiming.FinalStep);
        var y = SequenceFixtures.Uniform(3 * 2 * 4, 3);
        var dy = new double[y.Length];
        var (sum, count) = Loss.Evaluate(LossKind.CrossEntropy, y, 0, 3, 2, 4, layout, layout.Targets, dy);
        Assert.Equal(2, count);
        double Lse(int row) => Math.Log(Enumerable.Range(0, 4).Sum(o => Math.Exp(y[(row * 4) + o])));
        Assert.Equal(Lse(4) - y[(4 * 4) + 2] + Lse(5) - y[5 * 4], sum, 12); // rows 4, 5 = last step of sequences 0, 1
        for (var i = 0; i < y.Length; i++)
        {
            var v = y[i];
            y[i] = v + 1e-6;
            var up = Loss.Evaluate(LossKind.CrossEntropy, y, 0, 3, 2, 4, layout, layout.Targets, new double[y.Length]).Sum / 2;
            y[i] = v - 1e-6;
            var down = Loss.Evaluate(LossKind.CrossEntropy, y, 0, 3, 2, 4, layout, layout.Targets, new double[y.Length]).Sum / 2;
            y[i] = v;
            Assert.Equal((up - down) / 2e-6, dy[i], 8);
        }
    }
}
