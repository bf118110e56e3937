using System.Reflection;
using System.Text;
using Neuromorph.Compute;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Gpu;

/// <summary>
/// Assembles the kernel program from kernels/ (embedded in this assembly): the dialect selectors, the prelude, the
/// Philox generator and every kernel file, each preceded by a #line directive so a compiler's build log names the
/// real file and line.
/// </summary>
public static class KernelSource
{
    /// <summary>Kernel files in compilation order (headers first).</summary>
    public static IReadOnlyList<string> Files { get; } = ["prelude.h", "philox.h", "linalg.c", "networks.c", "ctd.c", "devices.c"];

    /// <summary>The whole program for a dialect and precision.</summary>
    public static string Program(BackendKind dialect, Precision precision)
    {
        var sb = new StringBuilder();
        sb.Append("#define NM_OPENCL ").Append(dialect == BackendKind.OpenCl ? 1 : 0).Append('\n');
        sb.Append("#define NM_CUDA ").Append(dialect == BackendKind.Cuda ? 1 : 0).Append('\n');
        sb.Append("#define NM_DOUBLE ").Append(precision == Precision.Double ? 1 : 0).Append('\n');
        foreach (var file in Files)
        {
            sb.Append("#line 1 \"kernels/").Append(file).Append("\"\n");
            sb.Append(Read(file)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>One kernel file's text.</summary>
    public static string Read(string file)
    {
        using var stream = typeof(KernelSource).Assembly.GetManifestResourceStream("kernels/" + file)
            ?? throw new InvalidOperationException($"kernel source kernels/{file} is not embedded in {typeof(KernelSource).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The embedded kernel files, for checks.</summary>
    public static IEnumerable<string> Embedded() =>
        typeof(KernelSource).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("kernels/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    internal static Assembly Assembly => typeof(KernelSource).Assembly;
}
