using Neuromorph.Networks;
using Neuromorph.Networks.Continuous;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks;

public class DynamicsTests
{
    [Theory]
    [InlineData(Activation.Tanh)]
    [InlineData(Activation.Logistic)]
    public void Continuous_Hopfield_energy_never_increases_for_symmetric_weights(Activation g)
    {
        var rng = new RandomStream(4);
        const int n = 12;
        var t = new DenseWeights(n, n);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                t[i, j] = t[j, i] = (rng.NextDouble() * 2) - 1;
            }
        }

        var current = Enumerable.Range(0, n).Select(_ => (rng.NextDouble() * 0.4) - 0.2).ToArray();
        var net = new ContinuousHopfieldNetwork(t, g, gain: 3, current: current);
        var u = Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var trace = net.Run(u, 30);
        Assert.True(trace.Count > 10);
        for (var k = 1; k < trace.Count; k++)
        {
            Assert.True(trace[k].Energy <= trace[k - 1].Energy + 1e-9, $"E rose at t = {trace[k].Time}: {trace[k - 1].Energy} -> {trace[k].Energy}");
        }

        Assert.True(trace[^1].Energy < trace[0].Energy - 1e-3);
    }

    [Fact]
    public void Inverse_integral_matches_numerical_quadrature()
    {
        foreach (var g in new[] { Activation.Tanh, Activation.Logistic })
        {
            var net = new ContinuousHopfieldNetwork(new DenseWeights(1, 1), g, gain: 2.5);
            var v = g == Activation.Tanh ? 0.8 : 0.9;
            var lo = g == Activation.Tanh ? 0.0 : 0.5; // g^-1 = 0 there
            Func<double, double> inv = g == Activation.Tanh ? x => Math.Atanh(x) / 2.5 : x => Math.Log(x / (1 - x)) / 2.5;
            const int m = 20000;
            var h = (v - lo) / m;
            var sum = 0.0;
            for (var k = 0; k < m; k++)
            {
                sum += inv(lo + ((k + 0.5) * h)) * h;
            }

            Assert.Equal(sum, net.InverseIntegral(v) - net.InverseIntegral(lo), 6);
            var u = g == Activation.Tanh ? Math.Atanh(v) / 2.5 : Math.Log(v / (1 - v)) / 2.5;
            Assert.Equal(net.InverseIntegral(v), net.InverseIntegralAt(u), 9);
        }
    }

    /// <summary>
    /// Beer's oscillator: reference period 28.9999079 and y1 range [1.293847, 4.206153] from scipy's DOP853
    /// (rtol = atol = 1e-12, t in [0, 400], upward crossings of y1 = 2.75), computed independently of this code.
    /// </summary>
    [Fact]
    public void Beer_oscillator_settles_on_its_limit_cycle_with_the_reference_period()
    {
        var net = Ctrnn.BeerOscillator();
        var y = new double[2];
        var crossings = new List<double>();
        double tp = 0, yp = 0, fp = 0, min = double.MaxValue, max = double.MinValue;
        net.Run(y, 0, 400, 1e-10, 0.5, (t, s, f) =>
        {
            if (t > 0 && yp < 2.75 && s[0] >= 2.75)
            {
                crossings.Add(LimitCycle.HermiteRoot(tp, yp - 2.75, fp, t, s[0] - 2.75, f[0]));
            }

            if (t > 200)
            {
                min = Math.Min(min, s[0]);
                max = Math.Max(max, s[0]);
            }

            (tp, yp, fp) = (t, s[0], f[0]);
        });
        Assert.True(crossings.Count > 10);
        for (var k = crossings.Count - 5; k < crossings.Count; k++)
        {
            Assert.Equal(28.9999079, crossings[k] - crossings[k - 1], 4);
        }

        Assert.Equal(1.293847, min, 2); // sampled at steps, so only near the extremum
        Assert.Equal(4.206153, max, 2);
    }
}
