namespace Neuromorph.Networks.Memory.Training;

/// <summary>One learning-curve point: after <paramref name="Update"/> updates and <paramref name="Sequences"/> training sequences, the mean loss per bit and bit errors per sequence over the updates since the previous point.</summary>
public sealed record NtmCurvePoint(int Update, long Sequences, double Loss, double BitErrorsPerSequence, double Seconds);
