namespace Neuromorph.Devices;

/// <summary>
/// Work done with a memristor's equations at their own struct type (<typeparamref name="TResult"/> its result): what
/// batched code (device studies, the device experiment, write-verify pulses) hands to
/// <see cref="IMemristorModel.WithEquations{TResult}"/> to run any model's batched form, generic over the equations,
/// without knowing the model.
/// </summary>
/// <typeparam name="TResult">What the work returns.</typeparam>
public interface IMemristorEquationsVisitor<out TResult>
{
    /// <summary>Does the work with <paramref name="equations"/>, a small unmanaged struct that lanes and GPU kernels run.</summary>
    /// <typeparam name="TEquations">The model's equations type.</typeparam>
    TResult Visit<TEquations>(TEquations equations)
        where TEquations : unmanaged, IMemristorEquations;
}
