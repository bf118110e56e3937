using Neuromorph.Compute;
using Neuromorph.Experiments;
using Neuromorph.Io.Yaml;

namespace Neuromorph.Gpu.Tests;

/// <summary>Experiments that use an accelerator report the same metrics on every backend as on the CPU accelerator.</summary>
public class ExperimentBackendTests
{
    public static TheoryData<string> All => Backends.All;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Recall_and_dense_ctd_experiments_agree_with_the_cpu_accelerator(string backend)
    {
        var acc = Backends.Open(backend);
        var root = FindRoot();
        foreach (var (file, metric, tolerance) in new[] { ("recall_hopfield.yaml", "bit_error_rate", 0.0), ("recall_bam.yaml", "bit_error_rate", 0.0), ("ctd_projector.yaml", "mean_final_state", 1e-4) })
        {
            var path = Path.Combine(root, "circuits", file);
            double Run(IAccelerator a)
            {
                var yaml = YamlSection.LoadFile(path);
                if (yaml.Has("t_end"))
                {
                    YamlOverrides.Set(yaml, "t_end", "0.3"); // PoCL launches cost ~0.1 ms each: keep the CTD run short
                }
                return ExperimentCatalog.Select(yaml).Run(yaml, new ExperimentContext(null, TextWriter.Null) { Accelerator = a }).Metrics[metric];
            }

            var expected = Run(new CpuAccelerator());
            var actual = Run(acc);
            Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected)), $"{file} on {backend}: {metric} {actual} vs {expected} on the CPU");
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
