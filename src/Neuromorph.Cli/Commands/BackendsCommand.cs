using System.CommandLine;
using Neuromorph.Compute;
using Neuromorph.Diagnostics;
using Neuromorph.Kernels.Backends;

namespace Neuromorph.Cli.Commands;

/// <summary>
/// <c>neuromorph backends</c>: lists the compute devices (the managed CPU path, ILGPU's CPU accelerator, and every
/// OpenCL and CUDA device ILGPU finds) with memory, compute units and double-precision support, says plainly why a
/// device or backend cannot be used, and with <c>--check</c> compiles a kernel on each usable device and runs a
/// small product on it.
/// </summary>
public static class BackendsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "compile a kernel on every usable device and run a small product on it" };
        var command = new Command("backends", "List compute backends and devices (use with --backend on other commands).") { check };
        command.SetAction(parse =>
        {
            var log = parse.InvocationConfiguration.Output;
            log.WriteLine($"{"backend",-10} {"device",-44} {"memory",9} {"units",6} {"fp64",5} {"type",5}  platform / version");
            foreach (var e in AcceleratorCatalog.List())
            {
                var d = e.Info;
                log.WriteLine($"{e.Spec,-10} {Trim(d.Name, 44),-44} {d.GlobalMemoryBytes / (1024.0 * 1024 * 1024),6:0.0} GiB {d.ComputeUnits,6} {(d.DoublePrecision ? "yes" : "no"),5} {(d.IsGpu ? "GPU" : "CPU"),5}  {d.Platform} / {d.Version}");
                if (e.Unusable is not null)
                {
                    log.WriteLine($"           not usable: {e.Unusable}");
                }
                else if (parse.GetValue(check))
                {
                    log.WriteLine("           " + Check(e.Spec));
                }
            }

            foreach (var kind in new[] { BackendKind.OpenCl, BackendKind.Cuda })
            {
                if (AcceleratorCatalog.Unavailable(kind) is { } why)
                {
                    log.WriteLine($"{DeviceInfo.BackendName(kind)}: not available: {why}");
                }
            }

            log.WriteLine("cpu is the default; auto picks CUDA, then an OpenCL GPU ILGPU can use, then cpu.");
            return CommandRunner.Success;
        });
        return command;
    }

    private static string Check(string spec)
    {
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var acc = AcceleratorCatalog.Open(spec, null, out _);
            using var w = new DeviceWeights(acc, [1, 2, 3, 4], 2, 2);
            var y = new double[2];
            w.Multiply([1.0, 1.0], y, 1);
            var seconds = watch.Elapsed.TotalSeconds;
            var ok = Math.Abs(y[0] - 3) < 1e-6 && Math.Abs(y[1] - 7) < 1e-6;
            return ok ? $"kernel compiled and run in {seconds:0.00} s, test product correct" : $"kernel ran but the test product is wrong: [{y[0]}, {y[1]}] instead of [3, 7]";
        }
        catch (AcceleratorException ex)
        {
            return "check failed: " + ex.Message.Split('\n')[0];
        }
        catch (UserInputException ex)
        {
            return "check failed: " + ex.Diagnostic.Message;
        }
    }

    private static string Trim(string s, int n) => s.Length <= n ? s : s[..(n - 1)] + "…";
}
