using Neuromorph.Compute;
using Neuromorph.Experiments;
using Neuromorph.Io.Yaml;
using Neuromorph.Kernels.Backends;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// Experiments with an accelerated path report the same metrics on every configuration as on the managed CPU path
/// (small experiments: ILGPU's CPU accelerator emulates every group barrier with threads).
/// </summary>
public class ExperimentBackendTests
{
    public static TheoryData<string> Configurations => ["ilgpu-cpu-double", "cuda-double", "cuda-single", "opencl-double", "opencl-single"];

    [SkippableTheory]
    [MemberData(nameof(Configurations))]
    public void Maxcut_recall_and_dense_ctd_experiments_agree_with_the_managed_path(string backend)
    {
        var acc = Backends.Open(backend);
        var experiments = new List<(string, string, double)>
        {
            ($"kind: maxcut\nproblem: {Path.Combine(FindRoot(), "circuits", "problems", "ising_ring.txt")}\nformat: ising\nrestarts: 2\nsweeps: 4\nseed: 3\n", "best_cut", 0.0),
            ("experiment: recall\nnetwork: hopfield\nrule: hebbian\nneurons: 12\nloads: [0.17]\nnoise: [0.1]\nprobe: noisy\nprobes: 2\nmax_sweeps: 3\nseed: 1\n", "bit_error_rate", 0.0),
        };
        if (acc.Device.Backend != BackendKind.IlgpuCpu)
        {
            // dozens of rate evaluations, each a CG of matvec reductions: too slow for ILGPU's CPU accelerator (there
            // OperationTests checks one batched rate against the host instead)
            experiments.Add(("kind: ctd\nomega: { random_projector: { n: 100, rank: 25, seed: 1 } }\nxi: 10\nalpha: 0.2\nbeta: 1\nconvention: B\nsources: { random: { low: -1, high: 1 } }\nx0: { random: { low: 0, high: 1 } }\nt_end: 0.3\n", "mean_final_state", acc.Precision == Precision.Single ? 1e-4 : 1e-9));
        }

        foreach (var (text, metric, tolerance) in experiments)
        {
            double Run(IAccelerator a)
            {
                var yaml = YamlSection.Parse(text, "inline.yaml");
                return ExperimentCatalog.Select(yaml).Run(yaml, new ExperimentContext(null, TextWriter.Null) { Accelerator = a }).Metrics[metric];
            }

            var expected = Run(AcceleratorCatalog.CreateCpu());
            var actual = Run(acc);
            Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{metric} on {backend}: {actual} vs {expected} on the managed path");
        }
    }

    private static string FindRoot()
    {
        var d = new DirectoryInfo(AppContext.BaseDirectory);
        while (d is not null && !File.Exists(Path.Combine(d.FullName, "Neuromorph.sln")))
        {
            d = d.Parent;
        }

        return d?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
