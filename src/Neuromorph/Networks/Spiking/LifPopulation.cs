namespace Neuromorph.Networks.Spiking;

/// <summary>
/// A population of identical leaky integrate-and-fire neurons (<see cref="LifParameters"/>), advanced by the exact
/// solution for a current held constant over each step: V(s) = V_∞ + (V − V_∞) e^{−s/τ_m} with V_∞ = V_rest + R I.
/// A threshold crossing inside a step is found in closed form, s* = τ_m ln((V − V_∞) / (V_th − V_∞)), so spike times do
/// not depend on the step (only on the current being constant over it); the neuron is then reset, held for t_ref
/// and, if the step has time left, integrated again (several spikes per step are possible).
/// </summary>
public sealed class LifPopulation
{
    private readonly double[] _v;
    private readonly double[] _refractory;

    /// <summary><paramref name="count"/> neurons at rest.</summary>
    public LifPopulation(int count, LifParameters parameters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        _v = new double[count];
        _refractory = new double[count];
        Reset();
    }

    /// <summary>The neuron model.</summary>
    public LifParameters Parameters { get; }

    /// <summary>Neurons.</summary>
    public int Count => _v.Length;

    /// <summary>Membrane potentials (V).</summary>
    public ReadOnlySpan<double> Potentials => _v;

    /// <summary>Every neuron back at V_rest, not refractory.</summary>
    public void Reset()
    {
        Array.Fill(_v, Parameters.VRest);
        Array.Clear(_refractory);
    }

    /// <summary>
    /// Advances every neuron from time <paramref name="t0"/> by <paramref name="dt"/> under the constant currents
    /// <paramref name="current"/> (A, one per neuron); appends each spike (with its exact time) to <paramref name="spikes"/>
    /// and returns how many there were.
    /// </summary>
    public int Step(ReadOnlySpan<double> current, double t0, double dt, List<Spike> spikes)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        ArgumentOutOfRangeException.ThrowIfLessThan(current.Length, Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dt);
        var p = Parameters;
        var fired = 0;
        for (var i = 0; i < _v.Length; i++)
        {
            var v = _v[i];
            var r = _refractory[i];
            var vInf = p.VRest + (p.Resistance * current[i]);
            var t = 0.0;
            while (true)
            {
                if (r > 0)
                {
                    if (r >= dt - t)
                    {
                        r -= dt - t;
                        v = p.VReset;
                        break;
                    }

                    t += r;
                    r = 0;
                    v = p.VReset;
                }

                var left = dt - t;
                var crossing = v >= p.VThreshold ? 0 : vInf > p.VThreshold ? p.TauM * Math.Log((v - vInf) / (p.VThreshold - vInf)) : double.PositiveInfinity;
                if (crossing <= left)
                {
                    t += crossing;
                    spikes.Add(new Spike(i, t0 + t));
                    fired++;
                    v = p.VReset;
                    r = p.Refractory;
                    if (r == 0 && t >= dt)
                    {
                        break;
                    }

                    continue;
                }

                v = vInf + ((v - vInf) * Math.Exp(-left / p.TauM));
                break;
            }

            _v[i] = v;
            _refractory[i] = r;
        }

        return fired;
    }
}
