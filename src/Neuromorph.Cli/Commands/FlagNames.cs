using Neuromorph.Diagnostics;

namespace Neuromorph.Cli.Commands;

/// <summary>Settings spelled as command-line flags: <c>--time-limit</c>, <c>--time-limit 60</c>, pairs <c>time=30</c>; flags have no file location.</summary>
public sealed class FlagNames : SettingNames
{
    /// <summary>The one instance.</summary>
    public static FlagNames Instance { get; } = new();

    /// <inheritdoc />
    public override string Name(string setting) => $"--{setting}";

    /// <inheritdoc />
    public override string Assign(string setting, string value) => $"--{setting} {value}";
}
