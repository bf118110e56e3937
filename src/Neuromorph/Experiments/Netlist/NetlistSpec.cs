using Neuromorph.Diagnostics;

namespace Neuromorph.Experiments.Netlist;

/// <summary>
/// What to simulate and what to hand back: a SPICE netlist, the engine, extra plots and a row limit per table. Each
/// setting is checked when the spec is made, with a message that names the setting in words (callers present it
/// under their own name for it: a command-line flag, a YAML key).
/// </summary>
public sealed record NetlistSpec
{
    /// <summary>Makes the spec; an impossible row limit is a <see cref="UserInputException"/> (<see cref="MaxPointsError"/>).</summary>
    /// <param name="netlistPath">The netlist file (.cir); Xyce and ngspice syntax both work.</param>
    /// <param name="engine">The engine.</param>
    /// <param name="plots">Extra plots "Y vs X" of result columns, one series per .step run.</param>
    /// <param name="maxPoints">At most this many evenly spaced rows per analysis table; 0 keeps every point.</param>
    public NetlistSpec(string netlistPath, NetlistEngineKind engine = NetlistEngineKind.Mna, IReadOnlyList<PlotRequest>? plots = null, int maxPoints = 0)
    {
        ArgumentNullException.ThrowIfNull(netlistPath);
        if (MaxPointsError(maxPoints) is { } error)
        {
            throw new UserInputException(error, MaxPointsHint);
        }

        NetlistPath = Path.GetFullPath(netlistPath);
        Engine = engine;
        Plots = plots ?? [];
        MaxPoints = maxPoints;
    }

    /// <summary>How to choose a row limit.</summary>
    public const string MaxPointsHint = "0 keeps every point; e.g. 10000 keeps at most 10000 evenly spaced rows per table";

    /// <summary>The netlist file, a full path.</summary>
    public string NetlistPath { get; }

    /// <summary>The engine.</summary>
    public NetlistEngineKind Engine { get; }

    /// <summary>Extra plots "Y vs X" (checked against the netlist's columns before anything runs).</summary>
    public IReadOnlyList<PlotRequest> Plots { get; }

    /// <summary>At most this many rows per analysis table, evenly spaced; 0: every point.</summary>
    public int MaxPoints { get; }

    /// <summary>Values that replace the netlist's <c>.param</c> values (a study's point); a <c>.step</c> value still wins.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();

    /// <summary>The netlist's text when the caller has read it already (a study reads it once); null: read the file.</summary>
    public string? Text { get; init; }

    /// <summary>What is wrong with <paramref name="maxPoints"/> as a row limit, or null when it is one.</summary>
    public static string? MaxPointsError(int maxPoints) =>
        maxPoints is < 0 or 1 ? $"max points must be 0 (every point) or at least 2, got {maxPoints}" : null;
}
