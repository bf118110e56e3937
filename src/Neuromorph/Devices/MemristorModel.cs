namespace Neuromorph.Devices;

/// <summary>
/// A memristor model whose physics is its equations struct <typeparamref name="TEquations"/> (the one implementation
/// that the circuit engines call through <see cref="IMemristorModel"/> and that batched transients run as lanes):
/// delegates every member to it and hands it to batched code through <see cref="WithEquations{TResult}"/>. A new model
/// derives from this with its equations and name; nothing outside its folder needs to know its type.
/// </summary>
/// <typeparam name="TEquations">The model's equations.</typeparam>
/// <param name="equations">One device's equations (its parameters).</param>
public abstract class MemristorModel<TEquations>(TEquations equations) : IMemristorModel
    where TEquations : unmanaged, IMemristorEquations
{
    /// <summary>The equations (shared with the batched device kernels).</summary>
    public TEquations Equations { get; } = equations;

    /// <inheritdoc />
    public abstract string ModelName { get; }

    /// <inheritdoc />
    public double InitialState => Equations.InitialState;

    /// <inheritdoc />
    public double MinState => Equations.MinState;

    /// <inheritdoc />
    public double MaxState => Equations.MaxState;

    /// <inheritdoc />
    public virtual (double Low, double High) ProgrammingRange => (MinState, MaxState);

    /// <inheritdoc />
    public double Resistance(double voltage, double state) => Equations.Resistance(voltage, state);

    /// <inheritdoc />
    public MemristorEvaluation Evaluate(double voltage, double state) => Equations.Evaluate(voltage, state);

    /// <inheritdoc />
    public TResult WithEquations<TResult>(IMemristorEquationsVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(Equations);
    }
}
