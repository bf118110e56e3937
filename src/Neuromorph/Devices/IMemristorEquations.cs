namespace Neuromorph.Devices;

/// <summary>
/// A memristor model's equations as a small unmanaged struct of parameters: the one implementation that the device
/// classes (<see cref="IMemristorModel"/>, for the circuit engines) delegate to and that batched transients run inside
/// GPU kernels. Implementations must not allocate or throw.
/// </summary>
public interface IMemristorEquations
{
    /// <summary>State at t = 0.</summary>
    double InitialState { get; }

    /// <summary>Lowest state value.</summary>
    double MinState { get; }

    /// <summary>Highest state value.</summary>
    double MaxState { get; }

    /// <summary>The width of the state's working range (MaxState − MinState where both are finite): the scale of its absolute error.</summary>
    double StateScale { get; }

    /// <summary>Current, state rate and their partial derivatives at voltage <paramref name="voltage"/> (V) and <paramref name="state"/>.</summary>
    MemristorEvaluation Evaluate(double voltage, double state);

    /// <summary>Resistance in ohms as the model reports it.</summary>
    double Resistance(double voltage, double state);
}
