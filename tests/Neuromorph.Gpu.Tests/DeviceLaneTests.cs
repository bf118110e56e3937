using Neuromorph.Compute;
using Neuromorph.Compute.Transients;
using Neuromorph.Devices;
using Neuromorph.Devices.Knowm;
using Neuromorph.Devices.ThresholdXspice;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Io.Yaml;
using Neuromorph.Kernels.Backends;
using Neuromorph.Numerics.Ode;
using Neuromorph.Studies;
using Neuromorph.Studies.Subjects;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// The batched forms of the Knowm metastable switch and the ngspice threshold model run inside the lane kernel on
/// every configuration and equal the managed path, lane by lane and through a device study.
/// </summary>
[Collection(LaneKernelCollection.Name)]
public class DeviceLaneTests
{
    public static TheoryData<string> All => Backends.All;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Knowm_and_threshold_lanes_equal_the_managed_path(string backend)
    {
        var acc = Backends.Open(backend);
        var grid = new TransientGrid(20e-3, 400);
        // probes: final state, max current, min resistance, average device voltage
        var bank = new ProbeBank(4, new(LaneStatistic.Final, 1, 0, 0, 20e-3, 0, 0), new(LaneStatistic.Max, 2, 0, 0, 20e-3, 0, 0), new(LaneStatistic.Min, 4, 0, 0, 20e-3, 0, 0), new(LaneStatistic.Average, 3, 0, 0, 20e-3, 0, 0));
        var knowm = Enumerable.Range(0, 8).Select(k => new MemristorLane<KnowmEquations>(
            EquationsOf<KnowmEquations>.Of(Make("knowm", new() { ["tau"] = 5e-5 * (1 + k), ["xo"] = 0.1 * k })), DriveWaveform.Sin(0, 0.4 + (0.05 * k), 100), 10 * k)).ToArray();
        var threshold = Enumerable.Range(0, 8).Select(k => new MemristorLane<ThresholdXspiceEquations>(
            EquationsOf<ThresholdXspiceEquations>.Of(Make("threshold", new() { ["rmin"] = 1e3, ["rmax"] = 10e3, ["rinit"] = 5e3, ["beta"] = 1e6 * (1 + k), ["vt"] = 0.5 })),
            DriveWaveform.Pulse(-1, 1, 1e-3, 1e-3, 1e-3, 3e-3, 10e-3), 100 * k)).ToArray();
        foreach (var integrator in new[] { LaneIntegrator.RungeKutta4, LaneIntegrator.Rosenbrock23 })
        {
            var g = grid with { Integrator = integrator, Steps = integrator == LaneIntegrator.RungeKutta4 ? 4000 : 400 };
            Same(knowm, g);
            Same(threshold, g);
        }

        void Same<TLane>(TLane[] lanes, TransientGrid g)
            where TLane : unmanaged, IScalarLane
        {
            var actual = new double[lanes.Length * 4];
            var expected = new double[lanes.Length * 4];
            acc.KernelSet<LaneKernels>().IntegrateLanes<TLane>(lanes, g, bank, actual);
            AcceleratorCatalog.CreateCpu().KernelSet<LaneKernels>().IntegrateLanes<TLane>(lanes, g, bank, expected);
            for (var k = 0; k < actual.Length; k++)
            {
                Assert.True(double.IsFinite(expected[k]), $"{typeof(TLane).Name} {g.Integrator} value {k}: {expected[k]}");
                Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-12 * Math.Max(1e-300, Math.Abs(expected[k])), $"{typeof(TLane).Name} {g.Integrator} value {k}: {actual[k]:R} vs managed {expected[k]:R}");
            }
        }
    }

    [SkippableTheory]
    [InlineData("knowm", "parameters: { xo: 0 }\nseries_resistance: 10\ndrive: { sin: { amplitude: 0.6, frequency: 100 } }", "parameters.tau", "5e-5", "2e-4")]
    [InlineData("threshold", "parameters: { rmin: 1k, rmax: 10k, rinit: 5k, beta: 3e6, vt: 0.5 }\nseries_resistance: 100\ndrive: { pulse: { v1: -1, v2: 1, delay: 1m, rise: 1m, fall: 1m, width: 3m, period: 10m } }", "parameters.beta", "1e6", "5e6")]
    public void A_device_study_of_the_new_batched_forms_gives_the_managed_results_on_the_ilgpu_cpu_accelerator(string model, string body, string parameter, string low, string high)
    {
        var dir = Directory.CreateTempSubdirectory("nm-gpu-device-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "device.yaml"), $"model: {model}\n{body}\nstop: 20m\nsteps: 400\n");
            var path = Path.Combine(dir.FullName, "study.yaml");
            var text = $"base: {{ device: device.yaml }}\nsampling: random\nsamples: 6\nseed: 4\nparameters:\n  - {{ name: {parameter}, low: {low}, high: {high} }}\n"
                + "metrics:\n  - { name: x_end, final: x }\n  - { name: i_max, max: i }\n  - { name: r_min, min: r }\n  - { name: vm_avg, average: vm }\n  - { name: i_rms, rms: i }\n";
            File.WriteAllText(path, text);
            var spec = StudySpecReader.Read(YamlSection.LoadFile(path), text);
            var runs = StudyPlan.Runs(spec).ToList();
            var managed = new DeviceSubject(spec.BasePath).EvaluateBatch(spec, runs, CancellationToken.None);
            var kernel = new DeviceSubject(spec.BasePath) { Accelerator = Backends.Open("ilgpu-cpu-double") }.EvaluateBatch(spec, runs, CancellationToken.None);
            for (var k = 0; k < runs.Count; k++)
            {
                Assert.True(managed[k].Metrics is not null, managed[k].Failure);
                foreach (var (name, expected) in managed[k].Metrics!)
                {
                    var actual = kernel[k].Metrics![name];
                    Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1e-300, Math.Abs(expected)), $"{model} point {k} {name}: ilgpu-cpu {actual:R}, managed {expected:R}");
                }
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static IMemristorModel Make(string model, Dictionary<string, double> parameters) => MemristorCatalog.Create(model, parameters, SourceLocation.None);
}
