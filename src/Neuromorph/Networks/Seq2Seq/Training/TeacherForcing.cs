namespace Neuromorph.Networks.Seq2Seq.Training;

/// <summary>How the teacher-forcing ratio moves over the epochs.</summary>
public enum TeacherForcingDecay
{
    /// <summary>The start ratio throughout.</summary>
    Constant,

    /// <summary>From start to end in equal steps.</summary>
    Linear,

    /// <summary>From start to end by a constant factor per epoch (both must be positive).</summary>
    Exponential,
}

/// <summary>
/// The probability, per sequence and decoder step, of feeding the true previous token rather than the model's own
/// prediction (scheduled sampling, Bengio et al. 2015): epoch 1 uses <paramref name="Start"/>, the last epoch
/// <paramref name="End"/>.
/// </summary>
public sealed record TeacherForcing(double Start = 1, double End = 1, TeacherForcingDecay Decay = TeacherForcingDecay.Constant)
{
    /// <summary>The ratio of epoch <paramref name="epoch"/> (1-based) of <paramref name="epochs"/>.</summary>
    public double Ratio(int epoch, int epochs)
    {
        if (Decay == TeacherForcingDecay.Constant || epochs <= 1)
        {
            return Start;
        }

        var f = Math.Clamp((epoch - 1) / (double)(epochs - 1), 0, 1);
        return Decay == TeacherForcingDecay.Linear ? Start + ((End - Start) * f) : Start * Math.Pow(End / Start, f);
    }
}
