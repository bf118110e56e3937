using Neuromorph.Compute;
using Neuromorph.Compute.Transients;
using Neuromorph.Devices.Team;
using Neuromorph.Devices.Transients;
using Neuromorph.Kernels.Backends;
using Neuromorph.Kernels.Runtime;
using Neuromorph.Numerics.Ode;
using Neuromorph.Studies;

namespace Neuromorph.Gpu.Tests;

/// <summary>
/// Batched transients on every configuration (always double precision): against an independent fixed-step RK4
/// (Numerics.Ode.RungeKutta4) measured by the study metrics, memristor lanes against the managed path, and a kernel
/// that cannot compile fails with one line without poisoning the accelerator.
/// </summary>
[Collection(LaneKernelCollection.Name)]
public class LaneKernelTests
{
    public static TheoryData<string> All => Backends.All;

    public static TheoryData<string> Ilgpu => Backends.Ilgpu;

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Lanes_match_an_independent_runge_kutta_measured_like_a_study(string backend)
    {
        var acc = Backends.Open(backend);
        var lanes = Enumerable.Range(0, 9).Select(k => new ForcedDecay(0.5 + k, 1 + (0.3 * k), 2 + k, -0.2 * k)).ToArray();
        var grid = new TransientGrid(3, 150);
        var metrics = new[]
        {
            new MetricSpec("a", MetricKind.Final, "x", default),
            new MetricSpec("b", MetricKind.Max, "x", default, From: 0.5, To: 2.2),
            new MetricSpec("c", MetricKind.Rms, "x", default),
            new MetricSpec("d", MetricKind.Cross, "x", default, From: 0.1, Threshold: 0.1, Direction: CrossDirection.Fall),
            new MetricSpec("e", MetricKind.At, "x", default, At: 1.234),
        };
        var probes = metrics.Select(m => new LaneProbe(m.Kind switch { MetricKind.Final => LaneStatistic.Final, MetricKind.Max => LaneStatistic.Max, MetricKind.Rms => LaneStatistic.Rms, MetricKind.Cross => LaneStatistic.Cross, _ => LaneStatistic.At }, 0, m.At ?? 3, m.From ?? 0, m.To ?? 3, m.Threshold ?? 0, m.Direction == CrossDirection.Fall ? 2 : 0)).ToArray();
        var results = new double[lanes.Length * 4];
        var results5 = new double[lanes.Length];
        acc.KernelSet<LaneKernels>().IntegrateLanes<ForcedDecay>(lanes, grid, new ProbeBank(4, probes[0], probes[1], probes[2], probes[3]), results);
        acc.KernelSet<LaneKernels>().IntegrateLanes<ForcedDecay>(lanes, grid, new ProbeBank(1, probes[4]), results5);
        for (var k = 0; k < lanes.Length; k++)
        {
            var lane = lanes[k];
            var reference = RungeKutta4.Integrate((t, y, dy) => dy[0] = lane.Rate(t, y[0]), 0, [lane.InitialState], grid.Stop, grid.Steps);
            var t = reference.Times.ToArray();
            var x = reference.States.Select(s => s[0]).ToArray();
            for (var m = 0; m < metrics.Length; m++)
            {
                var expected = WaveformMetrics.Evaluate(metrics[m], t, x);
                var actual = m < 4 ? results[(k * 4) + m] : results5[k];
                Assert.True(Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"lane {k} metric {metrics[m].Kind}: kernel {actual:R}, reference {expected:R}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(All))]
    public void Memristor_lanes_equal_the_managed_path(string backend)
    {
        var acc = Backends.Open(backend);
        var lanes = Enumerable.Range(0, 12).Select(k =>
        {
            var team = new TeamModel("vteam", true, 50, 1000, -10, 5e-4 * (1 + k), 3, 1, -0.2, 0.02 + (0.01 * k), 0, 3e-9, 0, 4, 1, 1, 1, 0, 3e-9, 1e-10, 0.5);
            return new MemristorLane<TeamEquations>(team.Equations, DriveWaveform.Sin(0, 0.6 + (0.05 * k), 50e3), 10);
        }).ToArray();
        var grid = new TransientGrid(20e-6, 400);
        var bank = new ProbeBank(4, new(LaneStatistic.Final, 1, 0, 0, 20e-6, 0, 0), new(LaneStatistic.Max, 2, 0, 0, 20e-6, 0, 0), new(LaneStatistic.Min, 4, 0, 0, 20e-6, 0, 0), new(LaneStatistic.Average, 3, 0, 0, 20e-6, 0, 0));
        var actual = new double[lanes.Length * 4];
        var expected = new double[lanes.Length * 4];
        // RK4 needs short steps on the switching fronts (one per sample); Rosenbrock adapts between coarse samples
        foreach (var (integrator, steps) in new[] { (LaneIntegrator.RungeKutta4, 2_000), (LaneIntegrator.Rosenbrock23, 400) })
        {
            var g = grid with { Integrator = integrator, Steps = steps };
            acc.KernelSet<LaneKernels>().IntegrateLanes<MemristorLane<TeamEquations>>(lanes, g, bank, actual);
            AcceleratorCatalog.CreateCpu().KernelSet<LaneKernels>().IntegrateLanes<MemristorLane<TeamEquations>>(lanes, g, bank, expected);
            for (var k = 0; k < actual.Length; k++)
            {
                Assert.True(double.IsFinite(expected[k]), $"{integrator} value {k}: {expected[k]}");
                Assert.True(Math.Abs(actual[k] - expected[k]) <= 1e-12 * Math.Max(1e-300, Math.Abs(expected[k])), $"{integrator} value {k}: {actual[k]:R} vs managed {expected[k]:R}");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Ilgpu))]
    public void A_kernel_that_cannot_compile_fails_in_one_line_and_leaves_the_others_working(string backend)
    {
        var acc = Backends.Open(backend);
        var grid = new TransientGrid(1, 4);
        var bank = new ProbeBank(1, new LaneProbe(LaneStatistic.Final, 0, 0, 0, 1, 0, 0));
        var results = new double[2];
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var ex = Assert.Throws<Compute.AcceleratorException>(() => acc.KernelSet<LaneKernels>().IntegrateLanes<NotBlittable>([new(true), new(false)], grid, bank, results));
            Assert.DoesNotContain('\n', ex.Message);
            Assert.Contains("compiling kernel integrate_lanes<NotBlittable>", ex.Message, StringComparison.Ordinal);
        }

        acc.KernelSet<LaneKernels>().IntegrateLanes<ForcedDecay>([new ForcedDecay(1, 0, 1, 1)], grid, bank, results);
        Assert.Equal(Math.Exp(-1), results[0], 4); // four RK4 steps
        using var a = KernelTests.Upload(acc, [1, 2]);
        acc.Kernels.Axpby(a, a, a, 2, 1, 2);
        Assert.Equal([3.0, 6.0], KernelTests.Read(acc, a));
    }

    [Fact]
    public void Driver_failures_read_as_one_line_naming_operation_and_device()
    {
        var info = new DeviceInfo(BackendKind.Cuda, "CUDA driver 12.8", "NVIDIA H200", 1L << 37, 132, true, true, "SM_90");
        var ex = Assert.Throws<Compute.AcceleratorException>(() => Failures.Guard(info, "launching kernel matvec", () => throw new ILGPU.CapabilityNotSupportedException("GenericAddressSpace feature is not supported\non this device")));
        Assert.Equal("launching kernel matvec on cuda (NVIDIA H200) failed: GenericAddressSpace feature is not supported", ex.Message);
        Assert.Throws<ArgumentException>(() => Failures.Guard(info, "x", () => throw new ArgumentException("a caller's bug passes through")));
    }
}

/// <summary>Test lane: dx/dt = −a x + b sin(ω t), x(0) = x0, smooth and unbounded (public: ILGPU's CPU runtime must see it).</summary>
public readonly struct ForcedDecay(double a, double b, double omega, double x0) : IScalarLane
{
    public double InitialState => x0;

    public double MinState => double.NegativeInfinity;

    public double MaxState => double.PositiveInfinity;

    public double StateScale => 1;

    public double Rate(double t, double x) => (-a * x) + (b * Math.Sin(omega * t));

    public LaneSlope Linearize(double t, double x) => new(Rate(t, x), -a);

    public double Signal(int signal, double t, double x) => x;

    public double NextBreakpoint(double t) => double.PositiveInfinity;
}

/// <summary>A lane with a bool field: not blittable, so no ILGPU backend accepts it as a kernel argument.</summary>
public readonly struct NotBlittable : IScalarLane
{
    private readonly bool _decay;

    public NotBlittable(bool decay) => _decay = decay;

    public double InitialState => 1;

    public double MinState => double.NegativeInfinity;

    public double MaxState => double.PositiveInfinity;

    public double StateScale => 1;

    public double Rate(double t, double x) => _decay ? -x : 0;

    public LaneSlope Linearize(double t, double x) => new(Rate(t, x), _decay ? -1 : 0);

    public double Signal(int signal, double t, double x) => x;

    public double NextBreakpoint(double t) => double.PositiveInfinity;
}
