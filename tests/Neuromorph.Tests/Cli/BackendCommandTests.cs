using Neuromorph.Compute;
using Neuromorph.Kernels.Backends;
using Neuromorph.Tests.Support;

namespace Neuromorph.Tests.Cli;

/// <summary><c>neuromorph backends</c> and the <c>--backend</c> option: listing, checks, and the input errors.</summary>
public class BackendCommandTests
{
    [Trait("Category", "slow")]
    [Fact]
    public void Backends_lists_the_cpu_and_says_why_a_backend_is_missing_or_checks_it()
    {
        var (code, output, _) = CliHarness.Run("backends", "--check");
        Assert.Equal(0, code);
        Assert.Contains("cpu", output, StringComparison.Ordinal);
        Assert.Contains("test product correct", output, StringComparison.Ordinal);
        foreach (var backend in new[] { "opencl", "cuda" })
        {
            // Either a device line or a stated reason, never silence.
            Assert.True(output.Contains(backend + ":0", StringComparison.Ordinal) || output.Contains(backend + ": not available", StringComparison.Ordinal), output);
        }
    }

    [Theory]
    [InlineData("opncl", "did you mean 'opencl'")]
    [InlineData("cuda:x", "device index")]
    [InlineData("cpu:1", "device index")]
    public void Bad_backend_names_are_input_errors(string backend, string hint)
    {
        using var scratch = new TempDirectory("nm-backend");
        var (code, _, error) = CliHarness.Run("minimize", Path.Combine(RepoPaths.Root, "circuits", "problems", "qubo_small.txt"), "--format", "qubo", "--backend", backend, "-o", scratch);
        Assert.Equal(2, code);
        Assert.Contains(hint, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_backend_that_is_missing_exits_2_without_falling_back()
    {
        using var scratch = new TempDirectory("nm-backend");
        if (AcceleratorCatalog.Unavailable(BackendKind.Cuda) is null)
        {
            return; // a GPU machine: CUDA is present, nothing to check here
        }

        var (code, _, error) = CliHarness.Run("minimize", Path.Combine(RepoPaths.Root, "circuits", "problems", "qubo_small.txt"), "--format", "qubo", "--backend", "cuda", "-o", scratch);
        Assert.Equal(2, code);
        Assert.Contains("not available", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Precision_without_backend_and_simulate_on_a_gpu_backend_are_input_errors()
    {
        using var scratch = new TempDirectory("nm-backend");
        var problem = Path.Combine(RepoPaths.Root, "circuits", "problems", "qubo_small.txt");
        Assert.Equal(2, CliHarness.Run("minimize", problem, "--format", "qubo", "--precision", "single", "-o", scratch).ExitCode);
        var (code, _, error) = CliHarness.Run("simulate", Path.Combine(RepoPaths.Root, "circuits", "rc_step.cir"), "--backend", "opencl", "-o", scratch);
        Assert.Equal(2, code);
        Assert.Contains("run on the CPU", error, StringComparison.Ordinal);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Minimize_on_the_cpu_accelerator_reaches_the_same_optimum_as_the_default_solver()
    {
        var problem = Path.Combine(RepoPaths.Root, "circuits", "problems", "qubo_small.txt");
        using var scratch = new TempDirectory("nm-min-cpu-acc");
        var dir = Path.Combine(scratch, "device");
        var (code, output, error) = CliHarness.Run("minimize", problem, "--format", "qubo", "--backend", "cpu", "--restarts", "4", "-o", dir);
        Assert.True(code == 0, error);
        Assert.Contains("backend: cpu (managed", output, StringComparison.Ordinal);
        var (code2, output2, _) = CliHarness.Run("minimize", problem, "--format", "qubo", "--restarts", "4", "-o", Path.Combine(scratch, "default"));
        Assert.Equal(0, code2);
        string Best(string text) => text.Split('\n').First(l => l.StartsWith("best", StringComparison.Ordinal)).Split('(')[0];
        Assert.Equal(Best(output2), Best(output));
    }

    [Fact]
    public void Opencl_on_a_device_without_generic_address_space_is_one_input_error_saying_why()
    {
        if (AcceleratorCatalog.Unavailable(BackendKind.OpenCl) is null)
        {
            return; // a machine with an OpenCL device ILGPU can use
        }

        using var scratch = new TempDirectory("nm-backend-cl");
        var (code, _, error) = CliHarness.Run("minimize", Path.Combine(RepoPaths.Root, "circuits", "problems", "qubo_small.txt"), "--format", "qubo", "--backend", "opencl", "-o", Path.Combine(scratch, "out"));
        Assert.Equal(2, code);
        Assert.Contains("not available", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Trait("Category", "slow")]
    [Fact]
    public void A_device_study_on_ilgpu_writes_the_same_results_as_the_managed_path()
    {
        using var scratch = new TempDirectory("nm-device-sweep");
        File.WriteAllText(Path.Combine(scratch, "device.yaml"), "model: vteam\nparameters: { voff: 0.02, xo: 0.5, aoff: 3n, wc: 0.1n }\nseries_resistance: 10\ndrive: { sin: { amplitude: 1, frequency: 50k } }\nstop: 20u\nsteps: 200\n");
        var study = Path.Combine(scratch, "study.yaml");
        File.WriteAllText(study, "base: { device: device.yaml }\nparameters:\n  - { name: parameters.voff, linspace: [0.01, 0.3, 6] }\n  - { name: drive.sin.amplitude, list: [0.5, 1] }\nmetrics:\n  - { name: x_end, final: x }\n  - { name: i_peak, max: i }\n  - { name: t_up, cross: x, threshold: 1.6e-9 }\n");
        string[] Rows(string dir) => [.. File.ReadAllLines(Path.Combine(dir, "results.csv")).Select(l => string.Join(',', l.Split(',')[..^1]))]; // all but wall_s
        var (code, output, error) = CliHarness.Run("sweep", study, "-o", Path.Combine(scratch, "managed"));
        Assert.True(code == 0, error);
        var (code2, output2, error2) = CliHarness.Run("sweep", study, "-o", Path.Combine(scratch, "ilgpu"), "--backend", "ilgpu-cpu");
        Assert.True(code2 == 0, error2);
        Assert.Contains("backend: ilgpu-cpu", output2, StringComparison.Ordinal);
        Assert.Equal(Rows(Path.Combine(scratch, "managed")), Rows(Path.Combine(scratch, "ilgpu")));
        Assert.Equal(13, Rows(Path.Combine(scratch, "managed")).Length);
    }
}
