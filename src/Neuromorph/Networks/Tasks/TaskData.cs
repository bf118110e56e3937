using Neuromorph.Networks.Sequence.Training;
using Neuromorph.Numerics.Randomness;

namespace Neuromorph.Networks.Tasks;

/// <summary>A task's training and test sets, the names of its input and target columns, and the whole series for series tasks.</summary>
public sealed record TaskData(SequenceSet Train, SequenceSet Test, IReadOnlyList<string> InputNames, IReadOnlyList<string> TargetNames, TimeSeries? Series, int SplitStep)
{
    /// <summary>Generates (or reads) the data <paramref name="spec"/> describes.</summary>
    public static TaskData Build(TaskSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind == TaskKind.Adding)
        {
            var train = AddingProblem.Generate(spec.Sequences, spec.Steps, spec.Seed);
            var test = AddingProblem.Generate(spec.TestSequences, spec.Steps, SeedSequence.Derive(spec.Seed, SeedPurpose.TaskTestSet));
            return new TaskData(train, test, ["value", "marker"], ["sum"], null, 0);
        }

        if (spec.Kind == TaskKind.SineGeneration)
        {
            var (lo, hi) = spec.Periods;
            var train = SineGeneration.Generate(spec.Sequences, spec.Steps, lo, hi, spec.Amplitude, spec.Seed);
            var test = SineGeneration.Generate(spec.TestSequences, spec.Steps, lo, hi, spec.Amplitude, SeedSequence.Derive(spec.Seed, SeedPurpose.TaskTestSet));
            return new TaskData(train, test, ["period"], ["sine"], null, 0);
        }

        var series = spec.Kind switch
        {
            TaskKind.Sine => SineWave.Prediction(spec.Length, spec.Period, spec.Amplitude, 0, spec.Horizon),
            TaskKind.MackeyGlass => MackeyGlass.Prediction(spec.Length, spec.Horizon, spec.Tau),
            TaskKind.Narma10 => Narma10.Generate(spec.Length, spec.Seed),
            TaskKind.DelayedCopy => DelayedCopy.Generate(spec.Length, spec.Delays, spec.Seed),
            _ => TimeSeriesCsv.Read(spec.File!, spec.Inputs, spec.Targets, spec.Horizon),
        };
        var split = (int)Math.Round(series.Length * (1 - spec.TestFraction));
        var trainPart = series.Slice(0, split);
        var testPart = series.Slice(split, series.Length - split);
        var steps = Math.Min(spec.Steps, trainPart.Length);
        var stride = spec.Stride > 0 ? spec.Stride : Math.Max(1, steps / 2);
        return new TaskData(trainPart.ToSequences(steps, stride, spec.Washout), testPart.ToSequences(testPart.Length, testPart.Length, spec.Washout),
            series.InputNames, series.TargetNames, series, split);
    }
}
