using Neuromorph.Crossbars.Training;
using Neuromorph.Experiments.Shared;
using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Neuromorph.Tests.Crossbars;

/// <summary>
/// The published pulsed-device presets (one YAML file each, with its source): every file names a paper with its DOI or
/// arXiv number, a training file's <c>preset: NAME</c> gives a device with exactly the file's values (read here from
/// the file in the repository with YamlDotNet, not through the project's reader), keys given beside it replace them, and
/// a training run on each preset works.
/// </summary>
public sealed class DevicePresetTests
{
    private static string Folder => RepoPaths.InRepo("src", "Neuromorph", "Experiments", "Shared", "DevicePresets");

    private static IReadOnlyList<string> FileNames => [.. Directory.GetFiles(Folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Presets() => [.. FileNames];

    private static Dictionary<string, string> FileDevice(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(Folder, name + ".yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(name, ((YamlScalarNode)root["name"]).Value);
        return ((YamlMappingNode)root["device"]).Children.ToDictionary(k => ((YamlScalarNode)k.Key).Value!, k => ((YamlScalarNode)k.Value).Value!);
    }

    [Fact]
    public void Every_file_in_the_folder_is_a_preset_the_library_knows()
    {
        Assert.Equal(FileNames, DevicePresets.Names);
        Assert.True(DevicePresets.Names.Count >= 6);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void A_preset_names_its_source_and_gives_exactly_its_files_values(string name)
    {
        var file = DevicePresets.Find(name)!;
        Assert.Matches(@"doi:10\.\d{4,}/\S+|arXiv:\d{4}\.\d{4,}", file.Source);
        var expected = FileDevice(name);
        var yaml = $"device:\n  preset: {name}\n";
        var device = TrainingDevice(yaml);
        double Value(string key) => double.Parse(expected[key], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Value("dw_min"), device.DwMin);
        Assert.Equal(Value("w_min"), device.WMin);
        Assert.Equal(Value("w_max"), device.WMax);
        Assert.Equal(Value("up_down"), device.UpDown);
        Assert.Equal(Value("dw_min_dtod"), device.DwMinDtoD);
        Assert.Equal(Value("bounds_dtod"), device.BoundsDtoD);
        Assert.Equal(Value("up_down_dtod"), device.UpDownDtoD);
        Assert.Equal(Value("cycle_to_cycle"), device.CycleToCycle);
        var kind = expected["preset"] switch
        {
            "constant_step" => DeviceResponseKind.ConstantStep,
            "soft_bounds" => DeviceResponseKind.SoftBounds,
            "linear_step" => DeviceResponseKind.LinearStep,
            var other => throw new InvalidOperationException(other),
        };
        Assert.Equal(kind, device.Kind);
        if (expected.ContainsKey("gamma_up"))
        {
            Assert.Equal(Value("gamma_up"), device.GammaUp);
            Assert.Equal(Value("gamma_down"), device.GammaDown);
        }
    }

    [Fact]
    public void Keys_beside_a_preset_replace_its_values_and_the_rest_stay()
    {
        var device = TrainingDevice("device:\n  preset: reram_sb\n  dw_min: 0.01\n  cycle_to_cycle: 0\n");
        Assert.Equal(0.01, device.DwMin);
        Assert.Equal(0, device.CycleToCycle);
        Assert.Equal(-0.75, device.WMin);
        Assert.Equal(1.25, device.WMax);
        Assert.Equal(0.3, device.DwMinDtoD);
    }

    [Fact]
    public void An_unknown_preset_suggests_the_published_ones()
    {
        using var dir = new TempDirectory("nm-preset-");
        var yaml = Path.Combine(dir, "x.yaml");
        File.WriteAllText(yaml, Training("device:\n  preset: ecrm\n"));
        var (code, _, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"));
        Assert.Equal(2, code);
        Assert.Contains("unknown device preset 'ecrm'", error, StringComparison.Ordinal);
        Assert.Contains("ecram", error, StringComparison.Ordinal);
        Assert.Matches(@"x\.yaml:\d+:\d+", error);
    }

    [Theory]
    [InlineData("gokmen_vlasov")]
    [InlineData("ecram")]
    public void A_network_trains_on_a_published_preset(string name)
    {
        using var dir = new TempDirectory("nm-preset-");
        var yaml = Path.Combine(dir, "x.yaml");
        File.WriteAllText(yaml, Training($"device:\n  preset: {name}\n"));
        var (code, output, error) = CliHarness.Run("run", yaml, "-o", Path.Combine(dir, "out"), "--plot-format", "none");
        Assert.True(code == 0, error);
        Assert.Contains($"on {name}", output, StringComparison.Ordinal);
        var accuracy = double.Parse(File.ReadAllLines(Path.Combine(dir, "out", "metrics.csv"))[^1].Split(',')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accuracy > 0.5, $"{name}: {accuracy:P1}");
    }

    private static string Training(string device) =>
        "kind: analog_training\n" +
        $"data: {RepoPaths.InRepo("circuits", "data", "digits.csv.gz")}\n" +
        "train_samples: 600\nfeature_scale: 16\nalgorithm: analog_sgd\nnetwork: {hidden: 16}\ntraining: {epochs: 2, learning_rate: 0.05}\n" +
        device + "seed: 1\n";

    private static PulsedDevice TrainingDevice(string deviceYaml)
    {
        var root = Neuromorph.Io.Yaml.YamlSection.Parse("algorithm: analog_sgd\n" + deviceYaml, "x.yaml");
        return Neuromorph.Experiments.Shared.TileTrainingReader.Read(root, out _).Device;
    }
}
