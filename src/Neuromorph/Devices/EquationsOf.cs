namespace Neuromorph.Devices;

/// <summary>
/// Reads a device's equations where their type is known: every device of a batch is of one model, so the first
/// device's equations type (<see cref="IMemristorModel.WithEquations{TResult}"/>) is every device's.
/// </summary>
/// <typeparam name="TEquations">The equations type of the batch.</typeparam>
public sealed class EquationsOf<TEquations> : IMemristorEquationsVisitor<TEquations>
    where TEquations : unmanaged, IMemristorEquations
{
    private EquationsOf()
    {
    }

    /// <summary>The one instance (it holds nothing).</summary>
    public static EquationsOf<TEquations> Instance { get; } = new();

    /// <summary>The equations of <paramref name="model"/>, which must be of type <typeparamref name="TEquations"/>.</summary>
    public static TEquations Of(IMemristorModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.WithEquations(Instance);
    }

    /// <inheritdoc />
    public TEquations Visit<T>(T equations)
        where T : unmanaged, IMemristorEquations =>
        equations is TEquations same ? same : throw new ArgumentException($"a device with {typeof(T).Name} in a batch of {typeof(TEquations).Name}", nameof(equations));
}
