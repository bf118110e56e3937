using BenchmarkDotNet.Running;
using Neuromorph.Benchmarks.Compute;
using Neuromorph.Benchmarks.Crossbars;
using Neuromorph.Benchmarks.Dynamics;
using Neuromorph.Benchmarks.Sequence;
using Neuromorph.Benchmarks.Studies;
using Neuromorph.Networks.Sequence;

if (args.Length > 0 && args[0] == "sweep-overhead")
{
    SweepOverhead.Run();
    return;
}

if (args.Length > 0 && args[0] == "ctd-lattice")
{
    CtdLattice.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), args[4], args.Skip(5).Contains("iterative"), args.Skip(5).Contains("integral"));
    return;
}

if (args.Length > 0 && args[0] == "pulsed-update")
{
    PulsedUpdateRate.Run(args.Length > 1 ? args[1].Split(',').Select(int.Parse) : [512], args.Length > 2 ? args[2] : "constant_step");
    return;
}

if (args.Length > 0 && args[0] == "crossbar-vmm")
{
    CrossbarVmm.Run(args.Skip(1).Select(int.Parse));
    return;
}

if (args.Length > 0 && args[0] == "compute-bench")
{
    static int[] Ints(string s) => [.. s.Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
    ComputeBench.Run(args[1], Ints(args[2]), Ints(args[3]), args.Length > 4 ? args[4] : null,
        args.Length > 5 ? Ints(args[5]) : null, args.Length > 6 ? Ints(args[6])[0] : 20);
    return;
}

if (args.Length > 0 && args[0] == "device-sweep-bench")
{
    static int Int(string s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    Neuromorph.Benchmarks.Compute.DeviceSweepBench.Run(args[1], Int(args[2]), Int(args[3]), args.Length > 4 ? Int(args[4]) : null);
    return;
}

if (args.Length > 0 && args[0] == "crossbar-pcg")
{
    CrossbarPcg.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "lstm-train")
{
    SequenceThroughput.LstmTrain(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : Environment.ProcessorCount, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

if (args.Length > 0 && args[0] == "esn-ridge")
{
    SequenceThroughput.EsnRidge();
    return;
}

if (args.Length > 0 && args[0] == "rtrl-cost")
{
    var cells = args.Length > 1 ? args[1].Split(',').Select(c => CellTypes.TryParse(c, out var cell) ? cell : throw new ArgumentException($"unknown cell '{c}'")).ToArray()
        : [Neuromorph.Networks.Sequence.CellType.RnnTanh, Neuromorph.Networks.Sequence.CellType.Lstm];
    int[] sizes = args.Length > 2 ? [.. args[2].Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))] : [4, 8, 16, 32, 64];
    RtrlCost.Run(cells, sizes);
    return;
}

if (args.Length > 0 && args[0] == "adding")
{
    SequenceThroughput.Adding(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}

if (args.Length > 0 && args[0] == "sat-scaling")
{
    Neuromorph.Benchmarks.Optimization.SatScaling.Run([.. args[1].Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture))],
        int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
        args.Length > 4 ? args[4].Split(',') : ["dmm", "walksat"]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
