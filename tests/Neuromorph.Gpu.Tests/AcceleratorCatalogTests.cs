using Neuromorph.Compute;
using Neuromorph.Compute.Cpu;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels;
using Neuromorph.Kernels.Backends;
using Neuromorph.Kernels.Runtime;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// <see cref="AcceleratorCatalog"/> over its list of backends: the names and listing, opening each name with its
/// messages, the input errors for unknown and malformed names, and <c>auto</c> on this machine (cpu where there is no
/// usable CUDA device and no OpenCL GPU ILGPU can use).
/// </summary>
public class AcceleratorCatalogTests
{
    [Fact]
    public void Names_and_the_listing_follow_the_list_of_backends()
    {
        Assert.Equal(["cpu", "ilgpu-cpu", "opencl", "cuda"], AcceleratorCatalog.All.Select(b => b.Name));
        Assert.Equal(["auto", "cpu", "ilgpu-cpu", "opencl", "cuda"], AcceleratorCatalog.Names);
        var list = AcceleratorCatalog.List();
        Assert.Equal(("cpu", CpuAccelerator.HostDevice, (string?)null), (list[0].Spec, list[0].Info, list[0].Unusable));
        Assert.Equal(("ilgpu-cpu", BackendKind.IlgpuCpu, (string?)null), (list[1].Spec, list[1].Info.Backend, list[1].Unusable));
        foreach (var kind in new[] { BackendKind.OpenCl, BackendKind.Cuda })
        {
            var name = DeviceInfo.BackendName(kind);
            var devices = list.Where(e => e.Info.Backend == kind).Select(e => e.Spec);
            Assert.Equal(Enumerable.Range(0, devices.Count()).Select(i => $"{name}:{i}"), devices);
        }

        Assert.Null(AcceleratorCatalog.Unavailable(BackendKind.Cpu));
        Assert.Null(AcceleratorCatalog.Unavailable(BackendKind.IlgpuCpu));
    }

    [Fact]
    public void Cpu_opens_the_managed_path_in_double_precision_only()
    {
        foreach (var precision in new Precision?[] { null, Precision.Double })
        {
            using var acc = AcceleratorCatalog.Open("cpu", precision, out var choice);
            Assert.IsType<CpuAccelerator>(acc);
            Assert.Equal("cpu (managed, SIMD on all cores)", choice);
        }

        var ex = Assert.Throws<UserInputException>(() => AcceleratorCatalog.Open("cpu", Precision.Single, out _));
        Assert.Equal("the cpu backend computes in double precision only", ex.Diagnostic.Message);
        Assert.Equal("drop --precision, or use --backend ilgpu-cpu to run the single-precision kernels on the host", ex.Diagnostic.Hint);
    }

    [Fact]
    public void Ilgpu_cpu_opens_the_emulated_device_in_double_by_default_or_single()
    {
        using (var acc = AcceleratorCatalog.Open("ilgpu-cpu", null, out var choice))
        {
            Assert.IsType<IlgpuAccelerator<double, Fp64>>(acc);
            Assert.Equal("ilgpu-cpu (ILGPU's CPU accelerator running the GPU kernels; slow, for tests and dry runs)", choice);
            Assert.Equal(BackendKind.IlgpuCpu, acc.Device.Backend);
        }

        using var single = AcceleratorCatalog.Open("ILGPU-CPU", Precision.Single, out _);
        Assert.IsType<IlgpuAccelerator<float, Fp32>>(single);
    }

    [Theory]
    [InlineData(BackendKind.OpenCl, "OpenCL")]
    [InlineData(BackendKind.Cuda, "CUDA")]
    public void Opencl_and_cuda_open_a_usable_device_or_say_why_not(BackendKind kind, string family)
    {
        var name = DeviceInfo.BackendName(kind);
        if (AcceleratorCatalog.Unavailable(kind) is { } why)
        {
            foreach (var spec in new[] { name, name + ":0", name + ":99" })
            {
                var ex = Assert.Throws<UserInputException>(() => AcceleratorCatalog.Open(spec, null, out _));
                Assert.Equal($"backend '{spec}' is not available on this machine: {why}", ex.Diagnostic.Message);
                Assert.Equal("run 'neuromorph backends' to see what is, or use --backend cpu", ex.Diagnostic.Hint);
            }

            return;
        }

        var devices = AcceleratorCatalog.List().Where(e => e.Info.Backend == kind).ToList();
        var missing = Assert.Throws<UserInputException>(() => AcceleratorCatalog.Open($"{name}:{devices.Count}", null, out _));
        Assert.Equal($"{family} device {devices.Count} does not exist: {devices.Count} found", missing.Diagnostic.Message);
        for (var i = 0; i < devices.Count; i++)
        {
            if (devices[i].Unusable is { } unusable)
            {
                var ex = Assert.Throws<UserInputException>(() => AcceleratorCatalog.Open($"{name}:{i}", null, out _));
                Assert.Equal($"backend '{name}:{i}' ({devices[i].Info.Name}) cannot run the kernels: {unusable}", ex.Diagnostic.Message);
                continue;
            }

            using var acc = AcceleratorCatalog.Open($"{name}:{i}", null, out var choice);
            Assert.Equal($"{name}:{i} ({devices[i].Info.Name})", choice);
            Assert.Equal(devices[i].Info.IsGpu ? Precision.Single : Precision.Double, acc.Precision);
        }
    }

    [Theory]
    [InlineData("opncl", "unknown backend 'opncl'", "did you mean 'opencl'")]
    [InlineData("gpu", "unknown backend 'gpu'", null)]
    [InlineData("cpu:1", "bad backend 'cpu:1'", "a device index may follow opencl or cuda, e.g. cuda:0")]
    [InlineData("auto:0", "bad backend 'auto:0'", "a device index may follow opencl or cuda, e.g. cuda:0")]
    [InlineData("ilgpu-cpu:0", "bad backend 'ilgpu-cpu:0'", "a device index may follow opencl or cuda, e.g. cuda:0")]
    [InlineData("cuda:x", "bad backend 'cuda:x'", "a device index may follow opencl or cuda, e.g. cuda:0")]
    [InlineData("opencl:-1", "bad backend 'opencl:-1'", "a device index may follow opencl or cuda, e.g. cuda:0")]
    public void Unknown_and_malformed_names_are_input_errors(string spec, string message, string? hint)
    {
        var ex = Assert.Throws<UserInputException>(() => AcceleratorCatalog.Open(spec, null, out _));
        Assert.Equal(message, ex.Diagnostic.Message);
        if (hint is not null)
        {
            Assert.Contains(hint, ex.Diagnostic.Hint, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Auto_picks_cuda_then_an_opencl_gpu_then_cpu()
    {
        var list = AcceleratorCatalog.List();
        var cuda = AcceleratorCatalog.Unavailable(BackendKind.Cuda) is null ? list.FirstOrDefault(e => e.Info.Backend == BackendKind.Cuda && e.Unusable is null) : null;
        var gpu = list.FirstOrDefault(e => e.Info.Backend == BackendKind.OpenCl && e.Unusable is null && e.Info.IsGpu);
        foreach (var precision in new Precision?[] { null, Precision.Single, Precision.Double })
        {
            if (precision == Precision.Double && (cuda ?? gpu) is { Info.DoublePrecision: false })
            {
                continue; // the picked GPU would refuse double precision, as a named one does
            }

            using var acc = AcceleratorCatalog.Open("auto", precision, out var choice);
            var expected = cuda is not null ? $"auto: picked {cuda.Spec} ({cuda.Info.Name})"
                : gpu is not null ? $"auto: picked {gpu.Spec} ({gpu.Info.Name}) (no usable CUDA device)"
                : "auto: picked cpu (no usable CUDA device and no OpenCL GPU ILGPU can use)";
            Assert.Equal(expected, choice);
            Assert.Equal((cuda ?? gpu)?.Info.Backend ?? BackendKind.Cpu, acc.Device.Backend);
            if (cuda is null && gpu is null)
            {
                Assert.IsType<CpuAccelerator>(acc); // single precision asked of auto falls back to the cpu's double
            }
        }
    }
}
