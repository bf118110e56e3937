using System.Globalization;
using Neuromorph.Diagnostics;
using Neuromorph.Experiments.Results;
using Neuromorph.Experiments.Shared;
using Neuromorph.Figures;
using Neuromorph.Io;
using Neuromorph.Io.Yaml;
using Neuromorph.Networks.Continuous;

namespace Neuromorph.Experiments.Continuous;

/// <summary>
/// <c>kind: ctrnn</c>: a continuous-time recurrent network in Beer's form, τ_i dy_i/dt = −y_i + Σ_j w_ij σ(g_j (y_j + θ_j)) + I_i,
/// integrated with the shared adaptive Dormand–Prince 5(4). Writes trajectories.csv (time, y_i, σ outputs at every
/// accepted step); metrics: the period of neuron 1 (from upward crossings of its mid-range, located by cubic Hermite
/// interpolation), its amplitude over the second half of the run, and its final state.
/// </summary>
public sealed class CtrnnExperiment : Experiment<CtrnnExperimentSpec>
{
    private static readonly string[] Keys = ["kind", "experiment", "network", "weights", "bias", "tau", "gain", "input", "initial", "duration", "rtol", "max_step", "seed"];

    /// <inheritdoc />
    public override string Kind => "ctrnn";

    /// <inheritdoc />
    public override string Description => "continuous-time recurrent network (Beer 1995): trajectories, oscillation period";

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames { get; } = ["period", "amplitude", "final_y1"];

    /// <inheritdoc />
    public override CtrnnExperimentSpec Read(YamlSection root, long? seed = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.RejectUnknownKeys(Keys);
        var (net, y) = ReadNetwork(root);
        var duration = SpecValues.Positive(root, "duration", 400);
        var rtol = SpecValues.InRange(root, "rtol", 1e-10, 1e-14, 1e-2);
        var maxStep = SpecValues.Positive(root, "max_step", duration / 100);
        return new CtrnnExperimentSpec(net, y, duration, rtol, maxStep);
    }

    /// <inheritdoc />
    public override ExperimentReport Run(CtrnnExperimentSpec spec, ExperimentContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);
        var (net, y, duration, rtol, maxStep) = (spec.Network, (double[])spec.Initial.Clone(), spec.Duration, spec.RelativeTolerance, spec.MaxStep);
        var n = y.Length;
        var times = new List<double>();
        var states = new List<double[]>();
        var slopes = new List<double[]>();
        try
        {
            net.Run(y, 0, duration, rtol, maxStep, (t, s, f) =>
            {
                times.Add(t);
                states.Add((double[])s.Clone());
                slopes.Add((double[])f.Clone());
            });
        }
        catch (SimulationException ex)
        {
            throw Failure(net, y, ex);
        }

        var (period, amplitude) = LimitCycle.Measure(times, states, slopes);
        var metrics = new Dictionary<string, double> { ["period"] = period, ["amplitude"] = amplitude, ["final_y1"] = y[0] };
        var outputs = new List<ResultFile>();
        if (context.OutputDirectory is not null)
        {
            var headers = new List<string> { "time" };
            headers.AddRange(Enumerable.Range(1, n).Select(i => $"y{i}"));
            headers.AddRange(Enumerable.Range(1, n).Select(i => $"output{i}"));
            var columns = new List<IReadOnlyList<double>> { times };
            for (var i = 0; i < n; i++)
            {
                var k = i;
                columns.Add(states.Select(s => s[k]).ToArray());
            }

            for (var i = 0; i < n; i++)
            {
                var k = i;
                columns.Add(states.Select(s => 1 / (1 + Math.Exp(-net.Gain[k] * (s[k] + net.Bias[k])))).ToArray());
            }

            outputs.Add(new ResultTable("trajectories.csv", headers, columns));
            outputs.Add(MetricsTable.Of(metrics));
        }

        IReadOnlyList<Figure> figures = context.OutputDirectory is null ? [] : CtrnnFigures.Of(times, states);

        var summary = double.IsNaN(period)
            ? string.Create(CultureInfo.InvariantCulture, $"CTRNN of {n} neurons over {duration} time units ({times.Count} steps): no sustained oscillation of neuron 1; y1 ends at {y[0]:G6}")
            : string.Create(CultureInfo.InvariantCulture, $"CTRNN of {n} neurons over {duration} time units ({times.Count} steps): neuron 1 oscillates with period {period:G9}, amplitude {amplitude:G6}");
        return new ExperimentReport(metrics, [], summary) { Figures = figures, Outputs = outputs };
    }

    /// <summary>A failed integration as a numerical failure with hints about the network's own parameters, not a circuit's.</summary>
    private static SimulationException Failure(Ctrnn net, double[] initial, SimulationException ex)
    {
        var slope = new double[initial.Length];
        net.Derivative(0, initial, slope);
        var overflow = slope.All(double.IsFinite) ? "" : " (dy/dt is not a finite number at the start: the weights, inputs or gains overflow)";
        return new SimulationException($"the CTRNN could not be integrated: {ex.Message}{overflow}; weights or gains this large, or time constants (tau) this small, make the network too stiff for the integrator"
            + " (use smaller weights or gains, larger tau, or a shorter duration)", ex);
    }

    private static (Ctrnn Net, double[] Initial) ReadNetwork(YamlSection root)
    {
        if (root.GetString("network", "custom") is var name && name != "custom")
        {
            if (name != "beer_oscillator")
            {
                throw root.Error("network", $"unknown network '{name}'", "use beer_oscillator, or give weights, bias and tau");
            }

            if (root.Has("weights") || root.Has("bias") || root.Has("tau"))
            {
                throw root.Error("network", "network: beer_oscillator fixes weights, bias and tau", "remove them, or drop the network key");
            }

            var beer = Ctrnn.BeerOscillator();
            var initial0 = root.Has("initial") ? Vector(root, "initial", 2) : new double[2];
            return (new Ctrnn(beer.Weights.ToArray(), beer.Bias, beer.TimeConstant, root.Has("input") ? Vector(root, "input", 2) : null, root.Has("gain") ? Vector(root, "gain", 2) : null), initial0);
        }

        if (!root.Has("weights"))
        {
            throw root.Error("weights", "give the weights (or network: beer_oscillator)", "weights: [[4.5, 1], [-1, 4.5]], bias: [-2.75, -1.75], tau: [1, 1]");
        }

        var w = root.GetMatrix("weights");
        var n = w.Length;
        if (w.Any(r => r.Length != n))
        {
            throw root.Error("weights", $"the weight matrix must be square, got {n} × {w[0].Length}");
        }

        var tau = Vector(root, "tau", n);
        if (tau.Any(t => !(t > 0)))
        {
            throw root.Error("tau", "time constants must be positive");
        }

        var weights = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                weights[i, j] = w[i][j];
            }
        }

        return (new Ctrnn(weights, Vector(root, "bias", n), tau, root.Has("input") ? Vector(root, "input", n) : null, root.Has("gain") ? Vector(root, "gain", n) : null),
            root.Has("initial") ? Vector(root, "initial", n) : new double[n]);
    }

    private static double[] Vector(YamlSection root, string key, int n)
    {
        var v = root.GetDoubleList(key);
        return v.Length == n ? v : throw root.Error(key, $"'{key}' needs {n} values (one per neuron), got {v.Length}");
    }
}
