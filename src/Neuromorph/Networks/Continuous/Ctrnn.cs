using Neuromorph.Numerics.Ode;

namespace Neuromorph.Networks.Continuous;

/// <summary>
/// Continuous-time recurrent neural network (Beer 1995): tau_i dy_i/dt = -y_i + sum_j w_ij sigma(g_j (y_j + theta_j)) + I_i,
/// sigma the logistic function, g_j the gains (1 unless given); w_ij is the weight from neuron j to neuron i.
/// </summary>
public sealed class Ctrnn
{
    /// <summary>Creates a network; I defaults to zero and the gains to one.</summary>
    public Ctrnn(double[,] weights, double[] bias, double[] timeConstant, double[]? input = null, double[]? gain = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(timeConstant);
        Weights = new DenseWeights(weights);
        Bias = bias;
        TimeConstant = timeConstant;
        Input = input ?? new double[bias.Length];
        Gain = gain ?? Enumerable.Repeat(1.0, bias.Length).ToArray();
    }

    /// <summary>Gains g_j (dimensionless).</summary>
    public double[] Gain { get; }

    /// <summary>Weights w_ij (row i: inputs of neuron i).</summary>
    public DenseWeights Weights { get; }

    /// <summary>Biases theta_j.</summary>
    public double[] Bias { get; }

    /// <summary>Time constants tau_i (seconds, or the model's time unit).</summary>
    public double[] TimeConstant { get; }

    /// <summary>External inputs I_i.</summary>
    public double[] Input { get; }

    /// <summary>Beer's (1995) two-neuron oscillator: w = [[4.5, 1], [-1, 4.5]], theta = (-2.75, -1.75), tau = 1.</summary>
    public static Ctrnn BeerOscillator() => new(new[,] { { 4.5, 1.0 }, { -1.0, 4.5 } }, [-2.75, -1.75], [1.0, 1.0]);

    /// <summary>Right-hand side dy/dt.</summary>
    public void Derivative(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var n = y.Length;
        var s = new double[n];
        for (var j = 0; j < n; j++)
        {
            s[j] = 1 / (1 + Math.Exp(-Gain[j] * (y[j] + Bias[j])));
        }

        var ws = new double[n];
        Weights.Multiply(s, ws, 1);
        for (var i = 0; i < n; i++)
        {
            dydt[i] = (-y[i] + ws[i] + Input[i]) / TimeConstant[i];
        }
    }

    /// <summary>Integrates y in place over [t0, t1] with the shared Dormand–Prince 5(4), then reports (t, y, dy/dt) at each accepted step.</summary>
    public void Run(double[] y, double t0, double t1, double relTol, double maxStep, Action<double, double[], double[]>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        var result = new DormandPrince54().Integrate(Derivative, t0, y, t1,
            new OdeOptions { RelTol = relTol, AbsTol = relTol * 1e-2, MaxStep = maxStep });
        result.Final.CopyTo(y, 0);
        if (observer is null)
        {
            return;
        }

        var f = new double[y.Length];
        for (var k = 0; k < result.Times.Count; k++)
        {
            Derivative(result.Times[k], result.States[k], f);
            observer(result.Times[k], result.States[k], f);
        }
    }
}
