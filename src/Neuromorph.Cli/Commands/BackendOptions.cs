using System.CommandLine;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Backends;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>--backend cpu|opencl[:N]|cuda[:N]|auto</c> and <c>--precision single|double</c>, shared by every command that
/// computes. Without <c>--backend</c> a command runs its CPU code as before; with it, the named accelerator is opened
/// (a missing one is an input error, exit 2) and <c>auto</c> reports what it picked.
/// </summary>
public sealed class BackendOptions
{
    /// <summary>Creates the options.</summary>
    public BackendOptions()
    {
        Backend = new Option<string?>("--backend") { Description = $"compute backend: {string.Join(" | ", AcceleratorCatalog.Names)} (opencl and cuda take a device index, e.g. cuda:1; default: the managed cpu path; ilgpu-cpu runs the GPU kernels on the host; auto picks CUDA, then an OpenCL GPU, then cpu; see 'neuromorph backends')" };
        PrecisionOption = new Option<string?>("--precision") { Description = "single | double (default: single on GPUs, double on CPUs)" };
    }

    /// <summary>The <c>--backend</c> option.</summary>
    public Option<string?> Backend { get; }

    /// <summary>The <c>--precision</c> option.</summary>
    public Option<string?> PrecisionOption { get; }

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Backend);
        command.Options.Add(PrecisionOption);
    }

    /// <summary>The accelerator the user named, or null when <c>--backend</c> was not given; logs the choice.</summary>
    public IAccelerator? Open(ParseResult parse, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(log);
        var spec = parse.GetValue(Backend);
        var precision = parse.GetValue(PrecisionOption)?.ToLowerInvariant() switch
        {
            null => (Precision?)null,
            "single" or "float" or "fp32" => Precision.Single,
            "double" or "fp64" => Precision.Double,
            var p => throw new UserInputException($"unknown precision '{p}'", "use single or double"),
        };
        if (spec is null)
        {
            if (precision is not null)
            {
                throw new UserInputException("--precision needs --backend", "add --backend opencl, cuda or auto");
            }

            return null;
        }

        var acc = AcceleratorCatalog.Open(spec, precision, out var choice);
        log.WriteLine($"backend: {choice}, {acc.Precision.ToString().ToLowerInvariant()} precision");
        return acc;
    }

    /// <summary>The backend name the user gave (lower case), or null.</summary>
    public string? Named(ParseResult parse) => parse?.GetValue(Backend)?.Trim().ToLowerInvariant();
}
