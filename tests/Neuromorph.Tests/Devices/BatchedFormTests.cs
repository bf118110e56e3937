using System.Globalization;
using Neuromorph.Devices;
using Neuromorph.Devices.Transients;
using Neuromorph.Diagnostics;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Tests.Devices;

/// <summary>
/// Every memristor model hands batched code its equations (<see cref="IMemristorModel.WithEquations{TResult}"/>), and
/// they are the model: the same numbers as the device the circuit engines call. The batched forms of the Knowm
/// metastable switch and the ngspice threshold model integrated as lanes take the steps of an independent fixed-step
/// RK4 (<see cref="RungeKutta4"/>) of the model's scalar equation on the same drive and agree with it to 1e-12.
/// </summary>
public class BatchedFormTests
{
    public static TheoryData<string> Models => [.. MemristorCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_model_hands_batched_code_equations_that_equal_the_device(string name)
    {
        var model = MemristorCatalog.Create(name, new Dictionary<string, double>(), SourceLocation.None);
        var points = new List<(double V, double X)>();
        foreach (var v in new[] { -1.2, -0.3, 0, 0.25, 0.9 })
        {
            foreach (var f in new[] { 0.0, 0.2, 0.55, 1.0 })
            {
                points.Add((v, model.MinState + (f * (model.MaxState - model.MinState))));
            }
        }

        var seen = model.WithEquations(new Sample(points));
        Assert.Equal((model.InitialState, model.MinState, model.MaxState), (seen.Initial, seen.Min, seen.Max));
        for (var k = 0; k < points.Count; k++)
        {
            var (v, x) = points[k];
            Assert.Equal(model.Evaluate(v, x), seen.Evaluations[k]);
            Assert.Equal(model.Resistance(v, x), seen.Resistances[k]);
        }
    }

    public static TheoryData<string, string> NewForms => new()
    {
        { "knowm", "sine" }, { "knowm", "pulse" }, { "threshold", "sine" }, { "threshold", "pulse" },
    };

    [Theory]
    [MemberData(nameof(NewForms))]
    public void Knowm_and_threshold_lanes_take_the_steps_of_the_scalar_rk4_and_agree_to_1e_12(string name, string drive)
    {
        // knowm: the defaults of circuits/knowm_hysteresis.cir; threshold: R between 1k and 10k, moving by 1 to 3 kOhm per phase
        // (neither reaches a bound, where the lane clamps and the plain RK4 does not)
        var (parameters, stop, wave) = (name, drive) switch
        {
            ("knowm", "sine") => (new Dictionary<string, double>(), 20e-3, DriveWaveform.Sin(0, 0.6, 100)),
            ("knowm", _) => (new Dictionary<string, double>(), 20e-3, DriveWaveform.Pulse(-0.5, 0.5, 1e-3, 0.5e-3, 0.5e-3, 3e-3, 8e-3)),
            (_, "sine") => (Threshold, 20e-3, DriveWaveform.Sin(0, 1, 100)),
            _ => (Threshold, 20e-3, DriveWaveform.Pulse(-1, 1, 1e-3, 1e-3, 1e-3, 3e-3, 10e-3)),
        };
        var model = MemristorCatalog.Create(name, parameters, SourceLocation.None);
        const int steps = 2000; // 10 µs: every pulse corner falls on a sample time, so the lane splits no step
        var lane = MemristorTransient.Run(model, wave, 0, new TransientGrid(stop, steps, LaneIntegrator.RungeKutta4));
        var scalar = RungeKutta4.Integrate((t, y, dy) => dy[0] = model.Evaluate(wave.At(t), y[0]).StateRate, 0, [model.InitialState], stop, steps);

        Assert.Equal(steps + 1, lane.Count);
        var scale = model.MaxState - model.MinState;
        var current = lane.Current.Max(Math.Abs);
        double dx = 0, di = 0;
        for (var k = 0; k <= steps; k++)
        {
            var x = scalar.States[k][0];
            Assert.InRange(x, model.MinState, model.MaxState); // the bounds never act: both integrate the same equation
            dx = Math.Max(dx, Math.Abs(lane.State[k] - x) / scale);
            di = Math.Max(di, Math.Abs(lane.Current[k] - model.Evaluate(wave.At(scalar.Times[k]), x).Current) / current);
        }

        var moved = (lane.State.Max() - lane.State.Min()) / scale;
        Assert.True(moved > 0.05, $"{name} {drive}: the state moves over {moved:P1} of its range only");
        Assert.True(dx <= 1e-12 && di <= 1e-12, string.Create(CultureInfo.InvariantCulture, $"{name} {drive}: max |dx| {dx:E2} of the range, max |di| {di:E2} of the peak current"));
    }

    private static Dictionary<string, double> Threshold => new() { ["rmin"] = 1e3, ["rmax"] = 10e3, ["rinit"] = 5e3, ["alpha"] = 0, ["beta"] = 1e6, ["vt"] = 0.5 };

    private sealed record Seen(double Initial, double Min, double Max, List<MemristorEvaluation> Evaluations, List<double> Resistances);

    /// <summary>Evaluates the equations a model hands over at the given points.</summary>
    private sealed class Sample(List<(double V, double X)> points) : IMemristorEquationsVisitor<Seen>
    {
        public Seen Visit<TEquations>(TEquations equations)
            where TEquations : unmanaged, IMemristorEquations =>
            new(equations.InitialState, equations.MinState, equations.MaxState, [.. points.Select(p => equations.Evaluate(p.V, p.X))], [.. points.Select(p => equations.Resistance(p.V, p.X))]);
    }
}
