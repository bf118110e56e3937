namespace Neuromorph.Circuits.Analyses;

/// <summary>Counts and timing of one analysis run.</summary>
public sealed record SimulationStatistics(int Points, int AcceptedSteps, int RejectedSteps, int NewtonIterations, int Factorisations, TimeSpan Wall);

/// <summary>One output column: its header (as written in .print, lower-case) and its values at every point.</summary>
public sealed record ResultColumn(string Header, double[] Values);

/// <summary>
/// The result of one analysis: its kind (<c>op</c>, <c>dc</c>, <c>tran</c>), the independent variable
/// (<c>time</c> in seconds, the swept source's value, or nothing for op) and one column per output.
/// </summary>
public sealed record AnalysisResult(string Kind, string IndependentName, double[] Independent, IReadOnlyList<ResultColumn> Columns, SimulationStatistics Statistics)
{
    /// <summary>Vectors recorded for measurements and control-block outputs but not printed (the CSV has <see cref="Columns"/> only).</summary>
    public IReadOnlyList<ResultColumn> Vectors { get; init; } = [];

    /// <summary>What the user should know about how the run went (e.g. steps taken at a discontinuous threshold).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>No analysis: what control-block commands read before (or without) any analysis.</summary>
    public static AnalysisResult Empty { get; } = new("none", "", [], [], new SimulationStatistics(0, 0, 0, 0, 0, TimeSpan.Zero));

    /// <summary>True for the analyses of one point and no independent variable: <c>op</c>, <c>tf</c>, <c>sens</c>.</summary>
    public bool IsPoint => IsPointKind(Kind);

    /// <summary>True for the kinds of one-point analyses (<see cref="IsPoint"/>).</summary>
    public static bool IsPointKind(string kind) => kind is "op" or "tf" or "sens";

    /// <summary>A column (printed or recorded) by header, or null.</summary>
    public ResultColumn? Column(string header) =>
        Columns.FirstOrDefault(c => string.Equals(c.Header, header, StringComparison.OrdinalIgnoreCase))
        ?? Vectors.FirstOrDefault(c => string.Equals(c.Header, header, StringComparison.OrdinalIgnoreCase));
}
