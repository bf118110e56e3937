using Neuromorph.Diagnostics;
using Neuromorph.Networks.Seq2Seq;
using Neuromorph.Networks.Seq2Seq.ModelFiles;
using Neuromorph.Networks.Seq2Seq.Tasks;
using Neuromorph.Networks.Seq2Seq.Training;
using Neuromorph.Networks.Sequence;

namespace Neuromorph.Tests.Networks.Seq2Seq;

/// <summary>The task generator, the teacher-forcing schedules, beam search and the model file, each on its own.</summary>
public class Seq2SeqPartsTests
{
    [Fact]
    public void Addition_pairs_hold_the_zero_padded_sum_and_the_end_token()
    {
        var task = new Seq2SeqTask(Seq2SeqTaskKind.Add, 3, 10);
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "<s>", "</s>"], task.Vocabulary);
        var data = task.Generate(200, 5);
        Assert.Equal(7, data.SourceLength);
        Assert.Equal(5, data.TargetLength);
        for (var n = 0; n < data.Count; n++)
        {
            var s = data.Source(n).ToArray();
            Assert.Equal(10, s[3]);
            var a = (100 * s[0]) + (10 * s[1]) + s[2];
            var b = (100 * s[4]) + (10 * s[5]) + s[6];
            var t = data.Target(n).ToArray();
            Assert.Equal(a + b, (1000 * t[0]) + (100 * t[1]) + (10 * t[2]) + t[3]);
            Assert.Equal(12, t[4]);
        }
    }

    [Fact]
    public void Reverse_and_sort_pairs_are_the_source_reversed_and_sorted_and_seeded()
    {
        var reverse = new Seq2SeqTask(Seq2SeqTaskKind.Reverse, 6, 4).Generate(50, 9);
        var sort = new Seq2SeqTask(Seq2SeqTaskKind.Sort, 6, 4).Generate(50, 9);
        Assert.Equal(reverse.Sources, sort.Sources);
        Assert.Equal(reverse.Sources, new Seq2SeqTask(Seq2SeqTaskKind.Reverse, 6, 4).Generate(50, 9).Sources);
        for (var n = 0; n < 50; n++)
        {
            var s = reverse.Source(n).ToArray();
            Assert.All(s, x => Assert.InRange(x, 0, 3));
            Assert.Equal([.. s.Reverse(), 5], reverse.Target(n).ToArray());
            Assert.Equal([.. s.Order(), 5], sort.Target(n).ToArray());
        }
    }

    [Fact]
    public void Teacher_forcing_schedules_run_from_start_to_end()
    {
        Assert.Equal(0.7, new TeacherForcing(0.7, 0.1).Ratio(5, 10));
        var linear = new TeacherForcing(1, 0.2, TeacherForcingDecay.Linear);
        Assert.Equal(1, linear.Ratio(1, 5));
        Assert.Equal(0.6, linear.Ratio(3, 5), 12);
        Assert.Equal(0.2, linear.Ratio(5, 5), 12);
        var exponential = new TeacherForcing(1, 0.01, TeacherForcingDecay.Exponential);
        Assert.Equal(0.1, exponential.Ratio(2, 3), 12);
        Assert.Equal(0.01, exponential.Ratio(3, 3), 12);
    }

    [Theory]
    [InlineData("additive")]
    [InlineData("multiplicative")]
    public void Beam_search_of_width_one_is_greedy_decoding_and_a_wider_beam_scores_no_lower(string attention)
    {
        Assert.True(AttentionKinds.TryParse(attention, out var a));
        var model = Seq2SeqModel.Create(new Seq2SeqModelSpec(CellType.Gru, 7, 8, 8, a, 6), 3);
        var data = new Seq2SeqTask(Seq2SeqTaskKind.Sort, 4, 5).Generate(12, 4);
        var greedy = Seq2SeqEvaluation.Greedy(model, data, 5);
        for (var n = 0; n < data.Count; n++)
        {
            var beam = BeamSearch.Decode(model, data.Source(n), data.TargetLength, 1);
            var expected = greedy.AsSpan(n * data.TargetLength, data.TargetLength).ToArray();
            var end = Array.IndexOf(expected, model.Spec.EndToken);
            Assert.Equal(end >= 0 ? expected[..(end + 1)] : expected, beam);
            Assert.True(LogProbability(model, data.Source(n).ToArray(), BeamSearch.Decode(model, data.Source(n), data.TargetLength, 4))
                >= LogProbability(model, data.Source(n).ToArray(), beam) - 1e-12);
        }
    }

    [Fact]
    public void The_model_file_round_trips_every_parameter_by_its_pytorch_name()
    {
        var model = Seq2SeqModel.Create(new Seq2SeqModelSpec(CellType.Lstm, 6, 5, 5, AttentionKind.Additive, 3), 8);
        var path = Path.GetTempFileName();
        try
        {
            Seq2SeqModelFile.Write(model, path);
            var back = Seq2SeqModelFile.Read(path);
            Assert.Equal(model.Spec, back.Spec);
            Assert.Equal(["encoder.weight_ih_l0", "encoder.weight_hh_l0", "encoder.bias_ih_l0", "encoder.bias_hh_l0", "decoder.weight_ih", "decoder.weight_hh", "decoder.bias_ih", "decoder.bias_hh",
                "attention.query.weight", "attention.key.weight", "attention.v.weight", "out.weight", "out.bias"], back.ParameterNames);
            for (var k = 0; k < model.Parameters.Count; k++)
            {
                Assert.Equal(model.Parameters[k].Value, back.Parameters[k].Value);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("\"format\": \"neuromorph-seq2seq-model\"", "\"format\": \"other\"", "not a neuromorph-seq2seq-model file")]
    [InlineData("\"encoder_cell\": \"lstm\"", "\"encoder_cell\": \"lstn\"", "unknown encoder cell 'lstn'")]
    [InlineData("\"attention\": \"additive\"", "\"attention\": \"dot\"", "unknown attention 'dot'")]
    [InlineData("\"vocabulary\": 6", "\"vocabulary\": 6.5", "'vocabulary' must be a positive whole number")]
    [InlineData("\"encoder.weight_ih_l0\"", "\"encoder.weight_ih_l9\"", "does not belong to a lstm encoder")]
    [InlineData("\"version\": 1", "\"versoin\": 1", "unknown key 'versoin'")]
    [InlineData("\"version\": 1", "\"version\": 1, \"bidirectional\": 1", "'bidirectional' must be true or false, got 1")]
    public void A_bad_model_file_is_an_error_at_its_line_and_column(string good, string bad, string message)
    {
        var model = Seq2SeqModel.Create(new Seq2SeqModelSpec(CellType.Lstm, 6, 5, 5, AttentionKind.Additive, 3), 8);
        var text = Seq2SeqModelFile.ToJson(model);
        Assert.Contains(good, text, StringComparison.Ordinal);
        var broken = text.Replace(good, bad, StringComparison.Ordinal);
        var ex = Assert.Throws<UserInputException>(() => Seq2SeqModelFile.Parse(broken, "m.json"));
        Assert.Contains(message, ex.Diagnostic.Message, StringComparison.Ordinal);
        var line = broken[..broken.IndexOf(bad, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        Assert.Equal(("m.json", line), (ex.Diagnostic.Location.File, ex.Diagnostic.Location.Line));
    }

    [Fact]
    public void Mismatched_encoder_and_decoder_sizes_are_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Seq2SeqModel(new Seq2SeqModelSpec(CellType.Gru, 6, 8, 10, AttentionKind.Multiplicative, 4)));
        Assert.Contains("encoder 8, decoder 10", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Σ log p(token) of an output sequence decoded with the given tokens fed back.</summary>
    private static double LogProbability(Seq2SeqModel model, int[] source, int[] output)
    {
        var trace = model.Forward(source, source.Length, output, output.Length, 1);
        var v = model.Spec.Vocabulary;
        return -TokenLoss.CrossEntropy(trace, output, v, default) * output.Length;
    }
}
