using BenchmarkDotNet.Running;
using Neuromorph.Benchmarks.Studies;

if (args.Length > 0 && args[0] == "sweep-overhead")
{
    SweepOverhead.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
