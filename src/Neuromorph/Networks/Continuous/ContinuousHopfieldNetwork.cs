using Neuromorph.Compute;
using Neuromorph.Numerics.Ode;

namespace Neuromorph.Networks.Continuous;

/// <summary>
/// Continuous Hopfield network (Hopfield, PNAS 81, 3088, 1984): C_i du_i/dt = sum_j T_ij V_j - u_i/R_i + I_i,
/// V_i = g(lambda u_i). Energy E = -1/2 V^T T V + sum_i (1/R_i) int_0^{V_i} g^-1(v) dv - I^T V, non-increasing
/// for symmetric T. Units are the circuit's: C in farad, R in ohm, I in ampere, u in volt (any consistent set works).
/// </summary>
public sealed class ContinuousHopfieldNetwork
{
    /// <summary>Creates a network; C, R default to 1 and I to 0 when null.</summary>
    public ContinuousHopfieldNetwork(IWeightSubstrate weights, Activation activation, double gain,
        double[]? capacitance = null, double[]? resistance = null, double[]? current = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gain);
        Weights = weights;
        Activation = activation;
        Gain = gain;
        var n = weights.Rows;
        Capacitance = capacitance ?? Enumerable.Repeat(1.0, n).ToArray();
        Resistance = resistance ?? Enumerable.Repeat(1.0, n).ToArray();
        Current = current ?? new double[n];
    }

    /// <summary>Symmetric weights T.</summary>
    public IWeightSubstrate Weights { get; }

    /// <summary>Transfer function.</summary>
    public Activation Activation { get; }

    /// <summary>Gain lambda (1/volt).</summary>
    public double Gain { get; }

    /// <summary>C_i.</summary>
    public double[] Capacitance { get; }

    /// <summary>R_i.</summary>
    public double[] Resistance { get; }

    /// <summary>I_i.</summary>
    public double[] Current { get; }

    /// <summary>V = g(u).</summary>
    public double Output(double u) => Activation == Activation.Tanh ? Math.Tanh(Gain * u) : 1 / (1 + Math.Exp(-Gain * u));

    /// <summary>int_0^V g^-1(v) dv in closed form.</summary>
    public double InverseIntegral(double v) => Activation == Activation.Tanh
        ? ((v * Math.Atanh(v)) + (0.5 * Math.Log(1 - (v * v)))) / Gain
        : (XLogX(v) + XLogX(1 - v)) / Gain;

    /// <summary>Right-hand side du/dt.</summary>
    public void Derivative(double t, ReadOnlySpan<double> u, Span<double> dudt)
    {
        var (v, tv) = OutputsAndInputs(u);
        for (var i = 0; i < u.Length; i++)
        {
            dudt[i] = (tv[i] - (u[i] / Resistance[i]) + Current[i]) / Capacitance[i];
        }
    }

    /// <summary>Hopfield energy at internal state u.</summary>
    public double Energy(ReadOnlySpan<double> u)
    {
        var (v, tv) = OutputsAndInputs(u);
        var e = 0.0;
        for (var i = 0; i < u.Length; i++)
        {
            e += (-0.5 * v[i] * tv[i]) + (InverseIntegralAt(u[i]) / Resistance[i]) - (Current[i] * v[i]);
        }

        return e;
    }

    /// <summary>Integrates u in place over [0, duration] (shared Dormand–Prince 5(4)) and returns (t, energy) at every accepted step.</summary>
    public IReadOnlyList<(double Time, double Energy)> Run(double[] u, double duration, double relTol = 1e-9)
    {
        ArgumentNullException.ThrowIfNull(u);
        var result = new DormandPrince54().Integrate(Derivative, 0, u, duration, new OdeOptions { RelTol = relTol, AbsTol = relTol * 1e-2 });
        result.Final.CopyTo(u, 0);
        return result.Times.Select((t, k) => (t, Energy(result.States[k]))).ToList();
    }

    /// <summary>int_0^{g(u)} g^-1(v) dv evaluated from u, stable when V saturates to +-1 (or 0/1) in floating point.</summary>
    public double InverseIntegralAt(double u)
    {
        var x = Gain * u;
        var v = Output(u);
        if (Activation == Activation.Tanh)
        {
            // V atanh V + 1/2 ln(1 - V^2) with atanh V = x and ln(1 - V^2) = -2 ln cosh x.
            var lnCosh = Math.Abs(x) + Math.Log(1 + Math.Exp(-2 * Math.Abs(x))) - Math.Log(2);
            return ((v * x) - lnCosh) / Gain;
        }

        // V ln V + (1 - V) ln(1 - V) with ln V = -softplus(-x), ln(1 - V) = -softplus(x).
        return (-(v * Softplus(-x)) - ((1 - v) * Softplus(x))) / Gain;
    }

    /// <summary>V = g(u) and the synaptic input T V.</summary>
    private (double[] V, double[] TV) OutputsAndInputs(ReadOnlySpan<double> u)
    {
        var v = new double[u.Length];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = Output(u[i]);
        }

        var tv = new double[u.Length];
        Weights.Multiply(v, tv, 1);
        return (v, tv);
    }

    private static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));

    private static double XLogX(double x) => x <= 0 ? 0 : x * Math.Log(x);
}
