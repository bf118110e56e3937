using Neuromorph.Tests.Cli;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Studies;

/// <summary>
/// A parameter key path the base experiment file lacks is the study's mistake: reported at the parameter's line and
/// column in the study file, with a did-you-mean from the base file's real key paths, before any run.
/// </summary>
public class StudyParameterPathTests
{
    [Theory]
    [InlineData("max_sweep", "did you mean 'max_sweeps'?", "no key 'max_sweep' here")]
    [InlineData("array.sigma", "key paths of recall.yaml: kind, network, patterns_file, noise[0], probes, max_sweeps", "no key 'array' here")]
    [InlineData("noise[3]", "did you mean 'noise[0]'?", "'noise' has no item [3]")]
    [InlineData("noize[0]", "did you mean 'noise[0]'?", "no key 'noize' here")]
    [InlineData("max_sweeps.x", "did you mean 'max_sweeps'?", "goes through a value that is not a mapping")]
    public void A_parameter_path_typo_is_located_in_the_study_with_the_base_files_keys(string path, string hint, string detail)
    {
        using var dir = new TempDirectory("nm-path");
        File.WriteAllText(Path.Combine(dir, "patterns.txt"), "0110\n1010\n");
        File.WriteAllText(Path.Combine(dir, "recall.yaml"), "kind: recall\nnetwork: hopfield\npatterns_file: patterns.txt\nnoise: [0.1]\nprobes: 2\nmax_sweeps: 20\n");
        var study = Path.Combine(dir, "study.yaml");
        File.WriteAllText(study, $"study: typo\nbase: {{ experiment: recall.yaml }}\nparameters:\n  - {{ name: probes, list: [1, 2] }}\n  - {{ name: '{path}', list: [5, 10] }}\nmetrics:\n  - {{ name: ber, value: bit_error_rate }}\n");
        var output = Path.Combine(dir, "out");
        var (code, _, error) = CliHarness.Run("sweep", study, "-o", output);
        Assert.Equal(2, code);
        Assert.Contains("study.yaml:5:13:", error, StringComparison.Ordinal);
        Assert.Contains($"parameter '{path}' is not a value of recall.yaml", error, StringComparison.Ordinal);
        Assert.Contains(detail, error, StringComparison.Ordinal);
        Assert.Contains(hint, error, StringComparison.Ordinal);
        Assert.DoesNotContain("recall.yaml:1:1: error", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "results.csv")));
    }
}
