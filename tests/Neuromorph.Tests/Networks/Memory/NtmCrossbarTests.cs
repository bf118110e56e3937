using System.Text.RegularExpressions;
using Neuromorph.Crossbars;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments;
using Neuromorph.Experiments.Ntm;
using Neuromorph.Experiments.Shared;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Memory;
using Neuromorph.Networks.Memory.ModelFiles;
using Neuromorph.Networks.Memory.Tasks;
using Neuromorph.Networks.Memory.Training;
using Neuromorph.Numerics.Randomness;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Networks.Memory;

/// <summary>
/// The NTM read back from its model file (bit-identical outputs, located errors for bad files) and the crossbar study
/// of kind: ntm (circuits/ntm_crossbar_study.yaml): ideal crossbars reproduce the ideal model, the copy error grows with
/// device variability, the table covers the grid, bad input is a located error. The trained model is the tiny NTM of
/// ntm_copy_tiny.model.json (made by ntm_copy_tiny.yaml next to it).
/// </summary>
public sealed class NtmCrossbarTests
{
    private static readonly string TinyModel = RepoPaths.InRepo("tests", "Neuromorph.Tests", "Networks", "Memory", "ntm_copy_tiny.model.json");
    private static readonly CopyTask Copy = new(3, 1, 4);

    private static string StudyYaml(string modelFile) => $"""
        kind: ntm
        model_file: {modelFile}
        test: {"{"} lengths: [3, 5], sequences: 10 {"}"}
        crossbar_study:
          substrate: {"{"} scheme: differential {"}"}
          variability: [0, 0.1, 0.3]
          read_noise: [0, 0.2]
          repeats: 2
          lengths: [3, 5]
          sequences: 10
        seed: 4

        """;

    private static NtmCrossbarStudySpec Study(double[] variability, double[] readNoise, int repeats, int[] lengths, int sequences) => new()
    {
        Substrate = CrossbarSubstrateSpec.Default,
        Variability = variability,
        ReadNoise = readNoise,
        Repeats = repeats,
        Lengths = lengths,
        Sequences = sequences,
    };

    [Fact]
    public void A_model_written_and_read_back_gives_identical_outputs_bit_for_bit()
    {
        using var dir = new TempDirectory("nm-ntm-file");
        var model = NtmModel.Create(new NtmModelSpec(4, 3, 7, 6, 3) { InitialMemory = 3e-6 }, 9);
        var path = Path.Combine(dir, "model.json");
        NtmModelFile.Write(model, path);
        var back = NtmModelFile.Read(path);
        Assert.Equal(model.Spec, back.Spec);
        Assert.Equal(model.Parameters.Select(p => p.Name), back.Parameters.Select(p => p.Name));
        for (var k = 0; k < model.Parameters.Count; k++)
        {
            Assert.Equal(model.Parameters[k].Value, back.Parameters[k].Value); // exact: "R" numbers round-trip
        }

        var example = Copy.Make(5, new RandomStream(3));
        Assert.Equal(model.Forward(example.Inputs, example.Steps).Logits, back.Forward(example.Inputs, example.Steps).Logits);
        Assert.Equal(NtmModelFile.ToJson(model), NtmModelFile.ToJson(back));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "\"format\": \"neuromorph-ntm-model\"", "\"format\": \"neuromorph-sequence-model\"", "not an NTM model" },
        { "\"version\": 1,", "\"version\": 2,", "version 2 is not one this Neuromorph reads" },
        { "\"memory_rows\": 6,", "\"memory_rows\": 1,", "'memory_rows' must be a whole number of at least 2" },
        { "\"output.bias\": [", "\"output.bias\": [0.5, ", "parameter 'output.bias': expected shape [3], found [4]" },
        { "\"read_head.weight\": [", "\"read_head.weights\": [", "parameter 'read_head.weights' does not belong to an NTM" },
        { "\"controller\": 7,", "\"controller\": 7, \"heads\": 2,", "unknown key 'heads'" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_model_file_is_a_located_error_naming_the_tensor(string from, string to, string message)
    {
        var text = NtmModelFile.ToJson(NtmModel.Create(new NtmModelSpec(4, 3, 7, 6, 3), 9));
        Assert.Contains(from, text, StringComparison.Ordinal);
        AssertLocated(text.Replace(from, to, StringComparison.Ordinal), to.Split(':')[0], message);
    }

    [Fact]
    public void A_missing_or_mis_shaped_tensor_is_a_located_error_naming_it()
    {
        var text = NtmModelFile.ToJson(NtmModel.Create(new NtmModelSpec(4, 3, 7, 6, 3), 9));
        var missing = Regex.Replace(text, ",\\n\\s*\"output\\.bias\": \\[[^\\]]*\\]", "");
        AssertLocated(missing, "\"parameters\"", "parameter 'output.bias' is missing (shape [3])");
        // drop the last row of the write head (3W + 6 = 15 rows × 7)
        var rows = Regex.Match(text, "\"write_head\\.weight\": \\[\\n((?:\\s*\\[[^\\]]*\\],?\\n)+)\\s*\\]");
        var lines = rows.Groups[1].Value.TrimEnd('\n').Split('\n');
        Assert.Equal(15, lines.Length);
        var shorter = string.Join('\n', lines[..^1]).TrimEnd(',') + "\n";
        AssertLocated(text.Replace(rows.Groups[1].Value, shorter, StringComparison.Ordinal), "\"write_head.weight\"", "parameter 'write_head.weight': expected shape [15, 7], found [14, 7]");
    }

    /// <summary>Parsing <paramref name="text"/> fails at the line holding <paramref name="lineMark"/> (or the one after it) with <paramref name="message"/>.</summary>
    private static void AssertLocated(string text, string lineMark, string message)
    {
        var ex = Assert.Throws<UserInputException>(() => NtmModelFile.Parse(text, "m.json"));
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains(lineMark, StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, $"no line holds {lineMark}");
        Assert.Matches($"^m\\.json:({line}|{line + 1}):\\d+", ex.Diagnostic.ToString());
        Assert.Contains(message, ex.Diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_a_bad_model_file_exits_with_2_and_names_the_file_position()
    {
        using var dir = new TempDirectory("nm-ntm-badfile");
        var bad = Path.Combine(dir, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(TinyModel).Replace("\"controller.bias\"", "\"controller.biases\"", StringComparison.Ordinal));
        var yaml = Path.Combine(dir, "x.yaml");
        File.WriteAllText(yaml, StudyYaml("bad.json"));
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Matches(@"bad\.json:\d+:\d+", error);
        Assert.Contains("controller.biases", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ideal_crossbars_without_variability_or_read_noise_reproduce_the_ideal_model()
    {
        // an untrained model (about half its bits wrong) and the trained tiny one
        foreach (var model in new[] { NtmModel.Create(new NtmModelSpec(4, 3, 10, 8, 4), 21), NtmModelFile.Read(TinyModel) })
        {
            var example = Copy.Make(4, new RandomStream(8));
            var ideal = model.Forward(example.Inputs, example.Steps).Logits;
            model.BindWeights(CrossbarWeights.Factory(CrossbarSubstrateSpec.Default, new PeripherySpec(), 5));
            var crossbar = model.Forward(example.Inputs, example.Steps).Logits;
            model.BindWeights(null);
            Assert.Equal(ideal.Length, crossbar.Length);
            for (var i = 0; i < ideal.Length; i++)
            {
                Assert.Equal(ideal[i], crossbar[i], 1e-9 * (1 + Math.Abs(ideal[i])));
            }

            var study = NtmCrossbarStudy.Run(model, Copy, Study([0], [0], 2, [4, 6], 30), 1UL, 77UL);
            foreach (var p in study)
            {
                Assert.Equal(CopyEvaluation.BitErrorsPerSequence(model, Copy, p.Length, 30, SeedSequence.Derive(77UL, "length", p.Length)), p.MeanBitErrors);
                Assert.Equal(0, p.StdBitErrors);
            }

            Assert.False(model.IsBound);
        }
    }

    [Fact]
    public void The_copy_error_grows_with_device_variability()
    {
        var model = NtmModelFile.Read(TinyModel);
        var points = NtmCrossbarStudy.Run(model, Copy, Study([0, 0.3, 0.6], [0], 6, [4], 25), 3UL, 5UL);
        var (zero, mid, high) = (points[0], points[1], points[2]);
        Assert.Equal(0, zero.MeanBitErrors); // the trained model copies length 4 without error
        // margin: the mean over 6 programmed arrays lies more than three standard errors above the ideal model's
        Assert.True(high.MeanBitErrors > zero.MeanBitErrors + (3 * high.StdBitErrors / Math.Sqrt(6)), $"σ_G 0.6: {high.MeanBitErrors} ± {high.StdBitErrors}");
        Assert.True(high.MeanBitErrors > mid.MeanBitErrors, $"σ_G 0.3: {mid.MeanBitErrors}, 0.6: {high.MeanBitErrors}");
        Assert.True(NtmCrossbarStudy.MaxTolerated(points, 0, 4) < 0.6);
    }

    [Fact]
    public void A_study_run_from_a_model_file_has_every_grid_point_and_its_figure()
    {
        using var dir = new TempDirectory("nm-ntm-study");
        var experiment = new NtmExperiment();
        var report = experiment.Run(YamlSection.Parse(StudyYaml(TinyModel), Path.Combine(dir, "s.yaml")), new ExperimentContext(Path.Combine(dir, "out"), TextWriter.Null));
        Assert.All(experiment.MetricNames, m => Assert.True(report.Metrics.ContainsKey(m), $"metric {m} missing"));
        var table = ResultFiles.Table(report.Outputs, "crossbar_study.csv");
        Assert.Equal(3 * 2 * 2, table.Rows);
        var grid = Enumerable.Range(0, table.Rows).Select(i => (table.Column("variability")[i], table.Column("read_noise")[i], table.Column("length")[i])).ToList();
        foreach (var v in new[] { 0, 0.1, 0.3 })
        {
            foreach (var s in new[] { 0, 0.2 })
            {
                foreach (var l in new[] { 3.0, 5.0 })
                {
                    Assert.Single(grid, g => g == (v, s, l));
                }
            }
        }

        for (var i = 0; i < table.Rows; i++)
        {
            Assert.Equal(2, table.Column("repeats")[i]);
            Assert.Equal(table.Column("mean_bit_errors_per_sequence")[i] / (3 * table.Column("length")[i]), table.Column("bit_error_rate")[i], 12);
            Assert.True(table.Column("std_bit_errors_per_sequence")[i] >= 0);
        }

        Assert.Equal(4, ResultFiles.Table(report.Outputs, "crossbar_thresholds.csv").Rows);
        var figure = report.Figures.Single(f => f.Name == "crossbar_study");
        Assert.Equal(2, figure.Panels.Count);
        Assert.Equal(0, report.Metrics["train_sequences"]);
        Assert.DoesNotContain(report.Outputs, f => f.Name == "training.csv");
        Assert.False(File.Exists(Path.Combine(dir, "out", "model.json")), "a loaded model is not written again");
        Assert.Equal(0, report.Metrics["bit_errors_longest_test"]);
    }

    [Theory]
    [InlineData("variability: [0, 0.1, 0.3]", "variability: [0, -0.1]", 6, "must be at least 0")]
    [InlineData("read_noise: [0, 0.2]", "read_noise: [0, -0.2]", 7, "must be at least 0")]
    [InlineData("variability: [0, 0.1, 0.3]", "variability: []", 6, "'variability' is empty")]
    [InlineData("read_noise: [0, 0.2]", "read_noise: []", 7, "'read_noise' is empty")]
    [InlineData("lengths: [3, 5]\n  sequences", "lengths: []\n  sequences", 9, "'lengths' is empty")]
    [InlineData("repeats: 2", "repeats: 0", 8, "repeats must be at least 1")]
    [InlineData("variability: [0, 0.1, 0.3]", "variability: [0.1, 0]", 6, "increasing order")]
    [InlineData("scheme: differential", "scheme: differential, nonidealities: { variability: 0.1 }", 5, "sets the device variability itself")]
    [InlineData("lengths: [3, 5]\n  sequences", "lengths: [3, 9]\n  sequences", 2, "8 rows cannot hold a copy sequence of 9")]
    [InlineData("sequences: 10\nseed", "sequences: 10\n  arrays: 3\nseed", 11, "unknown key")]
    [InlineData("seed: 4", "seed: 4\nmodel: { controller: 4 }", 2, "give either 'model:'")]
    [InlineData("seed: 4", "seed: 4\ntraining: { updates: 4 }", 12, "'training:' trains a model")]
    [InlineData("seed: 4", "seed: 4\ntask: { bits: 4 }", 12, "3-bit vectors, not 4")]
    public void Bad_study_input_is_a_located_error_with_exit_code_2(string from, string to, int line, string message)
    {
        using var dir = new TempDirectory("nm-ntm-study-bad");
        File.Copy(TinyModel, Path.Combine(dir, "m.json"));
        var good = StudyYaml("m.json");
        Assert.Contains(from, good, StringComparison.Ordinal);
        var path = Path.Combine(dir, "x.yaml");
        File.WriteAllText(path, good.Replace(from, to, StringComparison.Ordinal));
        var ex = Assert.Throws<UserInputException>(() => new NtmExperiment().Read(YamlSection.LoadFile(path)));
        Assert.Matches($@"x\.yaml:{line}:\d+", ex.Diagnostic.ToString());
        Assert.Contains(message, ex.Diagnostic.ToString(), StringComparison.Ordinal);

        var (code, _, error) = CliHarness.Run("run", path, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Matches($@"x\.yaml:{line}:\d+", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
