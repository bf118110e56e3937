using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks.Memory;

/// <summary>The NTM's pieces on hand-made values: addressing (content, interpolation, shift, sharpening), the copy task's layout, the loss.</summary>
public class NtmPartsTests
{
    private static double[] Raw(double[] key, double beta, double gate, double[] shift, double gamma) =>
        [.. key, beta, gate, .. shift, gamma];

    [Fact]
    public void Content_addressing_with_a_strong_key_focuses_on_the_matching_row()
    {
        double[] memory = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0]; // 4 rows × 3
        var head = new Addressing(4, 3);
        // β̂ = 50 (β ≈ 50), g = 1, no shift, γ ≈ 1
        head.Forward(Raw([0, 2, 0], 50, 40, [-40, 40, -40], -40), memory, [1, 0, 0, 0], []);
        Assert.Equal(1, head.Weights.Sum(), 12);
        Assert.True(head.Weights[1] > 0.99, $"row 1 weight {head.Weights[1]}");
        Assert.Equal(1, head.Similarity[1], 6);
        Assert.Equal(1 / Math.Sqrt(2), head.Similarity[3], 6);
    }

    [Fact]
    public void With_the_gate_closed_a_plus_one_shift_moves_the_previous_focus_one_row_on_circularly()
    {
        double[] memory = [.. Enumerable.Repeat(0.1, 8)]; // 4 rows × 2
        var head = new Addressing(4, 2);
        head.Forward(Raw([1, 0], 0, -40, [-40, -40, 40], 30), memory, [0, 0, 0, 1], []);
        Assert.True(head.Weights[0] > 0.999, $"weights {string.Join(", ", head.Weights)}");
        head.Forward(Raw([1, 0], 0, -40, [40, -40, -40], 30), memory, [1, 0, 0, 0], []);
        Assert.True(head.Weights[3] > 0.999, $"weights {string.Join(", ", head.Weights)}");
    }

    [Fact]
    public void Sharpening_raises_the_weights_to_gamma_and_renormalises()
    {
        double[] memory = [1, 0, 0, 1]; // 2 rows × 2
        var head = new Addressing(2, 2);
        // key equal to row 0 with β = softplus(0) = ln 2: w^c ∝ (2^1, 2^0) = (2/3, 1/3); γ = 1 + softplus(ln(e − 1)) = 2
        head.Forward(Raw([1, 0], 0, 40, [-40, 40, -40], Math.Log(Math.E - 1)), memory, [0.5, 0.5], []);
        Assert.Equal(2, head.Gamma, 12);
        Assert.Equal(0.8, head.Weights[0], 6); // (2/3)² / ((2/3)² + (1/3)²)
    }

    [Fact]
    public void A_copy_example_has_the_sequence_the_delimiter_and_the_targets_in_the_output_phase()
    {
        var example = new CopyTask(4, 3, 3).Next(new RandomStream(1));
        Assert.Equal(7, example.Steps);
        for (var t = 0; t < 3; t++)
        {
            Assert.Equal(0, example.Inputs[(t * 5) + 4]);
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(example.Inputs[(t * 5) + k], example.Targets[((t + 4) * 4) + k]);
                Assert.Equal(0, example.Targets[(t * 4) + k]);
            }
        }

        Assert.Equal([0, 0, 0, 0, 1], example.Inputs[15..20]);
        Assert.All(example.Inputs[20..], v => Assert.Equal(0, v));
        var perfect = example.Targets.Select(b => b > 0.5 ? 20.0 : -20.0).ToArray();
        Assert.True(CopyLoss.CrossEntropy(perfect, example, default) < 1e-8);
        Assert.Equal(0, CopyLoss.BitErrors(example.Targets, example));
        Assert.Equal(12, CopyLoss.BitErrors(example.Targets.Select(b => 1 - b).ToArray(), example));
    }

    [Fact]
    public void An_associative_recall_example_has_delimited_items_a_query_and_the_next_item_as_target()
    {
        var task = new AssociativeRecallTask(Bits: 3, ItemLength: 2, MinLength: 4, MaxLength: 4);
        var example = task.Next(new RandomStream(11));
        int c = 5, b = 3, l = 2;
        Assert.Equal(((4 + 1) * (l + 1)) + 1 + l, example.Steps);
        Assert.Equal(example.Steps - l, example.OutputStart);
        double[] Vector(double[] a, int t, int width, int count) => a[(t * width)..((t * width) + count)];
        var items = new List<double[]>();
        for (var i = 0; i < 4; i++)
        {
            var d = i * (l + 1);
            Assert.Equal([0, 0, 0, 1, 0], Vector(example.Inputs, d, c, c)); // item delimiter
            items.Add([.. Vector(example.Inputs, d + 1, c, b), .. Vector(example.Inputs, d + 2, c, b)]);
            Assert.Equal(0, example.Inputs[((d + 1) * c) + 3] + example.Inputs[((d + 1) * c) + 4]);
        }

        var q = 4 * (l + 1);
        Assert.Equal([0, 0, 0, 0, 1], Vector(example.Inputs, q, c, c));
        double[] query = [.. Vector(example.Inputs, q + 1, c, b), .. Vector(example.Inputs, q + 2, c, b)];
        Assert.Equal([0, 0, 0, 0, 1], Vector(example.Inputs, q + 3, c, c));
        var k = items.FindIndex(i => i.SequenceEqual(query));
        Assert.InRange(k, 0, 2); // never the last item
        double[] target = [.. Vector(example.Targets, example.OutputStart, b, b), .. Vector(example.Targets, example.OutputStart + 1, b, b)];
        Assert.Equal(items[k + 1], target);
        Assert.All(example.Targets[..(example.OutputStart * b)], v => Assert.Equal(0, v));
        Assert.All(example.Inputs[(example.OutputStart * c)..], v => Assert.Equal(0, v));
        Assert.Equal(0, CopyLoss.BitErrors(example.Targets, example));
        Assert.Equal(6, CopyLoss.BitErrors(example.Targets.Select(v => 1 - v).ToArray(), example));
    }

    [Fact]
    public void Bipolar_keys_compare_signs_one_minus_twice_the_normalised_hamming_distance()
    {
        double[] key = [0.3, -2, 0, 5, -0.1];
        double[] row = [1, -1, -4, 0.2, 0.7]; // signs agree at 0, 1, 3; differ at 2 (sign 0 = +) and 4
        Assert.Equal(1 - (2 * 2 / 5.0), Addressing.BipolarSimilarity(key, row), 15);
        Assert.Equal(1, Addressing.BipolarSimilarity(key, key), 15);
        Assert.Equal(-1, Addressing.BipolarSimilarity(key, key.Select(v => v >= 0 ? -1.0 : 1.0).ToArray()), 15);

        // in a head: β = softplus(0) = ln 2 on two rows, the first equal in sign to the key, the second opposite
        double[] memory = [2, -3, 0.1, -0.5, 3, -2];
        var head = new Addressing(2, 3);
        double[] raw = [1, -1, 1, 0, 40, -40, 40, -40, 0];
        head.Forward(raw, memory, [0.5, 0.5], [], KeyEncoding.Bipolar);
        Assert.Equal(1, head.Similarity[0], 15);
        Assert.Equal(-1, head.Similarity[1], 15);
        Assert.Equal(4 / 5.0, head.Content[0], 12); // e^{ln2} / (e^{ln2} + e^{-ln2}) = 2 / 2.5
    }

    [Fact]
    public void Training_uses_the_options_keys_and_restores_the_models_setting()
    {
        var task = new CopyTask(2, 1, 3);
        var options = new NtmTrainingOptions { Updates = 6, BatchSize = 2, LearningRate = 0.01, LogEvery = 3, Seed = 9 };
        var analog = NtmModel.Create(new NtmModelSpec(3, 2, 5, 6, 4), 2);
        var evaluatedBipolar = NtmModel.Create(new NtmModelSpec(3, 2, 5, 6, 4), 2);
        evaluatedBipolar.Keys = KeyEncoding.Bipolar;
        var a = NtmTrainer.Train(analog, task, options);
        var b = NtmTrainer.Train(evaluatedBipolar, task, options);
        Assert.Equal(a.Select(p => p.Loss), b.Select(p => p.Loss)); // the model's evaluation setting does not leak into training
        Assert.Equal(KeyEncoding.Bipolar, evaluatedBipolar.Keys);
        var example = task.Make(3, new RandomStream(3));
        Assert.NotEqual(analog.Forward(example.Inputs, example.Steps).Outputs, evaluatedBipolar.Forward(example.Inputs, example.Steps).Outputs);

        // bipolar training (straight-through) takes different steps and leaves the model's own setting as it was
        var trainedBipolar = NtmModel.Create(new NtmModelSpec(3, 2, 5, 6, 4), 2);
        var c = NtmTrainer.Train(trainedBipolar, task, options with { Keys = KeyEncoding.Bipolar });
        Assert.NotEqual(a.Select(p => p.Loss), c.Select(p => p.Loss));
        Assert.All(c, p => Assert.True(double.IsFinite(p.Loss)));
        Assert.Equal(KeyEncoding.Analog, trainedBipolar.Keys);
    }

    [Fact]
    public void Read_noise_changes_the_similarities_reproducibly_from_its_seed()
    {
        var model = NtmModel.Create(new NtmModelSpec(3, 2, 5, 6, 4), 2);
        var example = new CopyTask(2, 3, 3).Next(new RandomStream(4));
        var exact = model.Forward(example.Inputs, example.Steps).Outputs;
        model.ReadNoise = 0.2;
        model.NoiseStream = new RandomStream(7);
        var noisy = model.Forward(example.Inputs, example.Steps).Outputs;
        model.NoiseStream = new RandomStream(7);
        var again = model.Forward(example.Inputs, example.Steps).Outputs;
        Assert.NotEqual(exact, noisy);
        Assert.Equal(noisy, again);
    }
}
