namespace Neuromorph.Networks.Spiking;

/// <summary>A spike of neuron (or input channel) <paramref name="Neuron"/> at time <paramref name="Time"/> (s).</summary>
public readonly record struct Spike(int Neuron, double Time);
