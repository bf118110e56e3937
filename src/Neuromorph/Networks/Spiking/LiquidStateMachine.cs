using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Spiking;

/// <summary>
/// The liquid of a liquid-state machine (<see cref="LiquidSpec"/>): LIF neurons (<see cref="LifPopulation"/>) with
/// memristive synapses (<see cref="MemristiveSynapses"/>, sources 0..N−1 the liquid, N..N+M−1 the input neurons).
/// Each integration step holds every neuron's current constant (background + synaptic + injected), advances the
/// neurons exactly, then decays the synaptic currents (e^{−dt/τ_syn}) and adds each spike's jump decayed from its
/// exact time to the step's end. The state persists between calls.
/// </summary>
public sealed class LiquidStateMachine
{
    private readonly LifPopulation _neurons;
    private readonly double[] _amplitude;
    private readonly double[] _background;
    private readonly double[] _tauScale;
    private readonly bool[] _inhibitory;
    private readonly double[] _excitatory;
    private readonly double[] _inhibitoryCurrent;
    private readonly double[] _injection;
    private readonly double[] _current;
    private readonly double[] _trace;
    private readonly int[] _counts;
    private readonly List<Spike> _step = [];
    private readonly RandomStream _poisson;
    private double _time;

    /// <summary>Draws a liquid from <paramref name="spec"/>.</summary>
    public LiquidStateMachine(LiquidSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        Spec = spec;
        int n = spec.Neurons, m = spec.Coding == InputCoding.Rate ? spec.InputNeurons : 0;
        Excitatory = (int)Math.Round(spec.ExcitatoryFraction * n);
        _neurons = new LifPopulation(n, spec.Neuron);
        var rng = new RandomStream(SeedSequence.Derive(spec.Seed, "lsm.structure"));
        var connections = new List<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i != j && rng.NextDouble() < spec.Connectivity)
                {
                    connections.Add((i, j));
                }
            }
        }

        for (var k = 0; k < m; k++)
        {
            for (var j = 0; j < n; j++)
            {
                if (rng.NextDouble() < spec.InputConnectivity)
                {
                    connections.Add((n + k, j));
                }
            }
        }

        _background = [.. Enumerable.Range(0, n).Select(_ => spec.BackgroundCurrent + (spec.BackgroundSpread * ((2 * rng.NextDouble()) - 1)))];
        _tauScale = [.. Enumerable.Range(0, n).Select(_ => Math.Exp(spec.TauSynSpread * ((2 * rng.NextDouble()) - 1)))];
        InjectionWeights = new double[n * spec.InputSize];
        if (spec.Coding == InputCoding.Current)
        {
            for (var k = 0; k < InjectionWeights.Length; k++)
            {
                InjectionWeights[k] = rng.NextDouble() < spec.InputConnectivity ? (2 * rng.NextDouble()) - 1 : 0;
            }
        }

        var devices = new RandomStream(SeedSequence.Derive(spec.Seed, "lsm.devices"));
        var d = spec.Device;
        var g = connections.Select(_ => d.Nominal * d.GOn * Math.Exp(d.Sigma * devices.NextGaussian())).ToList();
        Synapses = new MemristiveSynapses(n + m, n, connections, g, d, spec.Stdp);
        _amplitude = new double[n + m];
        _inhibitory = new bool[n + m];
        for (var s = 0; s < n + m; s++)
        {
            _inhibitory[s] = s >= Excitatory && s < n;
            _amplitude[s] = s < Excitatory ? spec.ExcitatoryWeight : s < n ? spec.InhibitoryWeight : spec.InputWeight;
        }

        _excitatory = new double[n];
        _inhibitoryCurrent = new double[n];
        _injection = new double[n];
        _current = new double[n];
        _trace = new double[n];
        _counts = new int[n];
        _poisson = new RandomStream(SeedSequence.Derive(spec.Seed, "lsm.poisson"));
    }

    /// <summary>The liquid's description.</summary>
    public LiquidSpec Spec { get; }

    /// <summary>N.</summary>
    public int Neurons => Spec.Neurons;

    /// <summary>Excitatory neurons (indices 0..E−1); the rest are inhibitory.</summary>
    public int Excitatory { get; }

    /// <summary>Input neurons M (0 with current injection).</summary>
    public int InputNeurons => Synapses.Sources - Neurons;

    /// <summary>The synapses (liquid and input).</summary>
    public MemristiveSynapses Synapses { get; }

    /// <summary>Injection weights w (N × I, row-major) of current coding.</summary>
    public double[] InjectionWeights { get; }

    /// <summary>Background current of each neuron (A).</summary>
    public ReadOnlySpan<double> Background => _background;

    /// <summary>Factor e^{s (2 U_j − 1)} on neuron j's synaptic time constants (<see cref="LiquidSpec.TauSynSpread"/>).</summary>
    public ReadOnlySpan<double> TauScale => _tauScale;

    /// <summary>Simulated time (s).</summary>
    public double Time => _time;

    /// <summary>When set, every liquid spike is appended here (neuron, absolute time).</summary>
    public List<Spike>? Recorded { get; set; }

    /// <summary>Total liquid spikes since construction or <see cref="Reset"/>.</summary>
    public long SpikeCount { get; private set; }

    /// <summary>Throws <see cref="ArgumentException"/> for a spec that cannot be simulated.</summary>
    public static void Validate(LiquidSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Neuron.Validate();
        spec.Device.Validate();
        spec.Stdp?.Validate();
        if (spec.Neurons < 1 || spec.InputSize < 1 || (spec.Coding == InputCoding.Rate && spec.InputNeurons < 1))
        {
            throw new ArgumentException("a liquid needs at least one neuron, one input channel and (rate coding) one input neuron");
        }

        if (!(spec.Connectivity is >= 0 and <= 1) || !(spec.InputConnectivity is >= 0 and <= 1) || !(spec.ExcitatoryFraction is >= 0 and <= 1))
        {
            throw new ArgumentException("connection probabilities and the excitatory fraction must lie in [0, 1]");
        }

        if (!(spec.TauSynExcitatory > 0 && spec.TauSynInhibitory > 0 && spec.ReadoutTau > 0 && spec.StepDuration > 0 && spec.Dt > 0))
        {
            throw new ArgumentException("time constants, the step duration and dt must be positive");
        }

        if (!(spec.ExcitatoryWeight >= 0 && spec.InhibitoryWeight >= 0 && spec.InputWeight >= 0 && spec.RateScale >= 0 && spec.BackgroundSpread >= 0 && spec.TauSynSpread >= 0))
        {
            throw new ArgumentException("synaptic weights and the rate scale must not be negative (the sign comes from the neuron type)");
        }
    }

    /// <summary>Back to rest: potentials, synaptic currents, traces and time; the conductances stay.</summary>
    public void Reset()
    {
        _neurons.Reset();
        Array.Clear(_excitatory);
        Array.Clear(_inhibitoryCurrent);
        Array.Clear(_trace);
        Synapses.ResetTraces();
        _time = 0;
        SpikeCount = 0;
    }

    /// <summary>
    /// Drives the liquid with <paramref name="steps"/> input rows (<paramref name="inputs"/>, steps × I), each held for
    /// <see cref="LiquidSpec.StepDuration"/>, and returns the readout features at the end of each step (steps × N).
    /// </summary>
    public double[] Drive(ReadOnlySpan<double> inputs, int steps)
    {
        var i = Spec.InputSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs.Length, steps * i);
        int n = Neurons, sub = SubSteps;
        var dt = Spec.StepDuration / sub;
        var features = new double[steps * n];
        var input = new List<Spike>();
        var limits = new double[i];
        for (var t = 0; t < steps; t++)
        {
            var u = inputs.Slice(t * i, i);
            Array.Clear(_counts);
            Array.Clear(_injection);
            if (Spec.Coding == InputCoding.Current)
            {
                for (var j = 0; j < n; j++)
                {
                    var sum = 0.0;
                    for (var c = 0; c < i; c++)
                    {
                        sum += InjectionWeights[(j * i) + c] * u[c];
                    }

                    _injection[j] = Spec.CurrentScale * sum;
                }
            }

            for (var s = 0; s < sub; s++)
            {
                input.Clear();
                if (Spec.Coding == InputCoding.Rate)
                {
                    for (var c = 0; c < i; c++)
                    {
                        limits[c] = Math.Exp(-Spec.RateScale * Math.Max(u[c], 0) * dt);
                    }

                    for (var k = 0; k < InputNeurons; k++)
                    {
                        AddPoisson(input, n + k, limits[k % i], _time, dt);
                    }
                }

                Advance(dt, input);
            }

            var row = features.AsSpan(t * n, n);
            for (var j = 0; j < n; j++)
            {
                row[j] = Spec.Features == LiquidFeatures.Counts ? _counts[j] : _trace[j];
            }
        }

        return features;
    }

    /// <summary>
    /// Presents input spikes (<see cref="Spike.Neuron"/> an input neuron 0..M−1, times relative to now, in
    /// [0, <paramref name="duration"/>)) and returns each liquid neuron's spike count over the presentation.
    /// </summary>
    public double[] Present(IReadOnlyList<Spike> spikes, double duration)
    {
        ArgumentNullException.ThrowIfNull(spikes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(duration);
        var sub = Math.Max(1, (int)Math.Round(duration / Spec.Dt));
        var dt = duration / sub;
        var sorted = spikes.OrderBy(s => s.Time).ToList();
        Array.Clear(_counts);
        Array.Clear(_injection);
        var input = new List<Spike>();
        var next = 0;
        var start = _time;
        for (var s = 0; s < sub; s++)
        {
            input.Clear();
            var end = (s + 1) * dt;
            while (next < sorted.Count && (sorted[next].Time < end || s == sub - 1))
            {
                var sp = sorted[next++];
                if ((uint)sp.Neuron >= (uint)InputNeurons)
                {
                    throw new ArgumentException($"input spike of neuron {sp.Neuron}, but the liquid has {InputNeurons} input neurons", nameof(spikes));
                }

                input.Add(new Spike(Neurons + sp.Neuron, start + Math.Clamp(sp.Time, s * dt, end)));
            }

            Advance(dt, input);
        }

        return [.. _counts.Select(c => (double)c)];
    }

    /// <summary>Integration steps per input step.</summary>
    public int SubSteps => Math.Max(1, (int)Math.Round(Spec.StepDuration / Spec.Dt));

    /// <summary>Poisson spikes of one input neuron over [t0, t0 + dt) by Knuth's product method; <paramref name="limit"/> = e^{−mean count}.</summary>
    private void AddPoisson(List<Spike> into, int source, double limit, double t0, double dt)
    {
        if (limit >= 1)
        {
            return;
        }

        var p = _poisson.NextDouble();
        while (p > limit)
        {
            into.Add(new Spike(source, t0 + (dt * _poisson.NextDouble())));
            p *= _poisson.NextDouble();
        }
    }

    /// <summary>One integration step of length <paramref name="dt"/> with the input spikes (source ids ≥ N) falling in it.</summary>
    private void Advance(double dt, List<Spike> inputSpikes)
    {
        var n = Neurons;
        for (var j = 0; j < n; j++)
        {
            _current[j] = _background[j] + _excitatory[j] - _inhibitoryCurrent[j] + _injection[j];
        }

        _step.Clear();
        _step.AddRange(inputSpikes);
        _neurons.Step(_current, _time, dt, _step);
        var end = _time + dt;
        double tauE = Spec.TauSynExcitatory, tauI = Spec.TauSynInhibitory, tauR = Spec.ReadoutTau;
        var decayR = Math.Exp(-dt / tauR);
        var uniform = Spec.TauSynSpread == 0;
        var decayE = Math.Exp(-dt / tauE);
        var decayI = Math.Exp(-dt / tauI);
        for (var j = 0; j < n; j++)
        {
            _excitatory[j] *= uniform ? decayE : Math.Exp(-dt / (tauE * _tauScale[j]));
            _inhibitoryCurrent[j] *= uniform ? decayI : Math.Exp(-dt / (tauI * _tauScale[j]));
            _trace[j] *= decayR;
        }

        if (Synapses.Stdp is not null && _step.Count > 1)
        {
            _step.Sort((a, b) => a.Time.CompareTo(b.Time));
        }

        foreach (var spike in _step)
        {
            var src = spike.Neuron;
            var inhibitory = _inhibitory[src];
            var target = inhibitory ? _inhibitoryCurrent : _excitatory;
            var age = end - spike.Time;
            var tau = inhibitory ? tauI : tauE;
            var jump = _amplitude[src] / Synapses.Device.GOn;
            var common = jump * Math.Exp(-age / tau);
            var (first, last) = Synapses.Outgoing(src);
            var g = Synapses.Conductances;
            for (var k = first; k < last; k++)
            {
                var j = Synapses.TargetOf(k);
                target[j] += (uniform ? common : jump * Math.Exp(-age / (tau * _tauScale[j]))) * g[k];
            }

            if (src < n)
            {
                Synapses.PostSpike(src, spike.Time);
                _counts[src]++;
                _trace[src] += Math.Exp(-(end - spike.Time) / tauR);
                SpikeCount++;
                Recorded?.Add(spike);
            }

            Synapses.PreSpike(src, spike.Time);
        }

        _time = end;
    }
}
