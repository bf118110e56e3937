using MathNet.Numerics.LinearAlgebra;
using Neuromorph.Networks;
using Neuromorph.Networks.Reservoirs;
using Neuromorph.Networks.Tasks;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Tests.Networks.Reservoirs;

public class EchoStateNetworkTests
{
    internal static double Nrmse(ReadOnlySpan<double> y, ReadOnlySpan<double> target)
    {
        var t = target.ToArray();
        var mean = t.Average();
        var variance = t.Select(v => (v - mean) * (v - mean)).Average();
        var mse = 0.0;
        for (var i = 0; i < t.Length; i++)
        {
            mse += (y[i] - t[i]) * (y[i] - t[i]);
        }

        return Math.Sqrt(mse / t.Length / variance);
    }

    [Fact]
    public void State_update_is_the_leaky_tanh_equation()
    {
        var esn = new EchoStateNetwork(new ReservoirSpec { Units = 7, InputSize = 2, Density = 0.5, LeakRate = 0.3, BiasScaling = 0.4, Seed = 3 });
        var w = esn.Recurrent.ToDense();
        var win = esn.InputMatrix.ToArray();
        var u = new double[] { 0.3, -0.7, 1.1, 0.2, -0.4, 0.9 };
        var states = esn.Run(u, 3);
        var x = new double[7];
        for (var t = 0; t < 3; t++)
        {
            var next = new double[7];
            for (var i = 0; i < 7; i++)
            {
                var z = esn.Bias[i] + (win[i * 2] * u[t * 2]) + (win[(i * 2) + 1] * u[(t * 2) + 1]);
                for (var j = 0; j < 7; j++)
                {
                    z += w[i, j] * x[j];
                }

                next[i] = (0.7 * x[i]) + (0.3 * Math.Tanh(z));
                Assert.Equal(next[i], states[(t * 7) + i], 14);
            }

            x = next;
        }
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Random_reservoir_has_the_requested_spectral_radius_and_arnoldi_agrees_with_the_full_decomposition()
    {
        var small = new EchoStateNetwork(new ReservoirSpec { Units = 150, SpectralRadius = 0.8, Seed = 2 });
        Assert.Equal(0.8, Matrix<double>.Build.DenseOfArray(small.Recurrent.ToDense()).Evd().EigenValues.Max(c => c.Magnitude), 10);
        var big = new EchoStateNetwork(new ReservoirSpec { Units = 500, SpectralRadius = 1, Density = 0.05, Seed = 4 });
        var exact = Matrix<double>.Build.DenseOfArray(big.Recurrent.ToDense()).Evd().EigenValues.Max(c => c.Magnitude);
        Assert.True(Math.Abs(exact - 1) < 2e-3, $"Arnoldi-scaled reservoir has rho = {exact}");
    }

    [Fact]
    public void Ridge_regression_equals_least_squares_on_the_augmented_system()
    {
        const int n = 80, f = 6, o = 2;
        var rng = new RandomStream(7);
        var x = Enumerable.Range(0, n * f).Select(_ => rng.NextGaussian()).ToArray();
        var y = Enumerable.Range(0, n * o).Select(_ => rng.NextGaussian()).ToArray();
        const double lambda = 0.7;
        var w = RidgeRegression.Fit(x, y, n, f, o, lambda);
        // minimise |X w - y|² + λ|w|² as ordinary least squares on [X; √λ I] w = [y; 0], solved by QR
        var a = Matrix<double>.Build.Dense(n + f, f, (i, j) => i < n ? x[(i * f) + j] : (i - n == j ? Math.Sqrt(lambda) : 0));
        for (var k = 0; k < o; k++)
        {
            var b = Vector<double>.Build.Dense(n + f, i => i < n ? y[(i * o) + k] : 0);
            var expected = a.QR().Solve(b);
            for (var j = 0; j < f; j++)
            {
                Assert.Equal(expected[j], w[(k * f) + j], 11);
            }
        }
    }

    /// <summary>Mackey–Glass τ = 17, one step (1 time unit) ahead, 300 units: target NRMSE below 1e-3.</summary>
    [Fact]
    public void Mackey_glass_one_step_prediction_nrmse_is_below_1e_3()
    {
        var s = MackeyGlass.Prediction(4000);
        var esn = new EchoStateNetwork(new ReservoirSpec { Units = 300, SpectralRadius = 0.9, InputScaling = 0.5, BiasScaling = 0.2, Seed = 1 });
        var states = esn.Run(s.Inputs, s.Length);
        var readout = ReservoirReadout.Fit(states[..(3000 * 300)], s.Inputs, s.Targets, 3000, 300, 1, 1, washout: 200, ridge: 1e-10, includeInput: true);
        var y = readout.Predict(states, s.Inputs, 3000, 1000);
        var nrmse = Nrmse(y, s.Targets.AsSpan(3000, 1000));
        Assert.True(nrmse < 1e-3, $"NRMSE {nrmse:E3}");
    }

    /// <summary>NARMA10 with 200 units: target NRMSE below 0.4.</summary>
    [Fact]
    public void Narma10_nrmse_is_below_0_4_with_200_units()
    {
        var s = Narma10.Generate(4000, 1);
        var esn = new EchoStateNetwork(new ReservoirSpec { Units = 200, SpectralRadius = 0.9, InputScaling = 0.2, BiasScaling = 0.1, Seed = 1 });
        var states = esn.Run(s.Inputs, s.Length);
        var readout = ReservoirReadout.Fit(states[..(3000 * 200)], s.Inputs, s.Targets, 3000, 200, 1, 1, 200, 1e-6, true);
        var nrmse = Nrmse(readout.Predict(states, s.Inputs, 3000, 1000), s.Targets.AsSpan(3000, 1000));
        Assert.True(nrmse < 0.4, $"NRMSE {nrmse:F3}");
    }

    [Trait("Category", "slow")]
    [Fact]
    public void Linear_orthogonal_reservoir_memory_capacity_is_close_to_but_not_above_n()
    {
        const int n = 30;
        var orthogonal = new EchoStateNetwork(new ReservoirSpec { Units = n, SpectralRadius = 0.9, Topology = ReservoirTopology.Orthogonal, Activation = ReservoirActivation.Identity, InputScaling = 0.1 });
        var mc = MemoryCapacity.Measure(orthogonal, 6 * n, 6 * n, 6000, 6000, 1e-10, 1);
        Assert.InRange(mc.Total, 0.95 * n, n + 0.2); // + 0.2: the r² estimates on 6000 steps are biased up by about 1/6000 each
        var random = new EchoStateNetwork(new ReservoirSpec { Units = n, SpectralRadius = 0.9, Activation = ReservoirActivation.Identity, InputScaling = 0.1 });
        var mcRandom = MemoryCapacity.Measure(random, 6 * n, 6 * n, 6000, 6000, 1e-10, 1);
        Assert.True(mcRandom.Total < mc.Total, $"random {mcRandom.Total:F2} vs orthogonal {mc.Total:F2}");
        Assert.True(mc.PerDelay.All(r2 => r2 is >= 0 and <= 1));
    }

    [Fact]
    public void Free_running_generation_continues_a_sine_it_was_trained_on()
    {
        var s = SineWave.Prediction(1500, 31.7, amplitude: 0.8);
        var esn = new EchoStateNetwork(new ReservoirSpec { Units = 100, SpectralRadius = 0.9, InputScaling = 0.5, Seed = 5 });
        var states = esn.Run(s.Inputs, 1000);
        var readout = ReservoirReadout.Fit(states, s.Inputs, s.Targets, 1000, 100, 1, 1, 100, 1e-9, true);
        var generated = FreeRun.Generate(esn, readout, [s.Inputs[1000]], 200); // y_t predicts input t + 1
        var expected = s.Targets.AsSpan(1000, 200);
        var worst = 0.0;
        for (var t = 0; t < 200; t++)
        {
            worst = Math.Max(worst, Math.Abs(generated[t] - expected[t]));
        }

        Assert.True(worst < 0.02, $"free run strays {worst:F4} from the sine within 200 steps");
    }
}
