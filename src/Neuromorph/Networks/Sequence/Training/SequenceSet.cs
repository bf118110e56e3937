using Neuromorph.Numerics.Randomness;
namespace Neuromorph.Networks.Sequence.Training;

/// <summary>
/// N sequences of T steps with their targets, stored sequence-major: inputs N × T × I, targets N × T × O
/// (<see cref="TargetTiming.EveryStep"/>) or N × O (<see cref="TargetTiming.FinalStep"/>). For cross-entropy O = 1 and
/// the target is the class index. The first <see cref="Washout"/> steps of every sequence are not scored.
/// </summary>
public sealed class SequenceSet
{
    /// <summary>Creates a set over the given arrays (not copied).</summary>
    public SequenceSet(int count, int steps, int inputSize, int targetSize, double[] inputs, double[] targets, TargetTiming timing, int washout = 0)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSize);
        ArgumentOutOfRangeException.ThrowIfNegative(washout);
        if (inputs.Length != count * steps * inputSize)
        {
            throw new ArgumentException($"{inputs.Length} input values, expected N × T × I = {count * steps * inputSize}", nameof(inputs));
        }

        var perSequence = timing == TargetTiming.EveryStep ? steps * targetSize : targetSize;
        if (targets.Length != count * perSequence)
        {
            throw new ArgumentException($"{targets.Length} target values, expected {count * perSequence}", nameof(targets));
        }

        if (timing == TargetTiming.EveryStep && washout >= steps)
        {
            throw new ArgumentException($"washout {washout} leaves no scored step of {steps}", nameof(washout));
        }

        Count = count;
        Steps = steps;
        InputSize = inputSize;
        TargetSize = targetSize;
        Inputs = inputs;
        Targets = targets;
        Timing = timing;
        Washout = washout;
    }

    /// <summary>N, number of sequences.</summary>
    public int Count { get; }

    /// <summary>T, steps per sequence.</summary>
    public int Steps { get; }

    /// <summary>I, input features per step.</summary>
    public int InputSize { get; }

    /// <summary>O, target values per scored step (1 holding the class index for cross-entropy).</summary>
    public int TargetSize { get; }

    /// <summary>N × T × I.</summary>
    public double[] Inputs { get; }

    /// <summary>N × T × O or N × O.</summary>
    public double[] Targets { get; }

    /// <summary>Every step or the final step.</summary>
    public TargetTiming Timing { get; }

    /// <summary>Leading steps of each sequence that are not scored.</summary>
    public int Washout { get; }

    /// <summary>Target values per sequence.</summary>
    public int TargetsPerSequence => Timing == TargetTiming.EveryStep ? Steps * TargetSize : TargetSize;

    /// <summary>The sequences at <paramref name="indices"/>, copied.</summary>
    public SequenceSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        int ti = Steps * InputSize, to = TargetsPerSequence;
        var x = new double[indices.Count * ti];
        var y = new double[indices.Count * to];
        for (var k = 0; k < indices.Count; k++)
        {
            Array.Copy(Inputs, indices[k] * ti, x, k * ti, ti);
            Array.Copy(Targets, indices[k] * to, y, k * to, to);
        }

        return new SequenceSet(indices.Count, Steps, InputSize, TargetSize, x, y, Timing, Washout);
    }

    /// <summary>
    /// Splits off a validation set: a seeded random <paramref name="fraction"/> of the sequences (at least one when
    /// the fraction is positive and there are two or more sequences) goes to validation, the rest to training.
    /// </summary>
    public (SequenceSet Train, SequenceSet? Validation) Split(double fraction, ulong seed)
    {
        if (fraction <= 0 || Count < 2)
        {
            return (this, null);
        }

        var order = Enumerable.Range(0, Count).ToArray();
        var rng = new RandomStream(seed);
        rng.Shuffle<int>(order);
        var nv = Math.Clamp((int)Math.Round(fraction * Count), 1, Count - 1);
        return (Subset(order[nv..]), Subset(order[..nv]));
    }

    /// <summary>
    /// Copies the sequences at <paramref name="indices"/> into time-major arrays: x is T × B × I, targets T × B × O
    /// (every step) or B × O (final step).
    /// </summary>
    public void Gather(ReadOnlySpan<int> indices, Span<double> x, Span<double> targets)
    {
        var b = indices.Length;
        for (var k = 0; k < b; k++)
        {
            var s = indices[k];
            for (var t = 0; t < Steps; t++)
            {
                Inputs.AsSpan(((s * Steps) + t) * InputSize, InputSize).CopyTo(x.Slice(((t * b) + k) * InputSize, InputSize));
                if (Timing == TargetTiming.EveryStep)
                {
                    Targets.AsSpan(((s * Steps) + t) * TargetSize, TargetSize).CopyTo(targets.Slice(((t * b) + k) * TargetSize, TargetSize));
                }
            }

            if (Timing == TargetTiming.FinalStep)
            {
                Targets.AsSpan(s * TargetSize, TargetSize).CopyTo(targets.Slice(k * TargetSize, TargetSize));
            }
        }
    }
}
