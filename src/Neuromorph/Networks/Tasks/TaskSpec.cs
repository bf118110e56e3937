namespace Neuromorph.Networks.Tasks;

/// <summary>The sequence tasks the generators provide, and users' own CSV series.</summary>
public enum TaskKind
{
    /// <summary>Sine prediction (<see cref="SineWave"/>).</summary>
    Sine,

    /// <summary>Mackey–Glass prediction (<see cref="MackeyGlass"/>).</summary>
    MackeyGlass,

    /// <summary>NARMA10 (<see cref="Narma10"/>).</summary>
    Narma10,

    /// <summary>The adding problem (<see cref="AddingProblem"/>), one target per sequence.</summary>
    Adding,

    /// <summary>Delayed copy of an i.i.d. input (<see cref="DelayedCopy"/>).</summary>
    DelayedCopy,

    /// <summary>One-to-many sine generation from a period given at the first step (<see cref="SineGeneration"/>).</summary>
    SineGeneration,

    /// <summary>A CSV file of feature and target columns (<see cref="TimeSeriesCsv"/>).</summary>
    Csv,
}

/// <summary>
/// Which data a sequence model or reservoir is trained and tested on. Series tasks generate <see cref="Length"/> steps,
/// keep the last <see cref="TestFraction"/> as one test sequence and cut the rest into training windows of
/// <see cref="Steps"/> steps every <see cref="Stride"/> steps, the first <see cref="Washout"/> of each unscored.
/// The adding problem and sine generation draw <see cref="Sequences"/> training and <see cref="TestSequences"/> test
/// sequences of <see cref="Steps"/> steps.
/// </summary>
public sealed record TaskSpec
{
    /// <summary>The task.</summary>
    public TaskKind Kind { get; init; } = TaskKind.Sine;

    /// <summary>Steps of a generated series.</summary>
    public int Length { get; init; } = 3000;

    /// <summary>Training sequences (adding problem).</summary>
    public int Sequences { get; init; } = 4000;

    /// <summary>Test sequences (adding problem).</summary>
    public int TestSequences { get; init; } = 500;

    /// <summary>T, steps per training sequence.</summary>
    public int Steps { get; init; } = 50;

    /// <summary>Steps between the starts of training windows (0: half a window).</summary>
    public int Stride { get; init; }

    /// <summary>Leading steps of each window (and of the test sequence) that are not scored.</summary>
    public int Washout { get; init; }

    /// <summary>Prediction horizon in steps (sine, Mackey–Glass, CSV).</summary>
    public int Horizon { get; init; } = 1;

    /// <summary>Fraction of a series held out as the test sequence.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Sine period in steps.</summary>
    public double Period { get; init; } = 25;

    /// <summary>Sine amplitude.</summary>
    public double Amplitude { get; init; } = 1;

    /// <summary>Shortest and longest period of <see cref="TaskKind.SineGeneration"/>, in steps.</summary>
    public (double Min, double Max) Periods { get; init; } = (10, 30);

    /// <summary>True for tasks of separate sequences (adding, sine generation) rather than windows of one series.</summary>
    public bool HasSeparateSequences => Kind is TaskKind.Adding or TaskKind.SineGeneration;

    /// <summary>Mackey–Glass delay τ (time units; sampled every time unit).</summary>
    public double Tau { get; init; } = 17;

    /// <summary>Delays of the delayed-copy task.</summary>
    public IReadOnlyList<int> Delays { get; init; } = [1];

    /// <summary>CSV file (absolute, or as the reader resolved it).</summary>
    public string? File { get; init; }

    /// <summary>CSV input columns.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>CSV target columns.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Seed of random tasks.</summary>
    public ulong Seed { get; init; } = 1;
}
