namespace Neuromorph.Networks.Spiking;

/// <summary>How an input value reaches the liquid.</summary>
public enum InputCoding
{
    /// <summary>Poisson input neurons firing at <see cref="LiquidSpec.RateScale"/> · max(u, 0) Hz, through excitatory memristive synapses.</summary>
    Rate,

    /// <summary>A current <see cref="LiquidSpec.CurrentScale"/> · w_ic · u_c injected into each neuron (w uniform in [−1, 1], for a fraction <see cref="LiquidSpec.InputConnectivity"/> of neurons).</summary>
    Current,
}

/// <summary>What the readout sees of each neuron at the end of an input step.</summary>
public enum LiquidFeatures
{
    /// <summary>The spike train filtered by e^{−t/τ_readout} (sampled at the step's end).</summary>
    Traces,

    /// <summary>Spikes counted over the step.</summary>
    Counts,
}

/// <summary>
/// A liquid-state machine (Maass, Natschläger and Markram 2002): a random sparse recurrent network of LIF neurons
/// (80 % excitatory, 20 % inhibitory by default) coupled by current-based exponential synapses on memristive
/// devices, driven by rate-coded Poisson input neurons or by current injection. SI units. The defaults are the
/// configuration tuned for NARMA10 with rate-coded input in docs/lsm.md (Maass et al.'s neuron, with a slower
/// membrane, slower synapses and many weak, sparsely connected input neurons).
/// </summary>
public sealed record LiquidSpec
{
    /// <summary>Liquid neurons N.</summary>
    public int Neurons { get; init; } = 200;

    /// <summary>Fraction of excitatory neurons (the first round(f N) neurons are excitatory).</summary>
    public double ExcitatoryFraction { get; init; } = 0.8;

    /// <summary>Probability of a synapse from one liquid neuron to another (no self-connections).</summary>
    public double Connectivity { get; init; } = 0.1;

    /// <summary>The neuron model.</summary>
    public LifParameters Neuron { get; init; } = new() { TauM = 0.1 };

    /// <summary>Constant current into every liquid neuron (A).</summary>
    public double BackgroundCurrent { get; init; } = 10e-9;

    /// <summary>Half-width of the spread of background currents: neuron i gets I_bg + spread · (2 U_i − 1), U_i uniform in [0, 1) (A).</summary>
    public double BackgroundSpread { get; init; } = 5e-9;

    /// <summary>Decay time of excitatory synaptic currents (s).</summary>
    public double TauSynExcitatory { get; init; } = 0.01;

    /// <summary>Decay time of inhibitory synaptic currents (s).</summary>
    public double TauSynInhibitory { get; init; } = 0.02;

    /// <summary>
    /// Log-spread s of the synaptic time constants: neuron j's incoming synapses decay with τ_syn · e^{s (2 U_j − 1)},
    /// U_j uniform in [0, 1) (0: every neuron alike). Heterogeneous time constants give the liquid kernels of many lengths.
    /// </summary>
    public double TauSynSpread { get; init; }

    /// <summary>Current jump (A) of an excitatory synapse at G = G_on.</summary>
    public double ExcitatoryWeight { get; init; } = 10e-9;

    /// <summary>Current jump magnitude (A) of an inhibitory synapse at G = G_on.</summary>
    public double InhibitoryWeight { get; init; } = 40e-9;

    /// <summary>The synaptic devices.</summary>
    public SynapseDevice Device { get; init; } = new();

    /// <summary>STDP on every synapse (liquid and input), or null.</summary>
    public StdpRule? Stdp { get; init; }

    /// <summary>Input channels I (the task's input columns).</summary>
    public int InputSize { get; init; } = 1;

    /// <summary>How inputs are coded.</summary>
    public InputCoding Coding { get; init; } = InputCoding.Rate;

    /// <summary>Poisson input neurons (rate coding; neuron k carries channel k mod I).</summary>
    public int InputNeurons { get; init; } = 4000;

    /// <summary>Probability that an input neuron (or, for current injection, a channel) reaches a liquid neuron.</summary>
    public double InputConnectivity { get; init; } = 0.05;

    /// <summary>Current jump (A) of an input synapse at G = G_on.</summary>
    public double InputWeight { get; init; } = 0.5e-9;

    /// <summary>Poisson rate per unit of input (Hz); negative inputs give rate 0.</summary>
    public double RateScale { get; init; } = 1000;

    /// <summary>Injected current per unit of input (A), current coding.</summary>
    public double CurrentScale { get; init; } = 5e-9;

    /// <summary>Simulated time per input step (s).</summary>
    public double StepDuration { get; init; } = 0.01;

    /// <summary>Integration step (s); the input step is split into round(step_duration / dt) equal steps.</summary>
    public double Dt { get; init; } = 0.001;

    /// <summary>What the readout sees.</summary>
    public LiquidFeatures Features { get; init; } = LiquidFeatures.Traces;

    /// <summary>Readout filter time constant τ_readout (s).</summary>
    public double ReadoutTau { get; init; } = 0.05;

    /// <summary>Seed of the structure, the devices and the Poisson input.</summary>
    public ulong Seed { get; init; } = 1;
}
