namespace Neuromorph.Networks.Continuous;

/// <summary>Neuron transfer function V = g(u) of a continuous Hopfield network.</summary>
public enum Activation
{
    /// <summary>V = tanh(lambda u), V in (-1, 1).</summary>
    Tanh,

    /// <summary>V = 1 / (1 + exp(-lambda u)), V in (0, 1).</summary>
    Logistic,
}
