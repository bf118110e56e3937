namespace Neuromorph.Networks.Spiking;

/// <summary>
/// Sparse synapses from <see cref="Sources"/> presynaptic units to <see cref="Targets"/> postsynaptic neurons, each a
/// memristive device of conductance G in [G_off, G_on] (<see cref="SynapseDevice"/>) whose weight magnitude is
/// G / G_on (the sign belongs to the presynaptic neuron). Stored by source (for spike delivery) with an index by
/// target (for potentiation at a postsynaptic spike). Optional <see cref="StdpRule"/> updates G at each spike.
/// </summary>
public sealed class MemristiveSynapses
{
    private readonly int[] _outStart;
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly int[] _inStart;
    private readonly int[] _inSynapse;
    private readonly double[] _g;
    private readonly double[] _preTrace;
    private readonly double[] _preTime;
    private readonly double[] _postTrace;
    private readonly double[] _postTime;

    /// <summary>
    /// Synapses <paramref name="connections"/> (source, target) with initial conductances <paramref name="conductances"/>
    /// (S, clipped to [G_off, G_on]); <paramref name="stdp"/> null for fixed weights.
    /// </summary>
    public MemristiveSynapses(int sources, int targets, IReadOnlyList<(int Source, int Target)> connections, IReadOnlyList<double> conductances, SynapseDevice device, StdpRule? stdp = null)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(conductances);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegative(sources);
        ArgumentOutOfRangeException.ThrowIfNegative(targets);
        if (conductances.Count != connections.Count)
        {
            throw new ArgumentException($"{conductances.Count} conductances for {connections.Count} synapses", nameof(conductances));
        }

        device.Validate();
        stdp?.Validate();
        Device = device;
        Stdp = stdp;
        Sources = sources;
        Targets = targets;
        var order = Enumerable.Range(0, connections.Count).OrderBy(k => connections[k].Source).ThenBy(k => connections[k].Target).ToArray();
        var n = order.Length;
        _source = new int[n];
        _target = new int[n];
        _g = new double[n];
        _outStart = new int[sources + 1];
        for (var k = 0; k < n; k++)
        {
            var (s, t) = connections[order[k]];
            if ((uint)s >= (uint)sources || (uint)t >= (uint)targets)
            {
                throw new ArgumentException($"synapse {s} -> {t} lies outside {sources} sources and {targets} targets", nameof(connections));
            }

            _source[k] = s;
            _target[k] = t;
            _g[k] = Math.Clamp(conductances[order[k]], device.GOff, device.GOn);
            _outStart[s + 1]++;
        }

        for (var s = 0; s < sources; s++)
        {
            _outStart[s + 1] += _outStart[s];
        }

        _inStart = new int[targets + 1];
        foreach (var t in _target)
        {
            _inStart[t + 1]++;
        }

        for (var t = 0; t < targets; t++)
        {
            _inStart[t + 1] += _inStart[t];
        }

        _inSynapse = new int[n];
        var fill = (int[])_inStart.Clone();
        for (var k = 0; k < n; k++)
        {
            _inSynapse[fill[_target[k]]++] = k;
        }

        _preTrace = new double[sources];
        _preTime = new double[sources];
        _postTrace = new double[targets];
        _postTime = new double[targets];
    }

    /// <summary>Presynaptic units.</summary>
    public int Sources { get; }

    /// <summary>Postsynaptic neurons.</summary>
    public int Targets { get; }

    /// <summary>Synapses.</summary>
    public int Count => _g.Length;

    /// <summary>The device model.</summary>
    public SynapseDevice Device { get; }

    /// <summary>The plasticity rule, or null.</summary>
    public StdpRule? Stdp { get; }

    /// <summary>Whether <see cref="Stdp"/> acts (true by default; false freezes the conductances, traces stop too).</summary>
    public bool Plastic { get; set; } = true;

    /// <summary>Conductances G (S), by synapse in source order.</summary>
    public ReadOnlySpan<double> Conductances => _g;

    /// <summary>Synapse indices [first, end) leaving <paramref name="source"/>.</summary>
    public (int First, int End) Outgoing(int source) => (_outStart[source], _outStart[source + 1]);

    /// <summary>Target neuron of synapse <paramref name="synapse"/>.</summary>
    public int TargetOf(int synapse) => _target[synapse];

    /// <summary>Source unit of synapse <paramref name="synapse"/>.</summary>
    public int SourceOf(int synapse) => _source[synapse];

    /// <summary>Weight magnitude G / G_on of synapse <paramref name="synapse"/>.</summary>
    public double Weight(int synapse) => _g[synapse] / Device.GOn;

    /// <summary>The synapse from <paramref name="source"/> to <paramref name="target"/>, or −1.</summary>
    public int Find(int source, int target)
    {
        for (var k = _outStart[source]; k < _outStart[source + 1]; k++)
        {
            if (_target[k] == target)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Forgets every spike (traces to zero); the conductances stay.</summary>
    public void ResetTraces()
    {
        Array.Clear(_preTrace);
        Array.Clear(_preTime);
        Array.Clear(_postTrace);
        Array.Clear(_postTime);
    }

    /// <summary>
    /// A spike of source <paramref name="source"/> at <paramref name="time"/>: with STDP, each outgoing synapse is
    /// depressed by A₋ times its target's postsynaptic trace (A₋ Σ e^{−(t_pre − t_post)/τ₋} over earlier postsynaptic spikes).
    /// </summary>
    public void PreSpike(int source, double time)
    {
        if (Stdp is not { } rule || !Plastic)
        {
            return;
        }

        for (var k = _outStart[source]; k < _outStart[source + 1]; k++)
        {
            var t = _target[k];
            var y = _postTrace[t] * Math.Exp(-(time - _postTime[t]) / rule.TauMinus);
            if (y > 0)
            {
                _g[k] = Math.Clamp(_g[k] - (rule.AMinus * y), Device.GOff, Device.GOn);
            }
        }

        _preTrace[source] = (_preTrace[source] * Math.Exp(-(time - _preTime[source]) / rule.TauPlus)) + 1;
        _preTime[source] = time;
    }

    /// <summary>
    /// A spike of target neuron <paramref name="target"/> at <paramref name="time"/>: with STDP, each incoming synapse
    /// is potentiated by A₊ times its source's presynaptic trace.
    /// </summary>
    public void PostSpike(int target, double time)
    {
        if (Stdp is not { } rule || !Plastic)
        {
            return;
        }

        for (var j = _inStart[target]; j < _inStart[target + 1]; j++)
        {
            var k = _inSynapse[j];
            var s = _source[k];
            var x = _preTrace[s] * Math.Exp(-(time - _preTime[s]) / rule.TauPlus);
            if (x > 0)
            {
                _g[k] = Math.Clamp(_g[k] + (rule.APlus * x), Device.GOff, Device.GOn);
            }
        }

        _postTrace[target] = (_postTrace[target] * Math.Exp(-(time - _postTime[target]) / rule.TauMinus)) + 1;
        _postTime[target] = time;
    }
}
